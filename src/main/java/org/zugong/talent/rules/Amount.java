package org.zugong.talent.rules;

import java.util.Map;

/**
 * How much a clause grants, in yuan: a fixed sum, a sum by tier or by degree, or a monthly sum for
 * a number of months.
 */
public record Amount(Kind kind, long fixed, Map<String, Long> byValue, long perMonth, int months) {

  public enum Kind {
    FIXED,
    BY_TIER,
    BY_DEGREE,
    MONTHLY
  }

  public Amount {
    byValue = Map.copyOf(byValue);
  }

  public static Amount fixed(long yuan) {
    return new Amount(Kind.FIXED, yuan, Map.of(), 0, 0);
  }

  public static Amount byTier(Map<String, Long> yuan) {
    return new Amount(Kind.BY_TIER, 0, yuan, 0, 0);
  }

  public static Amount byDegree(Map<String, Long> yuan) {
    return new Amount(Kind.BY_DEGREE, 0, yuan, 0, 0);
  }

  public static Amount monthly(long yuan, int months) {
    return new Amount(Kind.MONTHLY, 0, Map.of(), yuan, months);
  }
}
