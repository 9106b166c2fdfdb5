package org.zugong.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Year-over-year growth of another indicator in percent: its value for the period against its value
 * for the same period a year earlier, both computed from records; the records are those of the
 * period. No growth can be computed from nothing: a base of zero gives zero.
 */
public final class GrowthIndicator implements Indicator {

  private final String key;
  private final Indicator base;
  private final int order;

  public GrowthIndicator(String key, Indicator base, int order) {
    this.key = key;
    this.base = base;
    this.order = order;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Measure measure() {
    return base.measure();
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public BigDecimal value(IndicatorQuery query) {
    BigDecimal now = base.value(query);
    BigDecimal before =
        base.value(
            new IndicatorQuery(
                query.under(), query.from().minusYears(1), query.until().minusYears(1)));
    if (before.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return now.subtract(before)
        .multiply(BigDecimal.valueOf(100))
        .divide(before, 1, RoundingMode.HALF_UP);
  }

  /** The indicator whose growth this is. */
  public Indicator base() {
    return base;
  }

  @Override
  public IndicatorRecords records(IndicatorQuery query, int page, int size) {
    return base.records(query, page, size);
  }
}
