package org.zugong.platform;

import java.time.LocalDate;
import java.time.Year;
import org.zugong.shared.ScopePath;

/**
 * Which figure: the period from {@code from} to {@code until}, both included, below the part of the
 * tree at {@code under} (a scope path such as {@code /330200/330203/}).
 */
public record IndicatorQuery(ScopePath under, LocalDate from, LocalDate until) {

  public IndicatorQuery {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException(
          "The period ends before it starts: " + from + ".." + until);
    }
  }

  public static IndicatorQuery year(ScopePath under, int year) {
    Year y = Year.of(year);
    return new IndicatorQuery(under, y.atDay(1), y.atMonth(12).atEndOfMonth());
  }

  /** The day after the period, for half-open comparisons. */
  public LocalDate after() {
    return until.plusDays(1);
  }
}
