package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.transfer.TransferWorkList.Category.DUE_SOON;
import static org.zugong.member.transfer.TransferWorkList.Category.OVERDUE;
import static org.zugong.member.transfer.TransferWorkList.Category.PENDING;
import static org.zugong.member.transfer.TransferWorkList.Category.UNFINISHED;
import static org.zugong.member.transfer.TransferWorkList.Direction.INCOMING;
import static org.zugong.member.transfer.TransferWorkList.Direction.OUTGOING;
import static org.zugong.member.transfer.Transfers.OTHER;
import static org.zugong.member.transfer.Transfers.OTHER_MEMBER;
import static org.zugong.member.transfer.Transfers.REGISTRAR;
import static org.zugong.member.transfer.Transfers.SOURCE;
import static org.zugong.member.transfer.Transfers.SUBMITTED_ON;
import static org.zugong.member.transfer.Transfers.TARGET;
import static org.zugong.member.transfer.Transfers.VALID_UNTIL;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.member.transfer.TransferWorkList.Category;

class TransferWorkListTest {

  static final LocalDate SOON_AFTER = SUBMITTED_ON.plusDays(5);

  // ---- PENDING, UNFINISHED

  @Test
  void aSubmittedTransferIsPendingAndUnfinished() {
    assertThat(TransferWorkList.categoriesOf(Transfers.withinCitySubmitted(), SOON_AFTER))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED);
    assertThat(TransferWorkList.categoriesOf(Transfers.intoCitySubmitted(), SOON_AFTER))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED);
  }

  @Test
  void aReturnedTransferIsUnfinishedButNoLongerPending() {
    assertThat(TransferWorkList.categoriesOf(Transfers.withinCityReturned(), SOON_AFTER))
        .containsExactly(UNFINISHED);
  }

  @Test
  void anOutOfCityTransferAwaitingItsLetterIsUnfinishedOnlyAndHasNoDeadline() {
    // Awaits its own source, not the target; no letter, so neither due soon nor overdue, ever.
    Transfer t = Transfers.outOfCitySubmitted();
    assertThat(TransferWorkList.categoriesOf(t, SOON_AFTER)).containsExactly(UNFINISHED);
    assertThat(TransferWorkList.categoriesOf(t, SUBMITTED_ON.plusYears(1)))
        .containsExactly(UNFINISHED);
  }

  @Test
  void anOutOfCityLetterAwaitingItsReceiptIsPending() {
    assertThat(TransferWorkList.categoriesOf(Transfers.outOfCityLetterIssued(), SOON_AFTER))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED);
  }

  @Test
  void aClosedTransferIsInNoCategoryEvenPastItsDeadline() {
    for (Transfer closed :
        List.of(
            Transfers.withinCityAccepted(),
            Transfers.withinCityCancelled(),
            Transfers.outOfCityReceiptReturned())) {
      assertThat(TransferWorkList.categoriesOf(closed, SOON_AFTER)).as("%s", closed).isEmpty();
      assertThat(TransferWorkList.categoriesOf(closed, VALID_UNTIL.plusDays(1)))
          .as("%s", closed)
          .isEmpty();
    }
  }

  // ---- DUE_SOON, OVERDUE: deadline VALID_UNTIL = 2024-04-30

  @Test
  void isNotYetDueSoonEightDaysBeforeTheDeadline() {
    assertThat(
            TransferWorkList.categoriesOf(
                Transfers.withinCitySubmitted(), VALID_UNTIL.minusDays(8)))
        .doesNotContain(DUE_SOON, OVERDUE);
  }

  @Test
  void isDueSoonSevenDaysBeforeTheDeadline() {
    assertThat(
            TransferWorkList.categoriesOf(
                Transfers.withinCitySubmitted(), VALID_UNTIL.minusDays(7)))
        .contains(DUE_SOON)
        .doesNotContain(OVERDUE);
  }

  @Test
  void isDueSoonOnTheDayBeforeTheDeadline() {
    assertThat(
            TransferWorkList.categoriesOf(
                Transfers.withinCitySubmitted(), VALID_UNTIL.minusDays(1)))
        .contains(DUE_SOON)
        .doesNotContain(OVERDUE);
  }

  @Test
  void isDueSoonNotOverdueOnTheDeadlineItself() {
    assertThat(TransferWorkList.categoriesOf(Transfers.withinCitySubmitted(), VALID_UNTIL))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED, DUE_SOON);
  }

  @Test
  void isOverdueTheDayAfterTheDeadline() {
    assertThat(
            TransferWorkList.categoriesOf(Transfers.withinCitySubmitted(), VALID_UNTIL.plusDays(1)))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED, OVERDUE);
  }

  @Test
  void countsSevenDaysAcrossTheTwentyNinthOfFebruary() {
    LocalDate lastDay = LocalDate.of(2024, 3, 3);
    Transfer t =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                Transfers.MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, lastDay),
            LocalDate.of(2024, 2, 1));
    assertThat(TransferWorkList.categoriesOf(t, LocalDate.of(2024, 2, 24)))
        .doesNotContain(DUE_SOON);
    assertThat(TransferWorkList.categoriesOf(t, LocalDate.of(2024, 2, 25))).contains(DUE_SOON);
    assertThat(TransferWorkList.categoriesOf(t, LocalDate.of(2024, 3, 3))).contains(DUE_SOON);
    assertThat(TransferWorkList.categoriesOf(t, LocalDate.of(2024, 3, 4))).contains(OVERDUE);
  }

  @Test
  void anOutOfCityLetterWithoutReceiptIsOverdueOnceItExpired() {
    assertThat(
            TransferWorkList.categoriesOf(
                Transfers.outOfCityLetterIssued(), VALID_UNTIL.plusDays(1)))
        .containsExactlyInAnyOrder(PENDING, UNFINISHED, OVERDUE);
  }

  @Test
  void aReturnedTransferLeftPastItsLetterIsOverdue() {
    assertThat(
            TransferWorkList.categoriesOf(Transfers.withinCityReturned(), VALID_UNTIL.plusDays(1)))
        .containsExactlyInAnyOrder(UNFINISHED, OVERDUE);
  }

  // ---- the point of view: incoming, outgoing

  @Test
  void theTargetSeesItsIncomingTransfersAndTheSourceItsOutgoingOnes() {
    Transfer toTarget = Transfers.withinCitySubmitted();
    Transfer fromTarget =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                OTHER_MEMBER, TARGET, OTHER, OrganizationKind.BRANCH, VALID_UNTIL));
    List<Transfer> all = List.of(toTarget, fromTarget);

    assertThat(TransferWorkList.classify(all, TARGET, INCOMING, SOON_AFTER).get(PENDING))
        .containsExactly(toTarget);
    assertThat(TransferWorkList.classify(all, TARGET, OUTGOING, SOON_AFTER).get(PENDING))
        .containsExactly(fromTarget);
    assertThat(TransferWorkList.classify(all, SOURCE, OUTGOING, SOON_AFTER).get(UNFINISHED))
        .containsExactly(toTarget);
    assertThat(TransferWorkList.classify(all, SOURCE, INCOMING, SOON_AFTER).get(UNFINISHED))
        .isEmpty();
  }

  @Test
  void anIntoCityTransferIsIncomingForItsTargetAndOutgoingForItsRegistrar() {
    Transfer t = Transfers.intoCitySubmitted();
    assertThat(TransferWorkList.concerns(t, TARGET, INCOMING)).isTrue();
    assertThat(TransferWorkList.concerns(t, REGISTRAR, OUTGOING)).isTrue();
    assertThat(TransferWorkList.concerns(t, REGISTRAR, INCOMING)).isFalse();
    assertThat(TransferWorkList.concerns(t, TARGET, OUTGOING)).isFalse();
  }

  @Test
  void anOutOfCityTransferIsNoCityOrganizationsIncomingWork() {
    Transfer t = Transfers.outOfCityLetterIssued();
    for (long org : new long[] {SOURCE, TARGET, OTHER, REGISTRAR}) {
      assertThat(TransferWorkList.concerns(t, org, INCOMING)).isFalse();
    }
    assertThat(TransferWorkList.concerns(t, SOURCE, OUTGOING)).isTrue();
  }

  @Test
  void aResubmittedTransferMovesToItsNewTargetsIncomingList() {
    Transfer t = Transfers.withinCityReturned();
    LocalDate resubmittedOn = SUBMITTED_ON.plusDays(10);
    t.resubmit(
        SOURCE,
        OTHER,
        OrganizationKind.BRANCH,
        resubmittedOn.plusMonths(1),
        MemberStatus.NORMAL,
        resubmittedOn);
    List<Transfer> all = List.of(t);
    assertThat(TransferWorkList.classify(all, TARGET, INCOMING, resubmittedOn).get(UNFINISHED))
        .isEmpty();
    assertThat(TransferWorkList.classify(all, OTHER, INCOMING, resubmittedOn).get(PENDING))
        .containsExactly(t);
  }

  // ---- the list itself

  @Test
  void everyCategoryIsPresentEvenWhenEmpty() {
    Map<Category, List<Transfer>> lists =
        TransferWorkList.classify(List.of(), TARGET, INCOMING, SOON_AFTER);
    assertThat(lists).containsOnlyKeys(Category.values());
    assertThat(lists.values()).allSatisfy(l -> assertThat(l).isEmpty());
  }

  @Test
  void listsTheMostUrgentFirstAndThoseWithoutDeadlineLast() {
    Transfer late =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                Transfers.MEMBER,
                SOURCE,
                TARGET,
                OrganizationKind.BRANCH,
                LocalDate.of(2024, 5, 31)));
    Transfer early =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                OTHER_MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, LocalDate.of(2024, 4, 1)));
    Transfer noLetter =
        Transfers.submitted(
            new TransferRequest.OutOfCity(9L, SOURCE, Transfers.OUTSIDE_TARGET),
            SUBMITTED_ON.minusDays(10));
    assertThat(
            TransferWorkList.classify(List.of(noLetter, late, early), SOURCE, OUTGOING, SOON_AFTER)
                .get(UNFINISHED))
        .containsExactly(early, late, noLetter);
  }

  @Test
  void classifiesTheSameTransferInEveryCategoryItFallsIn() {
    Transfer t = Transfers.withinCitySubmitted();
    Map<Category, List<Transfer>> lists =
        TransferWorkList.classify(List.of(t), TARGET, INCOMING, VALID_UNTIL);
    assertThat(lists.get(PENDING)).containsExactly(t);
    assertThat(lists.get(UNFINISHED)).containsExactly(t);
    assertThat(lists.get(DUE_SOON)).containsExactly(t);
    assertThat(lists.get(OVERDUE)).isEmpty();
  }
}
