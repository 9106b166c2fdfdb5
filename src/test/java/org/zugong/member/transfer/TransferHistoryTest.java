package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.zugong.member.transfer.TransferState.ACCEPTED;
import static org.zugong.member.transfer.TransferState.CANCELLED;
import static org.zugong.member.transfer.TransferState.LETTER_ISSUED;
import static org.zugong.member.transfer.TransferState.RECEIPT_RETURNED;
import static org.zugong.member.transfer.TransferState.RETURNED;
import static org.zugong.member.transfer.TransferState.SUBMITTED;
import static org.zugong.member.transfer.Transfers.MEMBER;
import static org.zugong.member.transfer.Transfers.OTHER;
import static org.zugong.member.transfer.Transfers.OTHER_MEMBER;
import static org.zugong.member.transfer.Transfers.OUTGOING_LETTER_NUMBER;
import static org.zugong.member.transfer.Transfers.OUTSIDE_SOURCE;
import static org.zugong.member.transfer.Transfers.OUTSIDE_TARGET;
import static org.zugong.member.transfer.Transfers.REGISTRAR;
import static org.zugong.member.transfer.Transfers.SOURCE;
import static org.zugong.member.transfer.Transfers.SUBMITTED_ON;
import static org.zugong.member.transfer.Transfers.TARGET;
import static org.zugong.member.transfer.Transfers.VALID_UNTIL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.member.transfer.OrganizationRef.CityOrganization;
import org.zugong.member.transfer.OrganizationRef.ExternalOrganization;
import org.zugong.shared.InvalidValueException;

/** Every transition leaves a step in the history, so a member's history shows every move. */
class TransferHistoryTest {

  static final CityOrganization SOURCE_ORG = new CityOrganization(SOURCE);
  static final CityOrganization TARGET_ORG = new CityOrganization(TARGET);
  static final CityOrganization OTHER_ORG = new CityOrganization(OTHER);

  @Test
  void recordsEveryStepOfAWithinCityTransferWithItsDateActorStatesTargetAndReason() {
    LocalDate returnedOn = SUBMITTED_ON.plusDays(3);
    LocalDate resubmittedOn = SUBMITTED_ON.plusDays(4);
    LocalDate acceptedOn = SUBMITTED_ON.plusDays(9);
    Transfer t = Transfers.withinCitySubmitted();
    t.returnToSource(TARGET, "该党员不在本支部工作", returnedOn);
    t.resubmit(
        SOURCE,
        OTHER,
        OrganizationKind.BRANCH,
        resubmittedOn.plusMonths(2),
        MemberStatus.NORMAL,
        resubmittedOn);
    t.accept(OTHER, acceptedOn);

    TransferId id = t.id();
    assertThat(t.history())
        .containsExactly(
            new TransferEvent(
                id, MEMBER, SUBMITTED_ON, SOURCE, null, SUBMITTED, SOURCE_ORG, TARGET_ORG, null),
            new TransferEvent(
                id,
                MEMBER,
                returnedOn,
                TARGET,
                SUBMITTED,
                RETURNED,
                SOURCE_ORG,
                TARGET_ORG,
                "该党员不在本支部工作"),
            new TransferEvent(
                id,
                MEMBER,
                resubmittedOn,
                SOURCE,
                RETURNED,
                SUBMITTED,
                SOURCE_ORG,
                OTHER_ORG,
                null),
            new TransferEvent(
                id, MEMBER, acceptedOn, OTHER, SUBMITTED, ACCEPTED, SOURCE_ORG, OTHER_ORG, null));
  }

  @Test
  void recordsTheLetterAndReceiptStepsOfAnOutOfCityTransfer() {
    Transfer t = Transfers.outOfCitySubmitted();
    t.issueLetter(SOURCE, OUTGOING_LETTER_NUMBER, VALID_UNTIL, SUBMITTED_ON.plusDays(1));
    t.recordReceipt(SOURCE, SUBMITTED_ON.plusDays(30));
    ExternalOrganization outside = new ExternalOrganization(OUTSIDE_TARGET);
    assertThat(t.history())
        .extracting(
            TransferEvent::date,
            TransferEvent::actorOrganizationId,
            TransferEvent::from,
            TransferEvent::to,
            TransferEvent::target)
        .containsExactly(
            tuple(SUBMITTED_ON, SOURCE, null, SUBMITTED, outside),
            tuple(SUBMITTED_ON.plusDays(1), SOURCE, SUBMITTED, LETTER_ISSUED, outside),
            tuple(SUBMITTED_ON.plusDays(30), SOURCE, LETTER_ISSUED, RECEIPT_RETURNED, outside));
  }

  @Test
  void theRegistrarIsTheActorWhoSubmitsAnIntoCityTransfer() {
    TransferEvent first = Transfers.intoCitySubmitted().history().getFirst();
    assertThat(first.actorOrganizationId()).isEqualTo(REGISTRAR);
    assertThat(first.source()).isEqualTo(new ExternalOrganization(OUTSIDE_SOURCE));
    assertThat(first.target()).isEqualTo(TARGET_ORG);
  }

  @Test
  void recordsACancellationWithItsReason() {
    TransferEvent last = Transfers.withinCityCancelled().history().getLast();
    assertThat(last.from()).isEqualTo(SUBMITTED);
    assertThat(last.to()).isEqualTo(CANCELLED);
    assertThat(last.actorOrganizationId()).isEqualTo(SOURCE);
    assertThat(last.reason()).isEqualTo("党员暂不迁出");
  }

  @Test
  void theHistoryCannotBeChangedFromOutside() {
    Transfer t = Transfers.withinCitySubmitted();
    assertThatThrownBy(() -> t.history().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(t.history()).hasSize(1);
  }

  @Test
  void aMembersHistoryShowsEveryMoveOfEveryTransferInOrder() {
    // Cancelled and a new one submitted the same day; the new one accepted later.
    LocalDate day = SUBMITTED_ON.plusDays(2);
    Transfer first = Transfers.withinCitySubmitted();
    first.cancel(SOURCE, "改转其他支部", day);
    Transfer second =
        Transfer.submit(
            Transfers.nextId(),
            new TransferRequest.WithinCity(
                MEMBER, SOURCE, OTHER, OrganizationKind.BRANCH, VALID_UNTIL),
            MemberStatus.NORMAL,
            List.of(first),
            day);
    second.accept(OTHER, day.plusDays(1));
    Transfer someoneElses =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                OTHER_MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, VALID_UNTIL),
            day);

    // Given in any order, the history comes out in the order things happened.
    List<TransferEvent> history =
        TransferHistory.ofMember(MEMBER, List.of(second, someoneElses, first));

    assertThat(history)
        .extracting(TransferEvent::transfer, TransferEvent::date, TransferEvent::to)
        .containsExactly(
            tuple(first.id(), SUBMITTED_ON, SUBMITTED),
            tuple(first.id(), day, CANCELLED),
            tuple(second.id(), day, SUBMITTED),
            tuple(second.id(), day.plusDays(1), ACCEPTED));
  }

  @Test
  void aRefusedStepLeavesNoTrace() {
    Transfer t = Transfers.withinCitySubmitted();
    List<TransferEvent> before = new ArrayList<>(t.history());
    assertThatThrownBy(() -> t.accept(OTHER, SUBMITTED_ON.plusDays(1)))
        .isInstanceOf(InvalidValueException.class);
    assertThat(t.history()).isEqualTo(before);
    assertThat(t.state()).isEqualTo(SUBMITTED);
  }
}
