package org.zugong.platform;

import java.math.BigDecimal;

/**
 * A figure of the department's work, declared by the module whose records it counts and computed
 * from them whenever it is shown: for a period and a part of the tree, within the caller's scope
 * (row-level security applies to every query). Never stored as a number.
 *
 * <p>Its label and unit are messages: {@code indicator.<key>} and {@code indicator.<key>.unit}.
 * Keys follow the figure list of the 2022 review where the figure is one of those.
 */
public interface Indicator {

  /** A stable key such as {@code talent.housing_area_m2}; its first part names the module. */
  String key();

  /** Whether the figure stands at the end of the period or counts what happened in it. */
  Measure measure();

  /** The value for the period within the part of the tree. */
  BigDecimal value(IndicatorQuery query);

  /**
   * The values for several queries (the months of a year, the divisions of a district), in their
   * order; one query after another unless the indicator can do better.
   */
  default java.util.List<BigDecimal> values(java.util.List<IndicatorQuery> queries) {
    return queries.stream().map(this::value).toList();
  }

  /** The records behind the value, a page at a time. */
  IndicatorRecords records(IndicatorQuery query, int page, int size);

  /** Position among the module's figures on the cockpit; lower first. */
  default int order() {
    return 100;
  }

  /** Whether the cockpit shows it among the key figures. */
  default boolean keyFigure() {
    return false;
  }

  /** The part of the key before its first dot. */
  default String module() {
    int dot = key().indexOf('.');
    return dot < 0 ? key() : key().substring(0, dot);
  }

  enum Measure {
    /** Standing at the end of the period, such as members on the rolls. */
    STOCK,
    /** Happened during the period, such as members admitted. */
    FLOW
  }
}
