package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.transfer.Transfers.INCOMING_LETTER_ISSUED_ON;
import static org.zugong.member.transfer.Transfers.INCOMING_LETTER_NUMBER;
import static org.zugong.member.transfer.Transfers.INCOMING_LETTER_VALID_UNTIL;
import static org.zugong.member.transfer.Transfers.MEMBER;
import static org.zugong.member.transfer.Transfers.OTHER_MEMBER;
import static org.zugong.member.transfer.Transfers.OUTSIDE_SOURCE;
import static org.zugong.member.transfer.Transfers.OUTSIDE_TARGET;
import static org.zugong.member.transfer.Transfers.REGISTRAR;
import static org.zugong.member.transfer.Transfers.SOURCE;
import static org.zugong.member.transfer.Transfers.SUBMITTED_ON;
import static org.zugong.member.transfer.Transfers.TARGET;
import static org.zugong.member.transfer.Transfers.VALID_UNTIL;
import static org.zugong.member.transfer.Transfers.assertAllowed;
import static org.zugong.member.transfer.Transfers.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zugong.member.transfer.OrganizationRef.CityOrganization;
import org.zugong.member.transfer.OrganizationRef.ExternalOrganization;
import org.zugong.shared.Decision;
import org.zugong.shared.InvalidValueException;

class TransferSubmissionTest {

  static final LocalDate TODAY = SUBMITTED_ON;

  static Decision canSubmit(TransferRequest request) {
    return Transfer.canSubmit(request, MemberStatus.NORMAL, List.of(), TODAY);
  }

  static Stream<TransferRequest> everyKind() {
    return Stream.of(Transfers.withinCity(), Transfers.outOfCity(), Transfers.intoCity());
  }

  static TransferRequest.IntoCity intoCityWithLetter(
      @Nullable String number, LocalDate issuedOn, LocalDate validUntil) {
    return new TransferRequest.IntoCity(
        MEMBER,
        OUTSIDE_SOURCE,
        TARGET,
        OrganizationKind.BRANCH,
        REGISTRAR,
        number,
        issuedOn,
        validUntil);
  }

  static TransferRequest.WithinCity withinCityTo(long target, OrganizationKind kind) {
    return new TransferRequest.WithinCity(MEMBER, SOURCE, target, kind, VALID_UNTIL);
  }

  static TransferRequest.WithinCity withinCityValidUntil(LocalDate validUntil) {
    return new TransferRequest.WithinCity(
        MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, validUntil);
  }

  // ---- member-in-normal-status

  @ParameterizedTest
  @MethodSource("everyKind")
  void allowsTransferOfAMemberInNormalStatus(TransferRequest request) {
    assertAllowed(canSubmit(request));
  }

  @Test
  void refusesTransferOfAMemberWhoLostContact() {
    assertRefused(
        Transfer.canSubmit(Transfers.withinCity(), MemberStatus.LOST_CONTACT, List.of(), TODAY),
        "member-in-normal-status",
        "transfer.rule.member-status.LOST_CONTACT");
  }

  @ParameterizedTest
  @EnumSource(value = MemberStatus.class, names = "NORMAL", mode = EnumSource.Mode.EXCLUDE)
  void refusesTransferOfAMemberNotInNormalStatus(MemberStatus status) {
    everyKind()
        .forEach(
            request ->
                assertRefused(
                    Transfer.canSubmit(request, status, List.of(), TODAY),
                    "member-in-normal-status",
                    "transfer.rule.member-status." + status.name()));
  }

  @Test
  void submitThrowsTheRefusalAndCreatesNothing() {
    assertThatThrownBy(
            () ->
                Transfer.submit(
                    Transfers.nextId(),
                    Transfers.withinCity(),
                    MemberStatus.DECEASED,
                    List.of(),
                    TODAY))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.rule.member-status.DECEASED"));
  }

  // ---- one-open-transfer-per-member

  @Test
  void refusesASecondTransferWhileOneIsOpen() {
    Transfer open = Transfers.withinCitySubmitted();
    everyKind()
        .forEach(
            request ->
                assertRefused(
                    Transfer.canSubmit(request, MemberStatus.NORMAL, List.of(open), TODAY),
                    "one-open-transfer-per-member",
                    "transfer.rule.open-transfer-exists"));
  }

  @Test
  void refusesASecondTransferWhileTheFirstIsReturnedAndNotYetResubmittedOrCancelled() {
    Transfer returned = Transfers.withinCityReturned();
    assertRefused(
        Transfer.canSubmit(
            Transfers.withinCity(), MemberStatus.NORMAL, List.of(returned), TODAY.plusDays(5)),
        "one-open-transfer-per-member",
        "transfer.rule.open-transfer-exists");
  }

  @Test
  void refusesASecondTransferWhileAnOutOfCityLetterAwaitsItsReceipt() {
    assertRefused(
        Transfer.canSubmit(
            Transfers.withinCity(),
            MemberStatus.NORMAL,
            List.of(Transfers.outOfCityLetterIssued()),
            TODAY),
        "one-open-transfer-per-member",
        "transfer.rule.open-transfer-exists");
  }

  @Test
  void allowsANewTransferOnceThePreviousOnesAreClosed() {
    List<Transfer> closed =
        List.of(
            Transfers.withinCityAccepted(),
            Transfers.withinCityCancelled(),
            Transfers.outOfCityReceiptReturned());
    assertAllowed(
        Transfer.canSubmit(
            Transfers.withinCity(), MemberStatus.NORMAL, closed, TODAY.plusDays(30)));
  }

  @Test
  void ignoresTheOpenTransfersOfOtherMembers() {
    Transfer othersOpen =
        Transfers.submitted(
            new TransferRequest.WithinCity(
                OTHER_MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, VALID_UNTIL));
    assertAllowed(
        Transfer.canSubmit(
            Transfers.withinCity(), MemberStatus.NORMAL, List.of(othersOpen), TODAY));
  }

  @Test
  void submitRefusesASecondOpenTransfer() {
    Transfer open = Transfers.withinCitySubmitted();
    assertThatThrownBy(
            () ->
                Transfer.submit(
                    Transfers.nextId(),
                    Transfers.outOfCity(),
                    MemberStatus.NORMAL,
                    List.of(open),
                    TODAY))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.rule.open-transfer-exists"));
  }

  // ---- source-and-target-differ

  @Test
  void refusesAWithinCityTransferToTheSourceItself() {
    assertRefused(
        canSubmit(withinCityTo(SOURCE, OrganizationKind.BRANCH)),
        "source-and-target-differ",
        "transfer.rule.same-organization");
  }

  // ---- target-holds-members

  @ParameterizedTest
  @EnumSource(
      value = OrganizationKind.class,
      names = {"COMMITTEE", "WORKING_COMMITTEE", "GROUP"})
  void refusesAWithinCityTargetThatHoldsNoMembers(OrganizationKind kind) {
    assertRefused(
        canSubmit(withinCityTo(TARGET, kind)),
        "target-holds-members",
        "transfer.rule.target-holds-no-members");
  }

  @ParameterizedTest
  @EnumSource(
      value = OrganizationKind.class,
      names = {"BRANCH", "GENERAL_BRANCH"})
  void allowsAWithinCityTargetThatHoldsMembers(OrganizationKind kind) {
    assertAllowed(canSubmit(withinCityTo(TARGET, kind)));
  }

  @Test
  void refusesAnIntoCityTargetThatHoldsNoMembers() {
    TransferRequest request =
        new TransferRequest.IntoCity(
            MEMBER,
            OUTSIDE_SOURCE,
            TARGET,
            OrganizationKind.COMMITTEE,
            REGISTRAR,
            INCOMING_LETTER_NUMBER,
            INCOMING_LETTER_ISSUED_ON,
            INCOMING_LETTER_VALID_UNTIL);
    assertRefused(
        canSubmit(request), "target-holds-members", "transfer.rule.target-holds-no-members");
  }

  // ---- external-organization-named

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void refusesAnOutOfCityTransferWithoutTheTargetName(@Nullable String name) {
    assertRefused(
        canSubmit(new TransferRequest.OutOfCity(MEMBER, SOURCE, name)),
        "external-organization-named",
        "transfer.rule.external-name-required");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void refusesAnIntoCityTransferWithoutTheSourceName(@Nullable String name) {
    TransferRequest request =
        new TransferRequest.IntoCity(
            MEMBER,
            name,
            TARGET,
            OrganizationKind.BRANCH,
            REGISTRAR,
            INCOMING_LETTER_NUMBER,
            INCOMING_LETTER_ISSUED_ON,
            INCOMING_LETTER_VALID_UNTIL);
    assertRefused(
        canSubmit(request), "external-organization-named", "transfer.rule.external-name-required");
  }

  @Test
  void anExternalOrganizationCannotBeMadeWithoutAName() {
    assertThatThrownBy(() -> new ExternalOrganization(" "))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("transfer.rule.external-name-required"));
    assertThat(new ExternalOrganization("  某党支部 ").name()).isEqualTo("某党支部");
  }

  // ---- letter-number-required

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void refusesAnIntoCityTransferWithoutTheLetterNumber(@Nullable String number) {
    assertRefused(
        canSubmit(
            intoCityWithLetter(number, INCOMING_LETTER_ISSUED_ON, INCOMING_LETTER_VALID_UNTIL)),
        "letter-number-required",
        "transfer.rule.letter-number-required");
  }

  // ---- letter-validity-in-range (at submission)

  @Test
  void refusesAWithinCityLetterValidForLessThanOneMonth() {
    // Submitted 2024-03-01: the last valid day may be 2024-04-01 at the earliest.
    assertRefused(
        canSubmit(withinCityValidUntil(LocalDate.of(2024, 3, 31))),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range",
        LocalDate.of(2024, 4, 1),
        LocalDate.of(2024, 6, 1));
    assertAllowed(canSubmit(withinCityValidUntil(LocalDate.of(2024, 4, 1))));
    assertAllowed(canSubmit(withinCityValidUntil(LocalDate.of(2024, 4, 2))));
  }

  @Test
  void refusesAWithinCityLetterValidForMoreThanThreeMonths() {
    assertAllowed(canSubmit(withinCityValidUntil(LocalDate.of(2024, 5, 31))));
    assertAllowed(canSubmit(withinCityValidUntil(LocalDate.of(2024, 6, 1))));
    assertRefused(
        canSubmit(withinCityValidUntil(LocalDate.of(2024, 6, 2))),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range");
  }

  @Test
  void refusesAnIntoCityLetterValidForMoreThanThreeMonthsFromItsIssue() {
    // Issued outside on 2024-02-20: valid until 2024-05-20 at the latest.
    assertAllowed(
        canSubmit(
            intoCityWithLetter(
                INCOMING_LETTER_NUMBER, INCOMING_LETTER_ISSUED_ON, LocalDate.of(2024, 5, 20))));
    assertRefused(
        canSubmit(
            intoCityWithLetter(
                INCOMING_LETTER_NUMBER, INCOMING_LETTER_ISSUED_ON, LocalDate.of(2024, 5, 21))),
        "letter-validity-in-range",
        "transfer.rule.letter-validity-range");
  }

  // ---- letter-issued-by-today

  @Test
  void refusesAnIntoCityLetterDatedAfterToday() {
    LocalDate tomorrow = TODAY.plusDays(1);
    assertRefused(
        canSubmit(intoCityWithLetter(INCOMING_LETTER_NUMBER, tomorrow, tomorrow.plusMonths(2))),
        "letter-issued-by-today",
        "transfer.rule.letter-issued-later",
        tomorrow);
    assertAllowed(
        canSubmit(intoCityWithLetter(INCOMING_LETTER_NUMBER, TODAY, TODAY.plusMonths(2))));
  }

  // ---- letter-not-expired (at registration)

  @Test
  void refusesRegisteringAnIntoCityLetterThatHasExpired() {
    LocalDate issued = LocalDate.of(2024, 1, 15);
    LocalDate yesterday = TODAY.minusDays(1);
    assertRefused(
        canSubmit(intoCityWithLetter(INCOMING_LETTER_NUMBER, issued, yesterday)),
        "letter-not-expired",
        "transfer.rule.letter-expired",
        yesterday);
    assertAllowed(canSubmit(intoCityWithLetter(INCOMING_LETTER_NUMBER, issued, TODAY)));
  }

  // ---- what a submission makes

  @Test
  void aWithinCityTransferStartsSubmittedWithAnElectronicLetterIssuedToday() {
    Transfer t = Transfers.withinCitySubmitted();
    assertThat(t.kind()).isEqualTo(TransferKind.WITHIN_CITY);
    assertThat(t.state()).isEqualTo(TransferState.SUBMITTED);
    assertThat(t.isOpen()).isTrue();
    assertThat(t.attempt()).isEqualTo(1);
    assertThat(t.memberId()).isEqualTo(MEMBER);
    assertThat(t.source()).isEqualTo(new CityOrganization(SOURCE));
    assertThat(t.target()).isEqualTo(new CityOrganization(TARGET));
    assertThat(t.sourceActorId()).isEqualTo(SOURCE);
    assertThat(t.letter()).contains(new Letter(null, SUBMITTED_ON, VALID_UNTIL));
    assertThat(t.letter().orElseThrow().numberIfAny()).isEmpty();
    assertThat(t.deadline()).contains(VALID_UNTIL);
    assertThat(t.submittedOn()).isEqualTo(SUBMITTED_ON);
  }

  @Test
  void anIntoCityTransferKeepsTheLetterItCameWithAndIsActedForByItsRegistrar() {
    Transfer t = Transfers.intoCitySubmitted();
    assertThat(t.kind()).isEqualTo(TransferKind.INTO_CITY);
    assertThat(t.source()).isEqualTo(new ExternalOrganization(OUTSIDE_SOURCE));
    assertThat(t.target()).isEqualTo(new CityOrganization(TARGET));
    assertThat(t.sourceActorId()).isEqualTo(REGISTRAR);
    assertThat(t.letter())
        .contains(
            new Letter(
                INCOMING_LETTER_NUMBER, INCOMING_LETTER_ISSUED_ON, INCOMING_LETTER_VALID_UNTIL));
    assertThat(t.deadline()).contains(INCOMING_LETTER_VALID_UNTIL);
  }

  @Test
  void anOutOfCityTransferHasNoLetterUntilItsLetterIsIssued() {
    Transfer t = Transfers.outOfCitySubmitted();
    assertThat(t.kind()).isEqualTo(TransferKind.OUT_OF_CITY);
    assertThat(t.source()).isEqualTo(new CityOrganization(SOURCE));
    assertThat(t.target()).isEqualTo(new ExternalOrganization(OUTSIDE_TARGET));
    assertThat(t.letter()).isEmpty();
    assertThat(t.deadline()).isEmpty();
  }
}
