package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.transfer.Transfers.SOURCE;
import static org.zugong.member.transfer.Transfers.SUBMITTED_ON;
import static org.zugong.member.transfer.Transfers.TARGET;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.member.transfer.TransferWorkList.Category;

/** A transfer rebuilt from what was stored of it behaves as the one that was stored. */
class TransferRestoreTest {

  static Transfer restored(Transfer t) {
    return Transfer.restore(
        t.id(),
        t.kind(),
        t.memberId(),
        t.source(),
        t.sourceActorId(),
        t.target(),
        t.letter().orElse(null),
        t.attempt(),
        t.history());
  }

  @Test
  void aRestoredTransferContinuesWhereItStopped() {
    Transfer returned = restored(Transfers.withinCityReturned());
    assertThat(returned.state()).isEqualTo(TransferState.RETURNED);
    assertThat(returned.submittedOn()).isEqualTo(SUBMITTED_ON);
    LocalDate again = SUBMITTED_ON.plusDays(4);
    returned.resubmit(
        SOURCE, TARGET, OrganizationKind.BRANCH, again.plusMonths(1), MemberStatus.NORMAL, again);
    assertThat(returned.attempt()).isEqualTo(2);
    assertThat(returned.history())
        .extracting(TransferEvent::to)
        .containsExactly(TransferState.SUBMITTED, TransferState.RETURNED, TransferState.SUBMITTED);
  }

  @Test
  void aRestoredTransferKeepsItsRules() {
    Transfer accepted = restored(Transfers.withinCityAccepted());
    assertThat(accepted.isOpen()).isFalse();
    Transfers.assertRefused(
        accepted.canAccept(TARGET, SUBMITTED_ON.plusDays(6)),
        "step-allowed-in-state",
        "transfer.rule.in-state.ACCEPTED");
    Transfer returned = restored(Transfers.withinCityReturned());
    Transfers.assertRefused(
        returned.canCancel(SOURCE, SUBMITTED_ON.plusDays(1)),
        "steps-in-date-order",
        "transfer.rule.date-before-last-step");
  }

  @Test
  void aTransferIsNotRestoredWithoutItsSubmission() {
    Transfer t = Transfers.withinCityReturned();
    List<TransferEvent> withoutSubmission = t.history().subList(1, 2);
    assertThatThrownBy(
            () ->
                Transfer.restore(
                    t.id(),
                    t.kind(),
                    t.memberId(),
                    t.source(),
                    t.sourceActorId(),
                    t.target(),
                    t.letter().orElse(null),
                    t.attempt(),
                    withoutSubmission))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transfersChosenForAPartOfTheTreeAreClassifiedLikeThoseOfOneOrganization() {
    Transfer fresh = Transfers.withinCitySubmitted();
    Transfer returned = Transfers.withinCityReturned();
    Transfer accepted = Transfers.withinCityAccepted();
    LocalDate day = SUBMITTED_ON.plusDays(5);
    var chosen = TransferWorkList.classify(List.of(fresh, returned, accepted), day);
    assertThat(chosen.get(Category.PENDING)).containsExactly(fresh);
    assertThat(chosen.get(Category.UNFINISHED)).containsExactlyInAnyOrder(fresh, returned);
    assertThat(chosen)
        .isEqualTo(
            TransferWorkList.classify(
                List.of(fresh, returned, accepted),
                TARGET,
                TransferWorkList.Direction.INCOMING,
                day));
  }
}
