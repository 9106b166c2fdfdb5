package org.zugong.member.web;

import java.math.BigDecimal;
import org.zugong.shared.InvalidValueException;

/**
 * Amounts as people write them, in yuan with at most two decimals, and as the ledger keeps them.
 */
final class Yuan {

  private Yuan() {}

  static BigDecimal of(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** The fen of an amount in yuan; refuses text that is not one. */
  static long fen(String yuan) {
    try {
      return fen(new BigDecimal(yuan.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidValueException("dues.amount.invalid", yuan);
    }
  }

  static long fen(BigDecimal yuan) {
    try {
      return yuan.movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidValueException("dues.amount.invalid", yuan.toPlainString());
    }
  }
}
