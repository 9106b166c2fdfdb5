package org.zugong.member.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Amounts written as yuan strings, so that tests read like the regulation. */
final class DuesFixtures {

  static final DuesPolicy POLICY = DuesPolicy.REGULATION_2008;

  private DuesFixtures() {}

  static long fen(String yuan) {
    return new BigDecimal(yuan).movePointRight(2).longValueExact();
  }

  static MonthlyDues dues(DuesCategory category, String incomeYuan, YearMonth month) {
    return POLICY.amountFor(category, fen(incomeYuan), month, List.of());
  }
}
