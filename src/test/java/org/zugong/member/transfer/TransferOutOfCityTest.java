package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.transfer.Transfers.OTHER;
import static org.zugong.member.transfer.Transfers.OUTGOING_LETTER_NUMBER;
import static org.zugong.member.transfer.Transfers.SOURCE;
import static org.zugong.member.transfer.Transfers.SUBMITTED_ON;
import static org.zugong.member.transfer.Transfers.TARGET;
import static org.zugong.member.transfer.Transfers.VALID_UNTIL;
import static org.zugong.member.transfer.Transfers.assertAllowed;
import static org.zugong.member.transfer.Transfers.assertRefused;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A transfer out of the city: its paper letter is issued, and its receipt (回执) closes it. */
class TransferOutOfCityTest {

  static final LocalDate ISSUED_ON = SUBMITTED_ON.plusDays(2);

  @Test
  void theSourceIssuesTheLetterWithItsNumberAndValidityFromToday() {
    Transfer t = Transfers.outOfCitySubmitted();
    LocalDate lastDay = ISSUED_ON.plusMonths(3);
    t.issueLetter(SOURCE, " " + OUTGOING_LETTER_NUMBER + " ", lastDay, ISSUED_ON);
    assertThat(t.state()).isEqualTo(TransferState.LETTER_ISSUED);
    assertThat(t.isOpen()).isTrue();
    assertThat(t.letter()).contains(new Letter(OUTGOING_LETTER_NUMBER, ISSUED_ON, lastDay));
    assertThat(t.deadline()).contains(lastDay);
  }

  // ---- letter-number-required

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void refusesIssuingALetterWithoutItsNumber(@Nullable String number) {
    assertRefused(
        Transfers.outOfCitySubmitted().canIssueLetter(SOURCE, number, VALID_UNTIL, ISSUED_ON),
        "letter-number-required",
        "transfer.rule.letter-number-required");
  }

  // ---- letter-validity-in-range, counted from the day of issue

  @Test
  void refusesIssuingALetterValidForLessThanOneMonthFromItsIssue() {
    Transfer t = Transfers.outOfCitySubmitted();
    LocalDate earliest = ISSUED_ON.plusMonths(1);
    assertRefused(
        t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, earliest.minusDays(1), ISSUED_ON),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range",
        earliest,
        ISSUED_ON.plusMonths(3));
    assertAllowed(t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, earliest, ISSUED_ON));
  }

  @Test
  void refusesIssuingALetterValidForMoreThanThreeMonthsFromItsIssue() {
    Transfer t = Transfers.outOfCitySubmitted();
    LocalDate latest = ISSUED_ON.plusMonths(3);
    assertAllowed(t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, latest, ISSUED_ON));
    assertRefused(
        t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, latest.plusDays(1), ISSUED_ON),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range");
  }

  @Test
  void aLetterIssuedOnTheLastDayOfJanuaryInALeapYearMayRunToTheTwentyNinthOfFebruary() {
    LocalDate submitted = LocalDate.of(2024, 1, 31);
    Transfer t = Transfers.submitted(Transfers.outOfCity(), submitted);
    assertRefused(
        t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, LocalDate.of(2024, 2, 28), submitted),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range");
    assertAllowed(
        t.canIssueLetter(SOURCE, OUTGOING_LETTER_NUMBER, LocalDate.of(2024, 2, 29), submitted));
  }

  // ---- only-source-issues-letter, only-source-records-receipt

  @ParameterizedTest
  @ValueSource(longs = {TARGET, OTHER})
  void refusesIssuingTheLetterByAnyOrganizationButTheSource(long actor) {
    assertRefused(
        Transfers.outOfCitySubmitted()
            .canIssueLetter(actor, OUTGOING_LETTER_NUMBER, VALID_UNTIL, ISSUED_ON),
        "only-source-issues-letter",
        "transfer.rule.only-source-issues-letter");
  }

  @ParameterizedTest
  @ValueSource(longs = {TARGET, OTHER})
  void refusesRecordingTheReceiptByAnyOrganizationButTheSource(long actor) {
    assertRefused(
        Transfers.outOfCityLetterIssued().canRecordReceipt(actor, ISSUED_ON.plusDays(10)),
        "only-source-records-receipt",
        "transfer.rule.only-source-records-receipt");
  }

  // ---- step-allowed-in-state

  @Test
  void refusesIssuingTheLetterTwice() {
    assertRefused(
        Transfers.outOfCityLetterIssued()
            .canIssueLetter(SOURCE, "甬组转〔2024〕0457号", VALID_UNTIL, ISSUED_ON),
        "step-allowed-in-state",
        "transfer.rule.in-state.LETTER_ISSUED");
  }

  @Test
  void refusesRecordingTheReceiptBeforeTheLetterIsIssued() {
    assertRefused(
        Transfers.outOfCitySubmitted().canRecordReceipt(SOURCE, ISSUED_ON),
        "step-allowed-in-state",
        "transfer.rule.in-state.SUBMITTED");
  }

  // ---- the receipt closes the transfer, even after the letter's last day

  @Test
  void theReceiptRecordedByTheSourceClosesTheTransfer() {
    Transfer t = Transfers.outOfCityLetterIssued();
    t.recordReceipt(SOURCE, SUBMITTED_ON.plusDays(20));
    assertThat(t.state()).isEqualTo(TransferState.RECEIPT_RETURNED);
    assertThat(t.isOpen()).isFalse();
  }

  @Test
  void aReceiptArrivingAfterTheLetterExpiredIsStillRecorded() {
    Transfer t = Transfers.outOfCityLetterIssued();
    assertAllowed(t.canRecordReceipt(SOURCE, VALID_UNTIL.plusDays(1)));
    assertAllowed(t.canRecordReceipt(SOURCE, VALID_UNTIL.plusMonths(2)));
  }

  @Test
  void refusesRecordingTheReceiptTwice() {
    assertRefused(
        Transfers.outOfCityReceiptReturned().canRecordReceipt(SOURCE, VALID_UNTIL),
        "step-allowed-in-state",
        "transfer.rule.in-state.RECEIPT_RETURNED");
  }

  // ---- out-of-city-closes-by-receipt

  @Test
  void refusesAcceptingAnOutOfCityTransferInTheCity() {
    for (Transfer t :
        new Transfer[] {Transfers.outOfCitySubmitted(), Transfers.outOfCityLetterIssued()}) {
      assertRefused(
          t.canAccept(SOURCE, ISSUED_ON),
          "out-of-city-closes-by-receipt",
          "transfer.rule.out-of-city-closes-by-receipt");
    }
  }

  @Test
  void refusesReturningAnOutOfCityTransferInTheCity() {
    assertRefused(
        Transfers.outOfCityLetterIssued().canReturn(SOURCE, "对方拒收", ISSUED_ON),
        "out-of-city-closes-by-receipt",
        "transfer.rule.out-of-city-closes-by-receipt");
  }

  @Test
  void outOfCityTransferCannotBeResubmitted() {
    assertRefused(
        Transfers.outOfCitySubmitted()
            .canResubmit(
                SOURCE,
                OTHER,
                OrganizationKind.BRANCH,
                VALID_UNTIL,
                MemberStatus.NORMAL,
                ISSUED_ON),
        "resubmit-within-city-only",
        "transfer.rule.resubmit-within-city-only");
  }

  // ---- cancel: only-source-cancels

  @Test
  void theSourceCancelsAnOutOfCityTransferBeforeOrAfterItsLetterIsIssued() {
    Transfer before = Transfers.outOfCitySubmitted();
    before.cancel(SOURCE, null, ISSUED_ON);
    assertThat(before.state()).isEqualTo(TransferState.CANCELLED);

    Transfer after = Transfers.outOfCityLetterIssued();
    after.cancel(SOURCE, "对方党组织拒收，介绍信作废", ISSUED_ON);
    assertThat(after.state()).isEqualTo(TransferState.CANCELLED);
    assertThat(after.history().getLast().reason()).isEqualTo("对方党组织拒收，介绍信作废");
  }

  @Test
  void refusesCancellingAnOutOfCityTransferByAnyOrganizationButTheSource() {
    assertRefused(
        Transfers.outOfCityLetterIssued().canCancel(OTHER, ISSUED_ON),
        "only-source-cancels",
        "transfer.rule.only-source-cancels");
  }

  @Test
  void refusesCancellingAfterTheReceiptClosedTheTransfer() {
    assertRefused(
        Transfers.outOfCityReceiptReturned().canCancel(SOURCE, VALID_UNTIL),
        "step-allowed-in-state",
        "transfer.rule.in-state.RECEIPT_RETURNED");
  }

  @Test
  void refusesRecordingAReceiptForACancelledLetter() {
    Transfer t = Transfers.outOfCityLetterIssued();
    t.cancel(SOURCE, null, ISSUED_ON);
    assertRefused(
        t.canRecordReceipt(SOURCE, ISSUED_ON),
        "step-allowed-in-state",
        "transfer.rule.in-state.CANCELLED");
  }
}
