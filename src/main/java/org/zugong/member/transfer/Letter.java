package org.zugong.member.transfer;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The letter of introduction (介绍信) that carries a transfer. It is valid from the day of issue up to
 * and including {@code validUntil}, which lies one to three months after issue. The number (介绍信编号)
 * is printed on paper letters, which transfers out of and into the city need; a transfer within the
 * city uses the system's electronic letter, identified by the transfer itself, and may have none.
 */
public record Letter(@Nullable String number, LocalDate issuedOn, LocalDate validUntil) {

  public static final int MIN_VALIDITY_MONTHS = 1;
  public static final int MAX_VALIDITY_MONTHS = 3;

  public Letter {
    number = number == null || number.isBlank() ? null : number.strip();
    TransferRules.letterValidityInRange(issuedOn, validUntil).orThrow();
  }

  /** The electronic letter of a transfer within the city: no number, issued on submission. */
  static Letter electronic(LocalDate issuedOn, LocalDate validUntil) {
    return new Letter(null, issuedOn, validUntil);
  }

  public Optional<String> numberIfAny() {
    return Optional.ofNullable(number);
  }

  /** Whether the letter may still be used on this day: the last day of validity counts. */
  public boolean isValidOn(LocalDate day) {
    return !day.isAfter(validUntil);
  }
}
