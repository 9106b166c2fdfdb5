package org.zugong.member.dues;

import java.math.BigDecimal;

/** Fen shown as yuan in message arguments, formatted by the bundles as {@code #,##0.00}. */
final class Yuan {

  private Yuan() {}

  static BigDecimal of(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }
}
