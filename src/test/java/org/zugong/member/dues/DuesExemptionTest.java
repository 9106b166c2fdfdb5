package org.zugong.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.dues.DuesCategory.FARMER;
import static org.zugong.member.dues.DuesCategory.SALARIED;
import static org.zugong.member.dues.DuesFixtures.POLICY;
import static org.zugong.member.dues.DuesFixtures.fen;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.shared.InvalidValueException;

class DuesExemptionTest {

  static final YearMonth NOV_2024 = YearMonth.of(2024, 11);
  static final YearMonth FEB_2025 = YearMonth.of(2025, 2);
  static final String ILLNESS = "重病住院，生活困难";

  static MonthlyDues salaried8000(YearMonth month, Exemption... exemptions) {
    return POLICY.amountFor(SALARIED, fen("8000.00"), month, List.of(exemptions));
  }

  @Test
  void anApprovedWaiverMakesEveryMonthOfItsPeriodFree() {
    Exemption waiver = Exemption.waiver(NOV_2024, FEB_2025, ILLNESS);
    assertThat(salaried8000(YearMonth.of(2024, 10), waiver).fen()).isEqualTo(fen("120.00"));
    assertThat(salaried8000(NOV_2024, waiver).fen()).isZero();
    assertThat(salaried8000(YearMonth.of(2025, 1), waiver).fen()).isZero();
    assertThat(salaried8000(FEB_2025, waiver).fen()).isZero();
    assertThat(salaried8000(YearMonth.of(2025, 3), waiver).fen()).isEqualTo(fen("120.00"));
  }

  @Test
  void aWaiverIsExplainedByArticleSevenWithItsReasonAndTheRegularAmount() {
    MonthlyDues dues = salaried8000(NOV_2024, Exemption.waiver(NOV_2024, FEB_2025, ILLNESS));
    assertThat(dues.clause()).isEqualTo(DuesClause.EXEMPTED);
    assertThat(dues.arguments())
        .containsExactly(new BigDecimal("120.00"), ILLNESS, NOV_2024, FEB_2025);
  }

  @Test
  void anApprovedReductionOverridesTheRegularAmount() {
    MonthlyDues dues =
        salaried8000(NOV_2024, Exemption.reduction(NOV_2024, NOV_2024, fen("5.00"), ILLNESS));
    assertThat(dues.fen()).isEqualTo(fen("5.00"));
    assertThat(dues.clause()).isEqualTo(DuesClause.REDUCED);
    assertThat(dues.arguments())
        .containsExactly(
            new BigDecimal("5.00"), new BigDecimal("120.00"), ILLNESS, NOV_2024, NOV_2024);
  }

  @Test
  void aReductionNeverRaisesTheAmount() {
    Exemption toOneYuan = Exemption.reduction(NOV_2024, FEB_2025, fen("1.00"), ILLNESS);
    MonthlyDues farmer = POLICY.amountFor(FARMER, 0, NOV_2024, List.of(toOneYuan));
    assertThat(farmer.fen()).isEqualTo(20);
    assertThat(farmer.clause()).isEqualTo(DuesClause.FARMER_FLAT);

    Exemption toTheSameAmount = Exemption.reduction(NOV_2024, FEB_2025, 20, ILLNESS);
    assertThat(POLICY.amountFor(FARMER, 0, NOV_2024, List.of(toTheSameAmount)).clause())
        .isEqualTo(DuesClause.FARMER_FLAT);
  }

  @Test
  void theLowestOfOverlappingExemptionsApplies() {
    Exemption toTenYuan = Exemption.reduction(NOV_2024, FEB_2025, fen("10.00"), ILLNESS);
    Exemption toTwoYuan = Exemption.reduction(FEB_2025, FEB_2025, fen("2.00"), "家庭变故");
    assertThat(salaried8000(YearMonth.of(2025, 1), toTenYuan, toTwoYuan).fen())
        .isEqualTo(fen("10.00"));
    assertThat(salaried8000(FEB_2025, toTenYuan, toTwoYuan).fen()).isEqualTo(fen("2.00"));
    assertThat(salaried8000(FEB_2025, toTwoYuan, toTenYuan).fen()).isEqualTo(fen("2.00"));
  }

  @Test
  void refusesAnExemptionWithoutAReason() {
    assertThatThrownBy(() -> Exemption.waiver(NOV_2024, FEB_2025, "  "))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("dues.exemption.reason-required"));
  }

  @Test
  void refusesAnExemptionThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> Exemption.waiver(NOV_2024, NOV_2024.minusMonths(1), ILLNESS))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("dues.exemption.period-reversed");
              assertThat(e.arguments()).containsExactly(NOV_2024, NOV_2024.minusMonths(1));
            });
    assertThat(Exemption.waiver(NOV_2024, NOV_2024, ILLNESS).covers(NOV_2024)).isTrue();
  }

  @Test
  void refusesANegativeReducedAmount() {
    assertThatThrownBy(() -> Exemption.reduction(NOV_2024, FEB_2025, -1, ILLNESS))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("dues.exemption.negative-amount"));
  }
}
