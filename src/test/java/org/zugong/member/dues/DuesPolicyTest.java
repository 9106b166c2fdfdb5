package org.zugong.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.dues.DuesCategory.FARMER;
import static org.zugong.member.dues.DuesCategory.RETIRED;
import static org.zugong.member.dues.DuesCategory.SALARIED;
import static org.zugong.member.dues.DuesFixtures.POLICY;
import static org.zugong.member.dues.DuesFixtures.fen;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.zugong.member.dues.Tariff.Proportional;
import org.zugong.shared.InvalidValueException;

class DuesPolicyTest {

  static final YearMonth MARCH = YearMonth.of(2025, 3);

  static MonthlyDues dues(DuesCategory category, String incomeYuan) {
    return DuesFixtures.dues(category, incomeYuan, MARCH);
  }

  static void assertDues(MonthlyDues dues, String yuan, DuesClause clause, String percent) {
    assertThat(dues.fen()).isEqualTo(fen(yuan));
    assertThat(dues.clause()).isEqualTo(clause);
    assertThat((BigDecimal) dues.arguments()[1]).isEqualByComparingTo(percent);
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"0.00, 0.00", "0.01, 0.00", "2999.99, 15.00", "3000.00, 15.00"})
  void salariedMembersPayHalfAPercentUpToThreeThousandYuanInclusive(String income, String due) {
    assertDues(dues(SALARIED, income), due, DuesClause.SALARIED_RATE, "0.5");
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"3000.01, 30.00", "4999.99, 50.00", "5000.00, 50.00"})
  void salariedMembersPayOnePercentAboveThreeThousandUpToFiveThousandYuan(
      String income, String due) {
    assertDues(dues(SALARIED, income), due, DuesClause.SALARIED_RATE, "1");
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"5000.01, 75.00", "9999.99, 150.00", "10000.00, 150.00"})
  void salariedMembersPayOneAndAHalfPercentAboveFiveThousandUpToTenThousandYuan(
      String income, String due) {
    assertDues(dues(SALARIED, income), due, DuesClause.SALARIED_RATE, "1.5");
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"10000.01, 200.00", "50000.00, 1000.00"})
  void salariedMembersPayTwoPercentAboveTenThousandYuan(String income, String due) {
    assertDues(dues(SALARIED, income), due, DuesClause.SALARIED_RATE, "2");
  }

  @Test
  void appliesTheRateToTheWholeIncomeNotProgressively() {
    // Progressively, 10,000.01 yuan would pay 3,000 x 0.5% + 2,000 x 1% + 5,000 x 1.5% + 0.01 x 2%
    // = 110.00 yuan; the regulation charges 2% of the whole income.
    assertThat(dues(SALARIED, "10000.01").fen()).isEqualTo(fen("200.00")).isNotEqualTo(11_000);
    // Hence the step at each limit: one fen more income doubles the dues.
    assertThat(dues(SALARIED, "3000.01").fen()).isEqualTo(2 * dues(SALARIED, "3000.00").fen());
  }

  @ParameterizedTest(name = "{0} yuan at {2}% is {1} yuan")
  @CsvSource({
    "1001.00, 5.01, 0.5", // 5.005
    "1000.99, 5.00, 0.5", // 5.00495
    "6001.00, 90.02, 1.5", // 90.015
    "6000.99, 90.01, 1.5", // 90.01485
  })
  void roundsHalfUpToTheFen(String income, String due, String percent) {
    assertDues(dues(SALARIED, income), due, DuesClause.SALARIED_RATE, percent);
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"3000.01, 15.00", "4999.99, 25.00", "5000.00, 25.00"})
  void retiredMembersPayHalfAPercentOfThePensionUpToFiveThousandYuanInclusive(
      String pension, String due) {
    assertDues(dues(RETIRED, pension), due, DuesClause.RETIRED_RATE, "0.5");
  }

  @ParameterizedTest(name = "{0} yuan pays {1} yuan")
  @CsvSource({"5000.01, 50.00", "12000.00, 120.00"})
  void retiredMembersPayOnePercentOfThePensionAboveFiveThousandYuan(String pension, String due) {
    assertDues(dues(RETIRED, pension), due, DuesClause.RETIRED_RATE, "1");
  }

  @ParameterizedTest
  @CsvSource({"0.00", "20000.00"})
  void farmersPayTwentyFenAMonthWhateverTheirIncome(String income) {
    MonthlyDues dues = dues(FARMER, income);
    assertThat(dues.fen()).isEqualTo(20);
    assertThat(dues.clause()).isEqualTo(DuesClause.FARMER_FLAT);
    assertThat(dues.arguments()).containsExactly(new BigDecimal("0.20"));
  }

  @ParameterizedTest
  @EnumSource(names = {"STUDENT", "UNEMPLOYED", "OTHER"})
  void studentsTheUnemployedAndOthersPayTheMinimumTwentyFen(DuesCategory category) {
    assertThat(dues(category, "8000.00").fen()).isEqualTo(20);
    assertThat(dues(category, "8000.00").clause()).isEqualTo(DuesClause.MINIMUM_FLAT);
  }

  @Test
  void explainsTheAmountWithItsClauseAndArguments() {
    MonthlyDues dues = dues(SALARIED, "6000.00");
    assertThat(dues.month()).isEqualTo(MARCH);
    assertThat(dues.messageKey()).isEqualTo("dues.clause.salaried-rate");
    assertThat(dues.clause().reference()).isEqualTo("dues-regulation-2008/art-2");
    assertThat(dues.arguments())
        .containsExactly(new BigDecimal("6000.00"), new BigDecimal("1.5"), new BigDecimal("90.00"));
  }

  @Test
  void refusesANegativeIncome() {
    assertThatThrownBy(() -> POLICY.amountFor(SALARIED, -1, MARCH, List.of()))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("dues.income.negative"));
    assertThat(POLICY.amountFor(SALARIED, 0, MARCH, List.of()).fen()).isZero();
  }

  @Test
  void refusesARateTableWithoutAnUnboundedTopBand() {
    assertThatThrownBy(
            () -> new Proportional(DuesClause.SALARIED_RATE, List.of(RateBand.upToYuan(3_000, 50))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesARateTableWhoseLimitsDoNotAscend() {
    assertThatThrownBy(
            () ->
                new Proportional(
                    DuesClause.SALARIED_RATE,
                    List.of(
                        RateBand.upToYuan(5_000, 100),
                        RateBand.upToYuan(3_000, 50),
                        RateBand.above(200))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
