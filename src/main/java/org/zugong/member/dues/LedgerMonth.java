package org.zugong.member.dues;

import java.time.YearMonth;

/** One month of a member's dues statement: paid, unpaid, or with nothing due. */
public sealed interface LedgerMonth {

  MonthlyDues due();

  default YearMonth month() {
    return due().month();
  }

  /** Paid, with the due as it stood when paid. */
  record Paid(Payment payment) implements LedgerMonth {
    @Override
    public MonthlyDues due() {
      return payment.due();
    }
  }

  /** Not paid: the due counts in the arrears and in the run of unpaid months. */
  record Unpaid(MonthlyDues due) implements LedgerMonth {}

  /** Nothing due (an approved 免交, or an income too small to owe a fen): neither owed nor missed. */
  record NothingDue(MonthlyDues due) implements LedgerMonth {}
}
