package org.zugong.member.dues;

import java.time.YearMonth;
import org.zugong.shared.InvalidValueException;

/**
 * An approved exemption (免交, {@code payableFen} 0) or reduction (少交) for a member who finds the
 * dues a real hardship (regulation art. 7), valid for the months {@code from} to {@code until}
 * inclusive.
 */
public record Exemption(YearMonth from, YearMonth until, long payableFen, String reason) {

  public Exemption {
    reason = reason.strip();
    if (reason.isEmpty()) {
      throw new InvalidValueException("dues.exemption.reason-required");
    }
    if (until.isBefore(from)) {
      throw new InvalidValueException("dues.exemption.period-reversed", from, until);
    }
    if (payableFen < 0) {
      throw new InvalidValueException("dues.exemption.negative-amount", Yuan.of(payableFen));
    }
  }

  /** 免交: nothing to pay in the period. */
  public static Exemption waiver(YearMonth from, YearMonth until, String reason) {
    return new Exemption(from, until, 0, reason);
  }

  /** 少交: a lower monthly amount in the period. */
  public static Exemption reduction(
      YearMonth from, YearMonth until, long payableFen, String reason) {
    return new Exemption(from, until, payableFen, reason);
  }

  public boolean covers(YearMonth month) {
    return !month.isBefore(from) && !month.isAfter(until);
  }

  MonthlyDues applyTo(MonthlyDues regular) {
    Object regularYuan = Yuan.of(regular.fen());
    if (payableFen == 0) {
      return new MonthlyDues(
          regular.month(), 0, DuesClause.EXEMPTED, regularYuan, reason, from, until);
    }
    return new MonthlyDues(
        regular.month(),
        payableFen,
        DuesClause.REDUCED,
        Yuan.of(payableFen),
        regularYuan,
        reason,
        from,
        until);
  }
}
