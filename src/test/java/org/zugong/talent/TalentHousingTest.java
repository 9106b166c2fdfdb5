package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.platform.DataScope;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.platform.IndicatorRecords;
import org.zugong.review.Indicators;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** Talent housing: allocation by tier, then waiting order; the talent map within scope. */
class TalentHousingTest extends ZugongTest {

  @Autowired TalentHousing housing;
  @Autowired TalentMap map;
  @Autowired TalentFinance finance;
  @Autowired Indicators indicators;

  static final String HAISHU = "/330200/330203/";

  long waiting(String region, String tier, LocalDate appliedOn) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    insert into talent_housing_application (talent_id, talent_name, tier, region_code,
                      applied_on, status, scope_path)
                    select t.id, t.name, ?, ?, ?, 'WAITING', t.scope_path from talent t
                    where starts_with(t.scope_path, ?) order by t.id limit 1 returning id
                    """)
                .params(tier, region, appliedOn, HAISHU)
                .query(Long.class)
                .single());
  }

  long unit(String region, String no) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "insert into talent_housing_unit (project, unit_no, region_code, area_m2,"
                        + " built_on, scope_path) values ('测试公寓', ?, ?, 90, date '2025-06-01', ?)"
                        + " returning id")
                .params(no, region, HAISHU)
                .query(Long.class)
                .single());
  }

  @Test
  void aUnitGoesToTheHighestTierThenTheEarliestApplication() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String region = "T" + System.nanoTime() % 1_000_000;
    long laterC = waiting(region, "C", LocalDate.of(2022, 1, 5));
    long earlierB = waiting(region, "B", LocalDate.of(2022, 3, 1));
    long laterB = waiting(region, "B", LocalDate.of(2022, 4, 1));
    assertThat(housing.waitingList(region, 10))
        .extracting(TalentHousing.Waiting::id)
        .containsExactly(earlierB, laterB, laterC);
    long first = unit(region, region + "-1");
    assertThat(housing.allocate(first))
        .get()
        .extracting(TalentHousing.Waiting::id)
        .isEqualTo(earlierB);
    assertThatThrownBy(() -> housing.allocate(first))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.housing.invalid.allocated");
    assertThat(housing.allocate(unit(region, region + "-2")))
        .get()
        .extracting(TalentHousing.Waiting::id)
        .isEqualTo(laterB);
    assertThat(housing.allocate(unit(region, region + "-3")))
        .get()
        .extracting(TalentHousing.Waiting::id)
        .isEqualTo(laterC);
    assertThat(housing.allocate(unit(region, region + "-4"))).isEmpty();
  }

  /** Units of the test are built in 2025, away from the demo year the review reproduces. */
  @Test
  void theHousingFigureSumsTheUnitsItListsAndFollowsTheirRecords() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Indicator area = indicators.find("talent.housing_area_m2").orElseThrow();
    IndicatorQuery city2022 = IndicatorQuery.year(new ScopePath("/330200/"), 2022);
    actAs(DemoAccounts.CITY_ADMIN);
    assertThat(area.value(city2022)).isEqualByComparingTo("221000");
    IndicatorRecords records = area.records(city2022, 0, 5);
    long units =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from talent_housing_unit where built_on between"
                            + " date '2022-01-01' and date '2022-12-31'")
                    .query(Long.class)
                    .single());
    assertThat(records.total()).isEqualTo(units);
    actAs(DemoAccounts.HAISHU_ADMIN);
    IndicatorQuery haishu2025 = IndicatorQuery.year(new ScopePath(HAISHU), 2025);
    BigDecimal before = area.value(haishu2025);
    unit("330203", "F" + System.nanoTime() % 1_000_000);
    assertThat(area.value(haishu2025)).isEqualByComparingTo(before.add(new BigDecimal("90")));
  }

  @Test
  void aFinanceRequestIsApprovedOrRejectedOnceThenDisbursedOnlyWhenApproved() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long id =
        jdbc.sql(
                "insert into talent_finance_request (talent_id, talent_name, kind, amount_yuan,"
                    + " institution, status, submitted_on, scope_path) select t.id, t.name, 'LOAN',"
                    + " 500000, '宁波银行', 'SUBMITTED', date '2025-03-01', t.scope_path from talent t"
                    + " where starts_with(t.scope_path, ?) order by t.id limit 1 returning id")
            .param(HAISHU)
            .query(Long.class)
            .single();
    assertThatThrownBy(() -> finance.decide(id, "DISBURSED"))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.finance.invalid.status");
    finance.decide(id, "APPROVED");
    assertThatThrownBy(() -> finance.decide(id, "REJECTED"))
        .isInstanceOf(InvalidValueException.class);
    finance.decide(id, "DISBURSED");
    assertThat(finance.financeRequests("DISBURSED", 1000))
        .anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
  }

  @Test
  void theMapSetsDemandAgainstSupplyWithinTheCallersScope() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    var cells = map.cells(LocalDate.of(2022, 12, 31));
    assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.regionCode()).isEqualTo("330203"));
    assertThat(cells.stream().mapToLong(TalentMap.Cell::demand).sum()).isPositive();
    assertThat(cells.stream().mapToLong(TalentMap.Cell::supply).sum()).isPositive();
  }
}
