package org.zugong.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;

/**
 * Talent housing (人才安居房): units by project and district, and the waiting list of certified talents.
 * A unit goes to the waiting application of its district with the highest tier, then the earliest
 * application, then the lowest number.
 */
@Service
@Transactional
public class TalentHousing {

  public record Project(
      String project, String regionCode, long units, BigDecimal areaM2, long allocated) {}

  public record Unit(
      long id,
      String project,
      String unitNo,
      String regionCode,
      BigDecimal areaM2,
      LocalDate builtOn,
      @Nullable String tenant) {}

  public record Waiting(
      long id,
      long talentId,
      String talentName,
      Tier tier,
      String regionCode,
      LocalDate appliedOn) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TalentHousing(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** The projects in the caller's scope, with their units, area and units allocated. */
  @Transactional(readOnly = true)
  public List<Project> projects() {
    return jdbc.sql(
            """
            select u.project, min(u.region_code) as region_code, count(*) as units,
              sum(u.area_m2) as area, count(a.id) as allocated
            from talent_housing_unit u left join talent_housing_application a on a.unit_id = u.id
            group by u.project order by u.project
            """)
        .query(
            (rs, n) ->
                new Project(
                    rs.getString("project"),
                    rs.getString("region_code"),
                    rs.getLong("units"),
                    rs.getBigDecimal("area"),
                    rs.getLong("allocated")))
        .list();
  }

  /** Units of a project not yet allocated, first built first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<Unit> vacantUnits(String project, int limit) {
    return jdbc.sql(
            """
            select u.id, u.project, u.unit_no, u.region_code, u.area_m2, u.built_on, null as tenant
            from talent_housing_unit u where u.project = ?
              and not exists (select 1 from talent_housing_application a where a.unit_id = u.id)
            order by u.built_on, u.id limit ?
            """)
        .params(project, limit)
        .query(TalentHousing::unit)
        .list();
  }

  /** The waiting list of a district in allocation order, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<Waiting> waitingList(String regionCode, int limit) {
    return jdbc.sql(
            """
            select id, talent_id, talent_name, tier, region_code, applied_on
            from talent_housing_application where status = 'WAITING' and region_code = ?
            order by tier, applied_on, id limit ?
            """)
        .params(regionCode, limit)
        .query(
            (rs, n) ->
                new Waiting(
                    rs.getLong("id"),
                    rs.getLong("talent_id"),
                    rs.getString("talent_name"),
                    Tier.valueOf(rs.getString("tier")),
                    rs.getString("region_code"),
                    rs.getObject("applied_on", LocalDate.class)))
        .list();
  }

  /** Puts a certified talent on the waiting list of a district. */
  public long apply(TalentView t, String regionCode) {
    if (t.tier() == null) {
      throw new InvalidValueException("talent.housing.invalid.not-certified", t.name());
    }
    boolean already =
        jdbc.sql(
                "select exists (select 1 from talent_housing_application where talent_id = ?"
                    + " and status in ('WAITING', 'ALLOCATED'))")
            .param(t.id())
            .query(Boolean.class)
            .single();
    if (already) {
      throw new InvalidValueException("talent.housing.invalid.already", t.name());
    }
    long id =
        jdbc.sql(
                """
                insert into talent_housing_application (talent_id, talent_name, tier, region_code,
                  applied_on, status, scope_path) values (?, ?, ?, ?, ?, 'WAITING', ?) returning id
                """)
            .params(
                t.id(),
                t.name(),
                t.tier().name(),
                regionCode,
                LocalDate.now(clock),
                t.scopePath().value())
            .query(Long.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "talent_housing_application",
            Long.toString(id),
            "create",
            t.scopePath().value(),
            Map.of("region", new RecordChanged.Change(null, regionCode))));
    return id;
  }

  /**
   * Allocates a vacant unit to the first of its district's waiting list (highest tier, then
   * earliest application); returns the application, or empty when nobody waits.
   */
  public Optional<Waiting> allocate(long unitId) {
    Unit u =
        jdbc.sql(
                "select u.id, u.project, u.unit_no, u.region_code, u.area_m2, u.built_on,"
                    + " (select a.talent_name from talent_housing_application a where a.unit_id = u.id)"
                    + " as tenant from talent_housing_unit u where u.id = ? for update")
            .param(unitId)
            .query(TalentHousing::unit)
            .optional()
            .orElseThrow(() -> new ProgramApplicationNotFoundException("housing unit", unitId));
    if (u.tenant() != null) {
      throw new InvalidValueException("talent.housing.invalid.allocated", u.unitNo(), u.tenant());
    }
    Optional<Waiting> first =
        jdbc.sql(
                """
                select id, talent_id, talent_name, tier, region_code, applied_on
                from talent_housing_application where status = 'WAITING' and region_code = ?
                order by tier, applied_on, id limit 1 for update skip locked
                """)
            .param(u.regionCode())
            .query(
                (rs, n) ->
                    new Waiting(
                        rs.getLong("id"),
                        rs.getLong("talent_id"),
                        rs.getString("talent_name"),
                        Tier.valueOf(rs.getString("tier")),
                        rs.getString("region_code"),
                        rs.getObject("applied_on", LocalDate.class)))
            .optional();
    first.ifPresent(
        w -> {
          jdbc.sql(
                  "update talent_housing_application set status = 'ALLOCATED', unit_id = ?,"
                      + " allocated_on = ? where id = ?")
              .params(unitId, LocalDate.now(clock), w.id())
              .update();
          String scope =
              jdbc.sql("select scope_path from talent_housing_application where id = ?")
                  .param(w.id())
                  .query(String.class)
                  .single();
          events.publishEvent(
              new RecordChanged(
                  "talent_housing_application",
                  Long.toString(w.id()),
                  "allocate",
                  scope,
                  Map.of("unit", new RecordChanged.Change(null, u.project() + " " + u.unitNo()))));
        });
    return first;
  }

  private static Unit unit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Unit(
        rs.getLong("id"),
        rs.getString("project"),
        rs.getString("unit_no"),
        rs.getString("region_code"),
        rs.getBigDecimal("area_m2"),
        rs.getObject("built_on", LocalDate.class),
        rs.getString("tenant"));
  }
}
