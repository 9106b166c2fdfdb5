package org.zugong.member.mobile;

import java.time.LocalDate;
import org.zugong.shared.InvalidValueException;

/**
 * When a placed member counts as lapsed: on the day the last contact plus {@code lapseMonths}
 * months falls on or before, counted as {@link LocalDate#plusMonths} (last contact 30 November,
 * three months: lapsed from 29 February in a leap year, 28 February otherwise).
 */
public record CoveragePolicy(int lapseMonths) {

  public static final CoveragePolicy DEFAULT = new CoveragePolicy(3);

  public CoveragePolicy {
    if (lapseMonths < 1) {
      throw new InvalidValueException("mobile.coverage.lapse-months-invalid", lapseMonths);
    }
  }

  /** The first day on which a member last contacted on {@code lastContact} counts as lapsed. */
  public LocalDate lapsesOn(LocalDate lastContact) {
    return lastContact.plusMonths(lapseMonths);
  }

  public boolean isLapsed(LocalDate lastContact, LocalDate today) {
    return !lapsesOn(lastContact).isAfter(today);
  }
}
