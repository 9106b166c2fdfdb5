package org.zugong.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.zugong.shared.Decision;

/** Object Mother of transfers: one member, a few organizations, and transfers in every state. */
final class Transfers {

  static final long MEMBER = 7L;
  static final long OTHER_MEMBER = 8L;

  /** The branch that holds the member. */
  static final long SOURCE = 101L;

  /** The branch the member moves to. */
  static final long TARGET = 202L;

  /** A third branch of the city. */
  static final long OTHER = 303L;

  /** The district committee that registers letters from outside the city. */
  static final long REGISTRAR = 404L;

  static final String OUTSIDE_TARGET = "北京市海淀区中关村街道党工委某社区党支部";
  static final String OUTSIDE_SOURCE = "上海市浦东新区某公司党支部";
  static final String INCOMING_LETTER_NUMBER = "沪组转〔2024〕0123号";
  static final String OUTGOING_LETTER_NUMBER = "甬组转〔2024〕0456号";

  static final LocalDate SUBMITTED_ON = LocalDate.of(2024, 3, 1);

  /** Two months after submission, less a day: well inside one to three months. */
  static final LocalDate VALID_UNTIL = LocalDate.of(2024, 4, 30);

  static final LocalDate INCOMING_LETTER_ISSUED_ON = LocalDate.of(2024, 2, 20);
  static final LocalDate INCOMING_LETTER_VALID_UNTIL = LocalDate.of(2024, 4, 20);

  private static final AtomicLong IDS = new AtomicLong();

  private Transfers() {}

  static TransferId nextId() {
    return new TransferId(IDS.incrementAndGet());
  }

  static TransferRequest.WithinCity withinCity() {
    return new TransferRequest.WithinCity(
        MEMBER, SOURCE, TARGET, OrganizationKind.BRANCH, VALID_UNTIL);
  }

  static TransferRequest.OutOfCity outOfCity() {
    return new TransferRequest.OutOfCity(MEMBER, SOURCE, OUTSIDE_TARGET);
  }

  static TransferRequest.IntoCity intoCity() {
    return new TransferRequest.IntoCity(
        MEMBER,
        OUTSIDE_SOURCE,
        TARGET,
        OrganizationKind.BRANCH,
        REGISTRAR,
        INCOMING_LETTER_NUMBER,
        INCOMING_LETTER_ISSUED_ON,
        INCOMING_LETTER_VALID_UNTIL);
  }

  static Transfer submitted(TransferRequest request) {
    return submitted(request, SUBMITTED_ON);
  }

  static Transfer submitted(TransferRequest request, LocalDate on) {
    return Transfer.submit(nextId(), request, MemberStatus.NORMAL, List.of(), on);
  }

  /** A transfer within the city, submitted on {@link #SUBMITTED_ON}. */
  static Transfer withinCitySubmitted() {
    return submitted(withinCity());
  }

  /** A transfer within the city, returned by its target a few days after submission. */
  static Transfer withinCityReturned() {
    Transfer t = withinCitySubmitted();
    t.returnToSource(TARGET, "党员信息与档案不符", SUBMITTED_ON.plusDays(3));
    return t;
  }

  static Transfer withinCityAccepted() {
    Transfer t = withinCitySubmitted();
    t.accept(TARGET, SUBMITTED_ON.plusDays(5));
    return t;
  }

  static Transfer withinCityCancelled() {
    Transfer t = withinCitySubmitted();
    t.cancel(SOURCE, "党员暂不迁出", SUBMITTED_ON.plusDays(2));
    return t;
  }

  static Transfer intoCitySubmitted() {
    return submitted(intoCity());
  }

  static Transfer outOfCitySubmitted() {
    return submitted(outOfCity());
  }

  /** A transfer out of the city whose letter was issued on the day of submission. */
  static Transfer outOfCityLetterIssued() {
    Transfer t = outOfCitySubmitted();
    t.issueLetter(SOURCE, OUTGOING_LETTER_NUMBER, VALID_UNTIL, SUBMITTED_ON);
    return t;
  }

  static Transfer outOfCityReceiptReturned() {
    Transfer t = outOfCityLetterIssued();
    t.recordReceipt(SOURCE, SUBMITTED_ON.plusDays(20));
    return t;
  }

  static void assertAllowed(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Allowed.class);
  }

  static void assertRefused(Decision decision, String rule, String messageKey) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Refused.class,
            r -> {
              assertThat(r.rule()).as("rule").isEqualTo(rule);
              assertThat(r.messageKey()).as("message key").isEqualTo(messageKey);
            });
  }

  static void assertRefused(
      Decision decision, String rule, String messageKey, Object... arguments) {
    assertRefused(decision, rule, messageKey);
    assertThat(((Decision.Refused) decision).arguments()).containsExactly(arguments);
  }
}
