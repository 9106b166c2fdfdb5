package org.zugong.review;

import java.math.BigDecimal;

/** How the review states a figure: exactly, about (约、近), or at least (余). */
public enum Qualifier {
  EXACT,
  ABOUT,
  AT_LEAST;

  /**
   * Whether a computed value reproduces the stated one: exactly; within 5 % for "about"; not less
   * and below the next step of the stated figure's precision for "at least" (2,600余 is 2,600 to
   * 2,699; 130余万 is 1,300,000 to 1,399,999).
   */
  public boolean matches(BigDecimal stated, BigDecimal computed) {
    return switch (this) {
      case EXACT -> stated.compareTo(computed) == 0;
      case ABOUT ->
          computed.subtract(stated).abs().compareTo(stated.abs().multiply(new BigDecimal("0.05")))
              <= 0;
      case AT_LEAST -> computed.compareTo(stated) >= 0 && computed.compareTo(nextStep(stated)) < 0;
    };
  }

  /** The stated figure plus one unit of its last significant digit. */
  static BigDecimal nextStep(BigDecimal stated) {
    BigDecimal s = stated.stripTrailingZeros();
    return stated.add(BigDecimal.ONE.movePointLeft(s.scale()).max(BigDecimal.ONE));
  }

  public String messageKey() {
    return "review.qualifier." + name();
  }
}
