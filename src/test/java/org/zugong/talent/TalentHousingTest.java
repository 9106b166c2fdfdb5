package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** Talent housing: allocation by tier, then waiting order; the talent map within scope. */
class TalentHousingTest extends ZugongTest {

  @Autowired TalentHousing housing;
  @Autowired TalentMap map;

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
                        + " built_on, scope_path) values ('测试公寓', ?, ?, 90, date '2022-06-01', ?)"
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

  @Test
  void theMapSetsDemandAgainstSupplyWithinTheCallersScope() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    var cells = map.cells(LocalDate.of(2022, 12, 31));
    assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.regionCode()).isEqualTo("330203"));
    assertThat(cells.stream().mapToLong(TalentMap.Cell::demand).sum()).isPositive();
    assertThat(cells.stream().mapToLong(TalentMap.Cell::supply).sum()).isPositive();
  }
}
