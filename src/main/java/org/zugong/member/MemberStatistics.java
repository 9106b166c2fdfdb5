package org.zugong.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.member.MemberFilter.Dimension;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;

/**
 * The party statistics (党内统计) of any part of the tree the caller may see, computed from the member
 * records in one pass: members by status, and current members by stage, gender, age band,
 * education, ethnicity, occupation, new employment group and mobility. Each figure opens its list
 * through {@link MemberFilter}.
 */
@Service
@Transactional(readOnly = true)
public class MemberStatistics {

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final Clock clock;

  MemberStatistics(JdbcClient jdbc, Organizations organizations, Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.clock = clock;
  }

  /** The figures of one part of the tree. */
  public record Statistics(
      @Nullable Long under,
      long members,
      Map<Dimension, Map<String, Long>> byDimension,
      Map<OrganizationKind, Long> organizations) {}

  public Statistics of(@Nullable Long under) {
    String path =
        under == null ? null : organizations.find(under).map(o -> o.treePath().value()).orElse("~");
    LocalDate today = LocalDate.now(clock);
    StringBuilder band = new StringBuilder("case");
    Map<String, Object> params = new LinkedHashMap<>();
    for (AgeBand b : AgeBand.values()) {
      band.append(" when birth_date >= :from_")
          .append(b.ordinal())
          .append(" then '")
          .append(b.name())
          .append("'");
      params.put("from_" + b.ordinal(), b.bornFrom(today));
    }
    band.append(" else 'FROM_70' end");
    String sql =
        "select current, status, stage, gender, age_band, education, ethnicity, category,"
            + " new_employment_group, mobile, count(*) from (select status in ('NORMAL', 'LOST_CONTACT', 'STOPPED') as current,"
            + " status, stage, gender, "
            + band
            + " as age_band, education, ethnicity, category, new_employment_group, mobile"
            + " from member where (cast(:under as text) is null or starts_with(org_path, cast(:under as text)))) m"
            + " group by grouping sets ((status), (current, stage), (current, gender), (current, age_band),"
            + " (current, education), (current, ethnicity), (current, category), (current, new_employment_group), (current, mobile))";
    var spec = jdbc.sql(sql).param("under", path);
    for (var e : params.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    Map<Dimension, Map<String, Long>> dims = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      dims.put(d, new LinkedHashMap<>());
    }
    long[] members = {0};
    spec.query(
        rs -> {
          long count = rs.getLong(11);
          Object current = rs.getObject(1);
          if (current == null) {
            String status = rs.getString(2);
            dims.get(Dimension.STATUS).put(status, count);
            if (MemberStatus.CURRENT.contains(MemberStatus.valueOf(status))) {
              members[0] += count;
            }
            return;
          }
          if (!rs.getBoolean(1)) {
            return;
          }
          put(dims, Dimension.STAGE, rs.getString(3), count);
          put(dims, Dimension.GENDER, rs.getString(4), count);
          put(dims, Dimension.AGE_BAND, rs.getString(5), count);
          put(dims, Dimension.EDUCATION, rs.getString(6), count);
          put(dims, Dimension.ETHNICITY, rs.getString(7), count);
          put(dims, Dimension.OCCUPATION, rs.getString(8), count);
          put(dims, Dimension.NEW_EMPLOYMENT, rs.getString(9), count);
          Object mobile = rs.getObject(10);
          if (mobile != null) {
            dims.get(Dimension.MOBILE).put(mobile.toString(), count);
          }
        });
    dims.get(Dimension.NEW_EMPLOYMENT).remove(null);
    for (Dimension d : Dimension.values()) {
      Map<String, Long> sorted = new LinkedHashMap<>();
      dims.get(d).entrySet().stream()
          .sorted(java.util.Comparator.comparingInt(e -> rank(d, e.getKey())))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      dims.put(d, sorted);
    }
    return new Statistics(under, members[0], dims, organizations.countByKind(under));
  }

  /** The order of a dimension's values on the page: the order the statistics tables use. */
  private static int rank(Dimension d, String value) {
    try {
      return switch (d) {
        case STATUS -> MemberStatus.valueOf(value).ordinal();
        case STAGE -> MemberStage.valueOf(value).ordinal();
        case GENDER -> org.zugong.person.Gender.valueOf(value).ordinal();
        case AGE_BAND -> AgeBand.valueOf(value).ordinal();
        case EDUCATION -> org.zugong.person.Education.valueOf(value).ordinal();
        case ETHNICITY -> Integer.parseInt(value);
        case OCCUPATION -> org.zugong.person.OccupationCategory.valueOf(value).ordinal();
        case NEW_EMPLOYMENT -> org.zugong.person.NewEmploymentGroup.valueOf(value).ordinal();
        case MOBILE -> Boolean.parseBoolean(value) ? 0 : 1;
      };
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static void put(
      Map<Dimension, Map<String, Long>> dims, Dimension d, @Nullable String value, long count) {
    // Each grouping set fills one column; the others are null in its rows.
    if (value != null) {
      dims.get(d).put(value, count);
    }
  }
}
