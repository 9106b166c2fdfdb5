package org.zugong.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.dues.DuesCategory.SALARIED;
import static org.zugong.member.dues.DuesFixtures.POLICY;
import static org.zugong.member.dues.DuesFixtures.fen;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.zugong.member.dues.DuesStanding.InArrears;
import org.zugong.member.dues.DuesStanding.Lapsed;
import org.zugong.member.dues.DuesStanding.UpToDate;
import org.zugong.member.dues.LedgerMonth.NothingDue;
import org.zugong.member.dues.LedgerMonth.Paid;
import org.zugong.member.dues.LedgerMonth.Unpaid;
import org.zugong.shared.Decision;
import org.zugong.shared.InvalidValueException;

class DuesLedgerTest {

  static final YearMonth JAN = YearMonth.of(2025, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  /** 6,000.00 yuan after tax: 90.00 yuan every month. */
  static final Function<YearMonth, MonthlyDues> SIX_THOUSAND =
      m -> POLICY.amountFor(SALARIED, fen("6000.00"), m, List.of());

  static MonthlyDues due(YearMonth month) {
    return SIX_THOUSAND.apply(month);
  }

  static YearMonth month(int year, int month) {
    return YearMonth.of(year, month);
  }

  /** Pays {@code month} in full on the given day. */
  static void pay(DuesLedger ledger, YearMonth month, LocalDate on) {
    assertThat(ledger.recordPayment(due(month), fen("90.00"), on, TODAY))
        .isEqualTo(Decision.ALLOWED);
  }

  /** Pays {@code month} in full on its 10th. */
  static void payOnTime(DuesLedger ledger, YearMonth month) {
    pay(ledger, month, month.atDay(10));
  }

  static void assertRefused(Decision decision, String rule, String messageKey) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Refused.class,
            r -> {
              assertThat(r.rule()).isEqualTo(rule);
              assertThat(r.messageKey()).isEqualTo(messageKey);
            });
  }

  // ---- statement and arrears ----

  @Test
  void listsEveryMonthFromTheFirstThroughTheGivenMonthPaidOrUnpaid() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);
    payOnTime(ledger, month(2025, 3));

    DuesStatement statement = ledger.statementThrough(month(2025, 4), SIX_THOUSAND);

    assertThat(statement.months())
        .extracting(LedgerMonth::month)
        .containsExactly(JAN, month(2025, 2), month(2025, 3), month(2025, 4));
    assertThat(statement.months())
        .extracting(m -> m.getClass().getSimpleName())
        .containsExactly("Paid", "Unpaid", "Paid", "Unpaid");
    assertThat(((Paid) statement.months().getFirst()).payment().paidOn())
        .isEqualTo(LocalDate.of(2025, 1, 10));
    assertThat(((Paid) statement.months().getFirst()).payment().fen()).isEqualTo(fen("90.00"));
  }

  @Test
  void arrearsAreTheSumAndCountOfTheUnpaidMonths() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);
    payOnTime(ledger, month(2025, 3));

    DuesStatement statement = ledger.statementThrough(month(2025, 4), SIX_THOUSAND);

    assertThat(statement.arrearsMonths()).isEqualTo(2);
    assertThat(statement.arrearsFen()).isEqualTo(fen("180.00"));
    assertThat(statement.standing()).isEqualTo(new InArrears(2, fen("180.00")));
  }

  @Test
  void arrearsAddEachUnpaidMonthsOwnDues() {
    // A raise in March: 12,000.00 yuan pays 2%, 240.00 yuan.
    Function<YearMonth, MonthlyDues> raise =
        m ->
            POLICY.amountFor(
                SALARIED,
                m.isBefore(month(2025, 3)) ? fen("6000.00") : fen("12000.00"),
                m,
                List.of());
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);

    assertThat(ledger.statementThrough(month(2025, 3), raise).arrearsFen())
        .isEqualTo(fen("90.00") + fen("240.00"));
  }

  @Test
  void aPaidMonthKeepsTheDuesAsTheyWereWhenPaid() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);
    Function<YearMonth, MonthlyDues> corrected =
        m -> POLICY.amountFor(SALARIED, fen("12000.00"), m, List.of());

    LedgerMonth january = ledger.statementThrough(JAN, corrected).months().getFirst();

    assertThat(january).isInstanceOf(Paid.class);
    assertThat(january.due().fen()).isEqualTo(fen("90.00"));
  }

  @Test
  void aStatementShowsPaymentsAsTheyStoodAtTheEndOfItsLastMonth() {
    DuesLedger ledger = new DuesLedger(JAN);
    pay(ledger, JAN, LocalDate.of(2025, 2, 1));

    assertThat(ledger.statementThrough(JAN, SIX_THOUSAND).months().getFirst())
        .isInstanceOf(Unpaid.class);
    assertThat(ledger.statementThrough(month(2025, 2), SIX_THOUSAND).months().getFirst())
        .isInstanceOf(Paid.class);
  }

  @Test
  void aStatementEndingBeforeTheFirstMonthIsEmptyAndUpToDate() {
    DuesStatement statement = new DuesLedger(JAN).statementThrough(month(2024, 12), SIX_THOUSAND);
    assertThat(statement.months()).isEmpty();
    assertThat(statement.standing()).isEqualTo(new UpToDate());
  }

  @Test
  void monthsWithNothingDueAreNeitherOwedNorCountedAsMissed() {
    Exemption waiver = Exemption.waiver(month(2025, 3), month(2025, 4), "重病住院");
    Function<YearMonth, MonthlyDues> waived =
        m -> POLICY.amountFor(SALARIED, fen("6000.00"), m, List.of(waiver));
    DuesLedger ledger = new DuesLedger(JAN);

    DuesStatement statement = ledger.statementThrough(month(2025, 8), waived);

    assertThat(statement.months().get(2)).isInstanceOf(NothingDue.class);
    assertThat(statement.months().get(3)).isInstanceOf(NothingDue.class);
    // Two months before the waiver, four after: six unpaid, never six in a row.
    assertThat(statement.standing()).isEqualTo(new InArrears(6, fen("540.00")));
    assertThat(ledger.statementThrough(month(2025, 8), SIX_THOUSAND).standing())
        .isInstanceOf(Lapsed.class);
  }

  @Test
  void isUpToDateWhenEveryMonthIsPaid() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);
    payOnTime(ledger, month(2025, 2));
    assertThat(ledger.statementThrough(month(2025, 2), SIX_THOUSAND).standing())
        .isEqualTo(new UpToDate());
  }

  // ---- recording payments ----

  @Test
  void refusesAPaymentForAMonthBeforeTheFirst() {
    DuesLedger ledger = new DuesLedger(JAN);
    assertRefused(
        ledger.recordPayment(due(month(2024, 12)), fen("90.00"), LocalDate.of(2024, 12, 10), TODAY),
        "no-dues-before-first-month",
        "dues.payment.before-first-month");
    assertThat(ledger.payments()).isEmpty();
    payOnTime(ledger, JAN);
  }

  @Test
  void refusesAPaymentDatedAfterToday() {
    DuesLedger ledger = new DuesLedger(JAN);
    LocalDate today = LocalDate.of(2025, 3, 10);
    assertRefused(
        ledger.recordPayment(due(month(2025, 3)), fen("90.00"), today.plusDays(1), today),
        "no-future-payment-date",
        "dues.payment.future-date");
    assertThat(ledger.recordPayment(due(month(2025, 3)), fen("90.00"), today, today))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void refusesPayingAheadBeyondTheCurrentQuarter() {
    DuesLedger ledger = new DuesLedger(JAN);
    LocalDate january15 = LocalDate.of(2025, 1, 15);
    assertThat(ledger.recordPayment(due(month(2025, 3)), fen("90.00"), january15, TODAY))
        .isEqualTo(Decision.ALLOWED);
    assertRefused(
        ledger.recordPayment(due(month(2025, 4)), fen("90.00"), LocalDate.of(2025, 3, 31), TODAY),
        "advance-within-quarter",
        "dues.payment.too-far-ahead");
    assertThat(
            ledger.recordPayment(
                due(month(2025, 6)), fen("90.00"), LocalDate.of(2025, 4, 1), TODAY))
        .isEqualTo(Decision.ALLOWED);
    assertRefused(
        ledger.recordPayment(due(month(2026, 1)), fen("90.00"), LocalDate.of(2025, 12, 31), TODAY),
        "advance-within-quarter",
        "dues.payment.too-far-ahead");
  }

  @Test
  void refusesASecondPaymentForTheSameMonth() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, JAN);
    Decision second =
        ledger.recordPayment(due(JAN), fen("90.00"), LocalDate.of(2025, 1, 20), TODAY);
    assertRefused(second, "one-payment-a-month", "dues.payment.already-paid");
    assertThat(((Decision.Refused) second).arguments())
        .containsExactly(JAN, LocalDate.of(2025, 1, 10));
    assertThat(ledger.payments()).hasSize(1);
  }

  @Test
  void refusesAPaymentBelowTheDue() {
    DuesLedger ledger = new DuesLedger(JAN);
    Decision short1 =
        ledger.recordPayment(due(JAN), fen("89.99"), LocalDate.of(2025, 1, 10), TODAY);
    assertRefused(short1, "paid-in-full", "dues.payment.short");
    assertThat(ledger.paymentFor(JAN)).isEmpty();
    assertThat(ledger.recordPayment(due(JAN), fen("90.00"), LocalDate.of(2025, 1, 10), TODAY))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void acceptsMoreThanTheDueAsAVoluntaryContribution() {
    DuesLedger ledger = new DuesLedger(JAN);
    assertThat(ledger.recordPayment(due(JAN), fen("100.00"), LocalDate.of(2025, 1, 10), TODAY))
        .isEqualTo(Decision.ALLOWED);
    assertThat(ledger.paymentFor(JAN).orElseThrow().fen()).isEqualTo(fen("100.00"));
  }

  @Test
  void refusesANegativeAmount() {
    DuesLedger ledger = new DuesLedger(JAN);
    assertThatThrownBy(() -> ledger.recordPayment(due(JAN), -1, LocalDate.of(2025, 1, 10), TODAY))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("dues.amount.negative"));
  }

  // ---- Party Constitution art. 9: six consecutive months unpaid ----

  @Test
  void doesNotFlagFiveConsecutiveUnpaidMonths() {
    DuesStatement statement = new DuesLedger(JAN).statementThrough(month(2025, 5), SIX_THOUSAND);
    assertThat(statement.standing()).isEqualTo(new InArrears(5, fen("450.00")));
  }

  @Test
  void flagsSixConsecutiveUnpaidMonthsAsHavingGivenUpMembership() {
    DuesStatement statement = new DuesLedger(JAN).statementThrough(month(2025, 6), SIX_THOUSAND);
    assertThat(statement.standing())
        .isEqualTo(new Lapsed(JAN, month(2025, 6), LocalDate.of(2025, 6, 30)));
    assertThat(statement.standing().messageKey()).isEqualTo("dues.standing.lapsed");
    assertThat(Lapsed.RULE).isEqualTo("party-constitution-art-9");
    assertThat(statement.arrearsFen()).isEqualTo(fen("540.00"));
  }

  @Test
  void aPaidMonthResetsTheRunOfUnpaidMonths() {
    DuesLedger ledger = new DuesLedger(JAN);
    payOnTime(ledger, month(2025, 6));

    assertThat(ledger.statementThrough(month(2025, 11), SIX_THOUSAND).standing())
        .isEqualTo(new InArrears(10, fen("900.00")));
    assertThat(ledger.statementThrough(month(2025, 12), SIX_THOUSAND).standing())
        .isEqualTo(new Lapsed(month(2025, 7), month(2025, 12), LocalDate.of(2025, 12, 31)));
  }

  @Test
  void payingTheOldestMonthOnTheLastDayOfTheSixthMonthBreaksTheRun() {
    // September 2023 to February 2024; February 2024 ends on the 29th.
    DuesLedger ledger = new DuesLedger(month(2023, 9));
    pay(ledger, month(2023, 9), LocalDate.of(2024, 2, 29));

    assertThat(ledger.statementThrough(month(2024, 2), SIX_THOUSAND).standing())
        .isEqualTo(new InArrears(5, fen("450.00")));
  }

  @Test
  void payingTheOldestMonthTheDayAfterTheSixthMonthComesTooLate() {
    DuesLedger ledger = new DuesLedger(month(2023, 9));
    pay(ledger, month(2023, 9), LocalDate.of(2024, 3, 1));

    assertThat(ledger.statementThrough(month(2024, 3), SIX_THOUSAND).standing())
        .isEqualTo(new Lapsed(month(2023, 9), month(2024, 2), LocalDate.of(2024, 2, 29)));
  }

  @Test
  void payingTheArrearsLaterDoesNotEraseTheFlag() {
    DuesLedger ledger = new DuesLedger(JAN);
    for (YearMonth m = JAN; !m.isAfter(month(2025, 7)); m = m.plusMonths(1)) {
      pay(ledger, m, LocalDate.of(2025, 7, 5));
    }

    DuesStatement statement = ledger.statementThrough(month(2025, 7), SIX_THOUSAND);

    assertThat(statement.arrearsMonths()).isZero();
    assertThat(statement.standing())
        .isEqualTo(new Lapsed(JAN, month(2025, 6), LocalDate.of(2025, 6, 30)));
  }

  @Test
  void countsNoMonthBeforeTheFirstTowardsTheRun() {
    DuesLedger ledger = new DuesLedger(month(2025, 3));
    assertThat(ledger.statementThrough(month(2025, 7), SIX_THOUSAND).standing())
        .isEqualTo(new InArrears(5, fen("450.00")));
  }

  // ---- restoring a stored ledger ----

  @Test
  void aRestoredLedgerKeepsItsPaymentsAndItsRules() {
    Payment january = new Payment(due(JAN), JAN.atDay(10), fen("90.00"));
    DuesLedger ledger = DuesLedger.restore(JAN, List.of(january));

    assertThat(ledger.paymentFor(JAN)).contains(january);
    assertRefused(
        ledger.recordPayment(due(JAN), fen("90.00"), TODAY, TODAY),
        "one-payment-a-month",
        "dues.payment.already-paid");
    assertThat(ledger.statementThrough(month(2025, 2), SIX_THOUSAND).standing())
        .isEqualTo(new InArrears(1, fen("90.00")));
  }

  @Test
  void refusesToRestoreTwoPaymentsForOneMonth() {
    Payment one = new Payment(due(JAN), JAN.atDay(10), fen("90.00"));
    Payment two = new Payment(due(JAN), JAN.atDay(11), fen("90.00"));
    assertThatThrownBy(() -> DuesLedger.restore(JAN, List.of(one, two)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
