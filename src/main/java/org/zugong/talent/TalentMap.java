package org.zugong.talent;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talent map (人才地图): demand that employers post against the supply of certified talents, by
 * industry and by district, on a day.
 */
@Service
@Transactional(readOnly = true)
public class TalentMap {

  /** Demand (open positions) and supply (certified talents) of one industry in one district. */
  public record Cell(String regionCode, String industry, long demand, long supply) {}

  private final JdbcClient jdbc;

  TalentMap(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Demand and supply by district and industry on the day, within the caller's scope. */
  public List<Cell> cells(LocalDate on) {
    return jdbc.sql(
            """
            with demand as (
              select region_code, industry, sum(positions) as n from talent_posting
              where posted_on <= :on and (closed_on is null or closed_on > :on)
              group by region_code, industry),
            supply as (
              select left(region_code, 6) as region_code, industry, count(*) as n from talent
              where tier is not null and tier_certified_on <= :on group by 1, 2)
            select coalesce(d.region_code, s.region_code) as region_code,
              coalesce(d.industry, s.industry) as industry,
              coalesce(d.n, 0) as demand, coalesce(s.n, 0) as supply
            from demand d full join supply s on s.region_code = d.region_code and s.industry = d.industry
            order by 1, 2
            """)
        .param("on", on)
        .query(
            (rs, n) ->
                new Cell(
                    rs.getString("region_code"),
                    rs.getString("industry"),
                    rs.getLong("demand"),
                    rs.getLong("supply")))
        .list();
  }
}
