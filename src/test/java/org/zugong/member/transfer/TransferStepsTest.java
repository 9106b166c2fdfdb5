package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.transfer.Transfers.INCOMING_LETTER_VALID_UNTIL;
import static org.zugong.member.transfer.Transfers.MEMBER;
import static org.zugong.member.transfer.Transfers.OTHER;
import static org.zugong.member.transfer.Transfers.REGISTRAR;
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
import org.zugong.member.transfer.OrganizationRef.CityOrganization;
import org.zugong.shared.InvalidValueException;

/** The steps of transfers within and into the city: accept, return, resubmit, cancel. */
class TransferStepsTest {

  static final LocalDate A_FEW_DAYS_LATER = SUBMITTED_ON.plusDays(4);
  static final LocalDate RESUBMITTED_ON = SUBMITTED_ON.plusDays(10);

  // ---- accept: only-target-accepts, letter-not-expired

  @Test
  void theTargetAcceptsTheMemberAndClosesTheTransfer() {
    Transfer t = Transfers.withinCitySubmitted();
    t.accept(TARGET, A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.ACCEPTED);
    assertThat(t.isOpen()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {SOURCE, OTHER, REGISTRAR})
  void refusesAcceptanceByAnyOrganizationButTheTarget(long actor) {
    assertRefused(
        Transfers.withinCitySubmitted().canAccept(actor, A_FEW_DAYS_LATER),
        "only-target-accepts",
        "transfer.rule.only-target-accepts");
  }

  @Test
  void refusesAcceptanceOfAnIntoCityTransferByItsRegistrar() {
    Transfer t = Transfers.intoCitySubmitted();
    assertRefused(
        t.canAccept(REGISTRAR, A_FEW_DAYS_LATER),
        "only-target-accepts",
        "transfer.rule.only-target-accepts");
    assertAllowed(t.canAccept(TARGET, A_FEW_DAYS_LATER));
  }

  @Test
  void acceptsOnTheDayBeforeTheLetterExpires() {
    assertAllowed(Transfers.withinCitySubmitted().canAccept(TARGET, VALID_UNTIL.minusDays(1)));
  }

  @Test
  void acceptsOnTheLastDayOfTheLetter() {
    Transfer t = Transfers.withinCitySubmitted();
    t.accept(TARGET, VALID_UNTIL);
    assertThat(t.state()).isEqualTo(TransferState.ACCEPTED);
  }

  @Test
  void refusesAcceptanceAfterTheLetterExpired() {
    assertRefused(
        Transfers.withinCitySubmitted().canAccept(TARGET, VALID_UNTIL.plusDays(1)),
        "letter-not-expired",
        "transfer.rule.letter-expired",
        VALID_UNTIL);
  }

  @Test
  void refusesAcceptanceOnTheFirstOfMarchOfALetterValidToTheTwentyNinthOfFebruary() {
    LocalDate submitted = LocalDate.of(2024, 1, 31);
    LocalDate lastDay = LocalDate.of(2024, 2, 29);
    Transfer t =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, lastDay),
            submitted);
    assertAllowed(t.canAccept(TARGET, LocalDate.of(2024, 2, 28)));
    assertAllowed(t.canAccept(TARGET, lastDay));
    assertRefused(
        t.canAccept(TARGET, LocalDate.of(2024, 3, 1)),
        "letter-not-expired",
        "transfer.rule.letter-expired",
        lastDay);
  }

  @Test
  void refusesAcceptanceOfAnIntoCityTransferAfterTheLetterFromOutsideExpired() {
    Transfer t = Transfers.intoCitySubmitted();
    assertAllowed(t.canAccept(TARGET, INCOMING_LETTER_VALID_UNTIL));
    assertRefused(
        t.canAccept(TARGET, INCOMING_LETTER_VALID_UNTIL.plusDays(1)),
        "letter-not-expired",
        "transfer.rule.letter-expired",
        INCOMING_LETTER_VALID_UNTIL);
  }

  @Test
  void aRefusedAcceptanceThrowsAndChangesNothing() {
    Transfer t = Transfers.withinCitySubmitted();
    assertThatThrownBy(() -> t.accept(TARGET, VALID_UNTIL.plusDays(1)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("transfer.rule.letter-expired");
              assertThat(e.arguments()).containsExactly(VALID_UNTIL);
            });
    assertThat(t.state()).isEqualTo(TransferState.SUBMITTED);
    assertThat(t.history()).hasSize(1);
  }

  // ---- step-allowed-in-state

  @Test
  void refusesAcceptanceOfAReturnedTransfer() {
    assertRefused(
        Transfers.withinCityReturned().canAccept(TARGET, A_FEW_DAYS_LATER),
        "step-allowed-in-state",
        "transfer.rule.in-state.RETURNED");
  }

  @Test
  void refusesAcceptingTwice() {
    assertRefused(
        Transfers.withinCityAccepted().canAccept(TARGET, SUBMITTED_ON.plusDays(6)),
        "step-allowed-in-state",
        "transfer.rule.in-state.ACCEPTED");
  }

  @Test
  void refusesAcceptanceOrReturnOfACancelledTransfer() {
    Transfer t = Transfers.withinCityCancelled();
    assertRefused(
        t.canAccept(TARGET, A_FEW_DAYS_LATER),
        "step-allowed-in-state",
        "transfer.rule.in-state.CANCELLED");
    assertRefused(
        t.canReturn(TARGET, "不符合条件", A_FEW_DAYS_LATER),
        "step-allowed-in-state",
        "transfer.rule.in-state.CANCELLED");
  }

  // ---- return: only-target-returns, return-needs-reason

  @Test
  void theTargetReturnsTheTransferWithItsReasonAndTheTransferStaysOpen() {
    Transfer t = Transfers.withinCitySubmitted();
    t.returnToSource(TARGET, "  该党员不在本支部工作 ", A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.RETURNED);
    assertThat(t.isOpen()).isTrue();
    assertThat(t.history().getLast().reason()).isEqualTo("该党员不在本支部工作");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void refusesAReturnWithoutAReason(@Nullable String reason) {
    assertRefused(
        Transfers.withinCitySubmitted().canReturn(TARGET, reason, A_FEW_DAYS_LATER),
        "return-needs-reason",
        "transfer.rule.return-reason-required");
  }

  @Test
  void returnToSourceRefusesABlankReason() {
    Transfer t = Transfers.withinCitySubmitted();
    assertThatThrownBy(() -> t.returnToSource(TARGET, " ", A_FEW_DAYS_LATER))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.rule.return-reason-required"));
    assertThat(t.state()).isEqualTo(TransferState.SUBMITTED);
  }

  @ParameterizedTest
  @ValueSource(longs = {SOURCE, OTHER})
  void refusesAReturnByAnyOrganizationButTheTarget(long actor) {
    assertRefused(
        Transfers.withinCitySubmitted().canReturn(actor, "不符合条件", A_FEW_DAYS_LATER),
        "only-target-returns",
        "transfer.rule.only-target-returns");
  }

  @Test
  void refusesAReturnOfAnIntoCityTransferByItsRegistrar() {
    assertRefused(
        Transfers.intoCitySubmitted().canReturn(REGISTRAR, "不符合条件", A_FEW_DAYS_LATER),
        "only-target-returns",
        "transfer.rule.only-target-returns");
  }

  @Test
  void theTargetMayReturnATransferWhoseLetterExpired() {
    assertAllowed(
        Transfers.withinCitySubmitted().canReturn(TARGET, "介绍信已过期", VALID_UNTIL.plusDays(1)));
  }

  @Test
  void refusesReturningTwice() {
    assertRefused(
        Transfers.withinCityReturned().canReturn(TARGET, "再次退回", A_FEW_DAYS_LATER),
        "step-allowed-in-state",
        "transfer.rule.in-state.RETURNED");
  }

  // ---- cancel: only-source-cancels

  @Test
  void theSourceCancelsASubmittedTransfer() {
    Transfer t = Transfers.withinCitySubmitted();
    t.cancel(SOURCE, null, A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.CANCELLED);
    assertThat(t.isOpen()).isFalse();
    assertThat(t.history().getLast().reason()).isNull();
  }

  @Test
  void theSourceCancelsAReturnedTransferGivingAReason() {
    Transfer t = Transfers.withinCityReturned();
    t.cancel(SOURCE, " 党员决定暂不迁出 ", A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.CANCELLED);
    assertThat(t.history().getLast().reason()).isEqualTo("党员决定暂不迁出");
  }

  @Test
  void aBlankCancellationReasonIsNoReason() {
    Transfer t = Transfers.withinCitySubmitted();
    t.cancel(SOURCE, "  ", A_FEW_DAYS_LATER);
    assertThat(t.history().getLast().reason()).isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {TARGET, OTHER, REGISTRAR})
  void refusesCancellationByAnyOrganizationButTheSource(long actor) {
    assertRefused(
        Transfers.withinCitySubmitted().canCancel(actor, A_FEW_DAYS_LATER),
        "only-source-cancels",
        "transfer.rule.only-source-cancels");
  }

  @Test
  void theRegistrarCancelsAnIntoCityTransferAndTheTargetCannot() {
    Transfer t = Transfers.intoCitySubmitted();
    assertRefused(
        t.canCancel(TARGET, A_FEW_DAYS_LATER),
        "only-source-cancels",
        "transfer.rule.only-source-cancels");
    t.cancel(REGISTRAR, "介绍信抬头有误", A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.CANCELLED);
  }

  @Test
  void theRegistrarCancelsAReturnedIntoCityTransfer() {
    Transfer t = Transfers.intoCitySubmitted();
    t.returnToSource(TARGET, "该党员不在本单位工作", A_FEW_DAYS_LATER);
    t.cancel(REGISTRAR, null, A_FEW_DAYS_LATER);
    assertThat(t.state()).isEqualTo(TransferState.CANCELLED);
  }

  @Test
  void refusesCancellationOfAnAcceptedTransfer() {
    assertRefused(
        Transfers.withinCityAccepted().canCancel(SOURCE, SUBMITTED_ON.plusDays(6)),
        "step-allowed-in-state",
        "transfer.rule.in-state.ACCEPTED");
  }

  @Test
  void refusesCancellingTwice() {
    assertRefused(
        Transfers.withinCityCancelled().canCancel(SOURCE, A_FEW_DAYS_LATER),
        "step-allowed-in-state",
        "transfer.rule.in-state.CANCELLED");
  }

  // ---- resubmit: resubmit-within-city-only, only-source-resubmits, and the submission rules

  @Test
  void theSourceResubmitsAReturnedTransferToAnotherTargetWithANewLetter() {
    Transfer t = Transfers.withinCityReturned();
    LocalDate newLastDay = RESUBMITTED_ON.plusMonths(1);
    t.resubmit(
        SOURCE,
        OTHER,
        OrganizationKind.GENERAL_BRANCH,
        newLastDay,
        MemberStatus.NORMAL,
        RESUBMITTED_ON);
    assertThat(t.state()).isEqualTo(TransferState.SUBMITTED);
    assertThat(t.attempt()).isEqualTo(2);
    assertThat(t.target()).isEqualTo(new CityOrganization(OTHER));
    assertThat(t.letter()).contains(new Letter(null, RESUBMITTED_ON, newLastDay));
    assertRefused(
        t.canAccept(TARGET, RESUBMITTED_ON),
        "only-target-accepts",
        "transfer.rule.only-target-accepts");
    t.accept(OTHER, newLastDay);
    assertThat(t.state()).isEqualTo(TransferState.ACCEPTED);
  }

  @Test
  void theSourceMayResubmitToTheSameTargetOnceThingsArePutRight() {
    Transfer t = Transfers.withinCityReturned();
    assertAllowed(
        t.canResubmit(
            SOURCE,
            TARGET,
            OrganizationKind.BRANCH,
            RESUBMITTED_ON.plusMonths(2),
            MemberStatus.NORMAL,
            RESUBMITTED_ON));
  }

  @ParameterizedTest
  @ValueSource(longs = {TARGET, OTHER})
  void refusesResubmissionByAnyOrganizationButTheSource(long actor) {
    assertRefused(
        Transfers.withinCityReturned()
            .canResubmit(
                actor,
                OTHER,
                OrganizationKind.BRANCH,
                RESUBMITTED_ON.plusMonths(1),
                MemberStatus.NORMAL,
                RESUBMITTED_ON),
        "only-source-resubmits",
        "transfer.rule.only-source-resubmits");
  }

  @Test
  void refusesResubmissionOfATransferThatWasNotReturned() {
    assertRefused(
        Transfers.withinCitySubmitted()
            .canResubmit(
                SOURCE,
                OTHER,
                OrganizationKind.BRANCH,
                RESUBMITTED_ON.plusMonths(1),
                MemberStatus.NORMAL,
                RESUBMITTED_ON),
        "step-allowed-in-state",
        "transfer.rule.in-state.SUBMITTED");
  }

  @Test
  void refusesResubmissionOfAnIntoCityTransfer() {
    Transfer t = Transfers.intoCitySubmitted();
    t.returnToSource(TARGET, "该党员不在本单位工作", A_FEW_DAYS_LATER);
    assertRefused(
        t.canResubmit(
            REGISTRAR,
            OTHER,
            OrganizationKind.BRANCH,
            RESUBMITTED_ON.plusMonths(1),
            MemberStatus.NORMAL,
            RESUBMITTED_ON),
        "resubmit-within-city-only",
        "transfer.rule.resubmit-within-city-only");
  }

  @Test
  void refusesResubmissionOfAMemberNoLongerInNormalStatus() {
    assertRefused(
        Transfers.withinCityReturned()
            .canResubmit(
                SOURCE,
                OTHER,
                OrganizationKind.BRANCH,
                RESUBMITTED_ON.plusMonths(1),
                MemberStatus.LOST_CONTACT,
                RESUBMITTED_ON),
        "member-in-normal-status",
        "transfer.rule.member-status.LOST_CONTACT");
  }

  @Test
  void refusesResubmissionToTheSourceItself() {
    assertRefused(
        Transfers.withinCityReturned()
            .canResubmit(
                SOURCE,
                SOURCE,
                OrganizationKind.BRANCH,
                RESUBMITTED_ON.plusMonths(1),
                MemberStatus.NORMAL,
                RESUBMITTED_ON),
        "source-and-target-differ",
        "transfer.rule.same-organization");
  }

  @Test
  void refusesResubmissionToAnOrganizationThatHoldsNoMembers() {
    assertRefused(
        Transfers.withinCityReturned()
            .canResubmit(
                SOURCE,
                OTHER,
                OrganizationKind.COMMITTEE,
                RESUBMITTED_ON.plusMonths(1),
                MemberStatus.NORMAL,
                RESUBMITTED_ON),
        "target-holds-members",
        "transfer.rule.target-holds-no-members");
  }

  @Test
  void refusesResubmissionWithALetterValidLessThanAMonthFromTheResubmission() {
    Transfer t = Transfers.withinCityReturned();
    LocalDate earliest = RESUBMITTED_ON.plusMonths(1);
    assertRefused(
        t.canResubmit(
            SOURCE,
            OTHER,
            OrganizationKind.BRANCH,
            earliest.minusDays(1),
            MemberStatus.NORMAL,
            RESUBMITTED_ON),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range",
        earliest,
        RESUBMITTED_ON.plusMonths(3));
    assertAllowed(
        t.canResubmit(
            SOURCE, OTHER, OrganizationKind.BRANCH, earliest, MemberStatus.NORMAL, RESUBMITTED_ON));
  }

  // ---- steps-in-date-order

  @Test
  void refusesAStepDatedBeforeThePreviousStep() {
    Transfer t = Transfers.withinCitySubmitted();
    assertRefused(
        t.canAccept(TARGET, SUBMITTED_ON.minusDays(1)),
        "steps-in-date-order",
        "transfer.rule.date-before-last-step",
        SUBMITTED_ON);
    assertAllowed(t.canAccept(TARGET, SUBMITTED_ON));
  }

  @Test
  void refusesCancellingOnADayBeforeTheReturn() {
    Transfer t = Transfers.withinCitySubmitted();
    t.returnToSource(TARGET, "材料不全", A_FEW_DAYS_LATER);
    assertRefused(
        t.canCancel(SOURCE, A_FEW_DAYS_LATER.minusDays(1)),
        "steps-in-date-order",
        "transfer.rule.date-before-last-step",
        A_FEW_DAYS_LATER);
    assertAllowed(t.canCancel(SOURCE, A_FEW_DAYS_LATER));
  }

  // ---- letter-and-receipt-only-out-of-city

  @Test
  void refusesALetterOrReceiptStepOnATransferWithinOrIntoTheCity() {
    for (Transfer t :
        new Transfer[] {Transfers.withinCitySubmitted(), Transfers.intoCitySubmitted()}) {
      long source = t.sourceActorId();
      assertRefused(
          t.canIssueLetter(source, "甬组转〔2024〕9号", VALID_UNTIL, SUBMITTED_ON),
          "letter-and-receipt-only-out-of-city",
          "transfer.rule.letter-and-receipt-only-out-of-city");
      assertRefused(
          t.canRecordReceipt(source, A_FEW_DAYS_LATER),
          "letter-and-receipt-only-out-of-city",
          "transfer.rule.letter-and-receipt-only-out-of-city");
    }
  }
}
