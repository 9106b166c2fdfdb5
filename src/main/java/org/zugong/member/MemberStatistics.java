package org.zugong.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.member.MemberFilter.Dimension;
import org.zugong.member.internal.MemberTally;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;

/**
 * The party statistics (党内统计) of any part of the tree the caller may see: members by status, and
 * current members by stage, gender, age band, education, ethnicity, occupation, new employment
 * group and mobility. They are read from the member tally, which triggers keep exact; {@link
 * #ofMemberRows} counts the member rows themselves and is the reference. Each figure opens its list
 * through {@link MemberFilter}.
 */
@Service
@Transactional(readOnly = true)
public class MemberStatistics {

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final MemberTally tally;
  private final Clock clock;

  MemberStatistics(JdbcClient jdbc, Organizations organizations, MemberTally tally, Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.tally = tally;
    this.clock = clock;
  }

  /** The figures of one part of the tree. */
  public record Statistics(
      @Nullable Long under,
      long members,
      Map<Dimension, Map<String, Long>> byDimension,
      Map<OrganizationKind, Long> organizations) {}

  /**
   * The figures counted from the member rows themselves in one grouping-sets query: the reference
   * that {@link #of} must equal. It reads every member of the subtree, so it takes over a second
   * for a city of a million members; pages use {@link #of}.
   */
  public Statistics ofMemberRows(@Nullable Long under) {
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
    return new Statistics(under, members[0], sorted(dims), organizations.countByKind(under));
  }

  /**
   * The members below an organization, or in the whole scope (organization null): the subtree of
   * the tally, and the tree path for the members born in a split month. None: an organization the
   * caller may not see.
   */
  private record Target(@Nullable Long organization, @Nullable String treePath, boolean none) {}

  private Target target(@Nullable Long under) {
    if (under == null) {
      return new Target(null, null, false);
    }
    return organizations
        .find(under)
        .map(o -> new Target(o.id(), o.treePath().value(), false))
        .orElse(new Target(null, "~", true));
  }

  private Map<String, Map<String, Long>> figures(Target target, @Nullable String dimension) {
    return target.none() ? Map.of() : tally.figures(target.organization(), dimension);
  }

  /**
   * The figures of the caller's scope or of the subtree of one organization, read from the member
   * tally (the rows of the organization, or of the region that is the caller's scope), and for the
   * age bands from the months of birth, with the members born in a month that a band boundary
   * splits today counted one by one.
   */
  public Statistics of(@Nullable Long under) {
    Target target = target(under);
    Map<String, Map<String, Long>> tally = figures(target, null);
    Map<Dimension, Map<String, Long>> dims = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      dims.put(d, new LinkedHashMap<>(tally.getOrDefault(d.name(), Map.of())));
    }
    dims.put(
        Dimension.AGE_BAND,
        ageBands(target, tally.getOrDefault(MemberTally.BIRTH_MONTH, Map.of())));
    return new Statistics(
        under, current(dims.get(Dimension.STATUS)), sorted(dims), organizations.countByKind(under));
  }

  /**
   * The number of members a list without text shows (the figure behind it), from the tally; empty
   * where the tally does not count it (former members by a dimension other than status).
   */
  public OptionalLong count(@Nullable Long under, MemberFilter filter) {
    if (!filter.text().isBlank()) {
      return OptionalLong.empty();
    }
    Dimension d = filter.value() == null ? null : filter.dimension();
    if (d != null && d != Dimension.STATUS && filter.includeFormer()) {
      return OptionalLong.empty();
    }
    Target target = target(under);
    if (d == Dimension.AGE_BAND) {
      AgeBand band = AgeBand.valueOf(filter.value());
      Map<String, Long> months =
          figures(target, MemberTally.BIRTH_MONTH).getOrDefault(MemberTally.BIRTH_MONTH, Map.of());
      return OptionalLong.of(ageBands(target, months).getOrDefault(band.name(), 0L));
    }
    String dimension = d == null ? Dimension.STATUS.name() : d.name();
    Map<String, Long> values = figures(target, dimension).getOrDefault(dimension, Map.of());
    if (d != null) {
      return OptionalLong.of(values.getOrDefault(filter.value(), 0L));
    }
    // A list by status without a value shows every status, as one with former members does.
    boolean former = filter.includeFormer() || filter.dimension() == Dimension.STATUS;
    return OptionalLong.of(
        former ? values.values().stream().mapToLong(Long::longValue).sum() : current(values));
  }

  private static long current(Map<String, Long> byStatus) {
    long sum = 0;
    for (MemberStatus s : MemberStatus.CURRENT) {
      sum += byStatus.getOrDefault(s.name(), 0L);
    }
    return sum;
  }

  /** The band of a birth date today, as the member lists filter it. */
  private static AgeBand band(LocalDate birth, LocalDate today) {
    for (AgeBand b : AgeBand.values()) {
      if (!birth.isBefore(b.bornFrom(today))) {
        return b;
      }
    }
    return AgeBand.FROM_70;
  }

  /** Current members by age band today, from their months of birth. */
  private Map<String, Long> ageBands(Target target, Map<String, Long> months) {
    LocalDate today = LocalDate.now(clock);
    Map<String, Long> bands = new LinkedHashMap<>();
    List<YearMonth> split = new ArrayList<>();
    for (var m : months.entrySet()) {
      YearMonth month = YearMonth.parse(m.getKey());
      AgeBand first = band(month.atDay(1), today);
      if (first == band(month.atEndOfMonth(), today)) {
        bands.merge(first.name(), m.getValue(), Long::sum);
      } else {
        split.add(month);
      }
    }
    if (!split.isEmpty()) {
      // One index-only range scan per split month (member_birth_current_idx).
      String[] from = split.stream().map(m -> m.atDay(1).toString()).toArray(String[]::new);
      String[] to = split.stream().map(m -> m.atEndOfMonth().toString()).toArray(String[]::new);
      jdbc.sql(
              "select m.birth_date, m.n from unnest(cast(:from as date[]), cast(:to as date[]))"
                  + " r(f, t) cross join lateral (select birth_date, count(*) as n from member"
                  + " where status in ('NORMAL', 'LOST_CONTACT', 'STOPPED')"
                  + " and birth_date between r.f and r.t"
                  + " and (cast(:under as text) is null or starts_with(org_path, cast(:under as text)))"
                  + " group by birth_date) m")
          .param("from", from)
          .param("to", to)
          .param("under", target.treePath())
          .query(
              rs -> {
                AgeBand b = band(rs.getObject(1, LocalDate.class), today);
                bands.merge(b.name(), rs.getLong(2), Long::sum);
              });
    }
    bands.values().removeIf(n -> n == 0);
    return bands;
  }

  private static Map<Dimension, Map<String, Long>> sorted(Map<Dimension, Map<String, Long>> dims) {
    Map<Dimension, Map<String, Long>> out = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      Map<String, Long> sorted = new LinkedHashMap<>();
      dims.get(d).entrySet().stream()
          .sorted(java.util.Comparator.comparingInt(e -> rank(d, e.getKey())))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(d, sorted);
    }
    return out;
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
