package org.zugong.member.dues;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One month's dues paid: what was due when it was paid, the day it was paid and the amount, which
 * may exceed the due (自愿多交 is welcome).
 */
public record Payment(MonthlyDues due, LocalDate paidOn, long fen) {

  public YearMonth month() {
    return due.month();
  }

  /** Whether the payment had been made by the end of {@code day}. */
  boolean madeBy(LocalDate day) {
    return !paidOn.isAfter(day);
  }
}
