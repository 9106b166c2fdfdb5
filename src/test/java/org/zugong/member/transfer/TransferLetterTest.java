package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.transfer.Transfers.assertAllowed;
import static org.zugong.member.transfer.Transfers.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zugong.shared.InvalidValueException;

/** The letter of introduction: valid one to three months from issue, its last day included. */
class TransferLetterTest {

  static void assertOutOfRange(LocalDate issuedOn, LocalDate validUntil) {
    assertRefused(
        TransferRules.letterValidityInRange(issuedOn, validUntil),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range");
  }

  static void assertInRange(LocalDate issuedOn, LocalDate validUntil) {
    assertAllowed(TransferRules.letterValidityInRange(issuedOn, validUntil));
  }

  // ---- letter-validity-in-range

  @Test
  void refusesValidityShorterThanOneMonth() {
    LocalDate issued = LocalDate.of(2024, 3, 15);
    assertOutOfRange(issued, LocalDate.of(2024, 4, 14));
    assertInRange(issued, LocalDate.of(2024, 4, 15));
    assertInRange(issued, LocalDate.of(2024, 4, 16));
  }

  @Test
  void refusesValidityLongerThanThreeMonths() {
    LocalDate issued = LocalDate.of(2024, 3, 15);
    assertInRange(issued, LocalDate.of(2024, 6, 14));
    assertInRange(issued, LocalDate.of(2024, 6, 15));
    assertOutOfRange(issued, LocalDate.of(2024, 6, 16));
  }

  @Test
  void refusesALetterThatEndsBeforeItIsIssued() {
    LocalDate issued = LocalDate.of(2024, 3, 15);
    assertOutOfRange(issued, issued);
    assertOutOfRange(issued, issued.minusDays(1));
  }

  @Test
  void oneMonthAfterTheLastDayOfJanuaryIsTheLastDayOfFebruaryInALeapYear() {
    LocalDate issued = LocalDate.of(2024, 1, 31);
    assertOutOfRange(issued, LocalDate.of(2024, 2, 28));
    assertInRange(issued, LocalDate.of(2024, 2, 29));
    assertInRange(issued, LocalDate.of(2024, 3, 1));
  }

  @Test
  void oneMonthAfterTheLastDayOfJanuaryIsTheTwentyEighthOfFebruaryInACommonYear() {
    LocalDate issued = LocalDate.of(2023, 1, 31);
    assertOutOfRange(issued, LocalDate.of(2023, 2, 27));
    assertInRange(issued, LocalDate.of(2023, 2, 28));
  }

  @Test
  void threeMonthsAfterTheThirtiethOfNovemberEndOnTheTwentyNinthOfFebruaryInALeapYear() {
    LocalDate issued = LocalDate.of(2023, 11, 30);
    assertInRange(issued, LocalDate.of(2024, 2, 28));
    assertInRange(issued, LocalDate.of(2024, 2, 29));
    assertOutOfRange(issued, LocalDate.of(2024, 3, 1));
  }

  @Test
  void aLetterIssuedOnTheTwentyNinthOfFebruaryRunsToTheTwentyNinthOfTheMonthsAfter() {
    LocalDate issued = LocalDate.of(2024, 2, 29);
    assertOutOfRange(issued, LocalDate.of(2024, 3, 28));
    assertInRange(issued, LocalDate.of(2024, 3, 29));
    assertInRange(issued, LocalDate.of(2024, 5, 29));
    assertOutOfRange(issued, LocalDate.of(2024, 5, 30));
  }

  @Test
  void theRefusalNamesTheEarliestAndLatestLastDay() {
    assertRefused(
        TransferRules.letterValidityInRange(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31)),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range",
        LocalDate.of(2024, 2, 29),
        LocalDate.of(2024, 4, 30));
  }

  @Test
  void aLetterCannotBeMadeWithAValidityOutOfRange() {
    assertThatThrownBy(
            () -> new Letter("甬组转〔2024〕1号", LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 16)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("transfer.rule.letter-validity-range");
              assertThat(e.arguments())
                  .containsExactly(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 6, 15));
            });
  }

  // ---- the letter itself

  @Test
  void keepsTheNumberWithoutSurroundingBlanksAndABlankNumberAsNone() {
    LocalDate issued = LocalDate.of(2024, 3, 15);
    LocalDate until = LocalDate.of(2024, 5, 15);
    assertThat(new Letter(" 甬组转〔2024〕1号 ", issued, until).number()).isEqualTo("甬组转〔2024〕1号");
    assertThat(new Letter("  ", issued, until).numberIfAny()).isEmpty();
    assertThat(new Letter(null, issued, until).numberIfAny()).isEmpty();
  }

  @Test
  void isValidUpToAndIncludingItsLastDay() {
    Letter letter = new Letter("1", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29));
    assertThat(letter.isValidOn(LocalDate.of(2024, 2, 28))).isTrue();
    assertThat(letter.isValidOn(LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(letter.isValidOn(LocalDate.of(2024, 3, 1))).isFalse();
  }

  // ---- letter-not-expired, letter-number-required

  @Test
  void refusesALetterTheDayAfterItsLastValidDay() {
    LocalDate last = LocalDate.of(2024, 2, 29);
    assertAllowed(TransferRules.letterNotExpired(last, last.minusDays(1)));
    assertAllowed(TransferRules.letterNotExpired(last, last));
    assertRefused(
        TransferRules.letterNotExpired(last, LocalDate.of(2024, 3, 1)),
        "letter-not-expired",
        "transfer.rule.letter-expired",
        last);
  }

  @Test
  void refusesAPaperLetterWithoutItsNumber() {
    assertRefused(
        TransferRules.letterNumberGiven(null),
        "letter-number-required",
        "transfer.rule.letter-number-required");
    assertRefused(
        TransferRules.letterNumberGiven(" "),
        "letter-number-required",
        "transfer.rule.letter-number-required");
    assertAllowed(TransferRules.letterNumberGiven("甬组转〔2024〕1号"));
  }
}
