package org.zugong.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;
import org.zugong.organization.UnitType;
import org.zugong.platform.GrowthIndicator;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.shared.ScopePath;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** The indicators count what their records list, within the caller's scope, as records change. */
class IndicatorsTest extends ZugongTest {

  static final ScopePath CITY = new ScopePath("/330200/");
  static final ScopePath HAISHU = new ScopePath("/330200/330203/");
  static final ScopePath JIANGBEI = new ScopePath("/330200/330205/");

  @Autowired Indicators indicators;
  @Autowired Organizations organizations;
  @Autowired Clock clock;
  @Autowired org.springframework.context.MessageSource messages;

  @Test
  void everyCountingIndicatorListsExactlyTheRecordsItCounts() {
    actAs(DemoAccounts.CITY_ADMIN);
    List<String> checked = new ArrayList<>();
    for (Indicator i : indicators.all()) {
      if (i.key().equals("member.dues_collected")
          || i.key().equals("talent.housing_area_m2")
          || i instanceof GrowthIndicator) {
        continue; // a sum of yuan or m², or a percentage, not a count of its records
      }
      for (ScopePath under : List.of(CITY, HAISHU)) {
        IndicatorQuery q = IndicatorQuery.year(under, YearInReview.REFERENCE_YEAR);
        BigDecimal value = i.value(q);
        assertThat(i.records(q, 0, 5).total())
            .as("%s under %s", i.key(), under)
            .isEqualTo(value.longValueExact());
      }
      checked.add(i.key());
    }
    assertThat(checked).contains("member.count", "organization.count", "member.mobile");
  }

  @Test
  void theValuesOfManyQueriesAtOnceEqualTheValuesOneByOne() {
    actAs(DemoAccounts.CITY_ADMIN);
    List<IndicatorQuery> queries = new ArrayList<>();
    for (int m = 1; m <= 12; m += 3) {
      java.time.YearMonth month = java.time.YearMonth.of(2022, m);
      queries.add(new IndicatorQuery(CITY, month.atDay(1), month.atEndOfMonth()));
    }
    queries.add(IndicatorQuery.year(HAISHU, 2022));
    queries.add(IndicatorQuery.year(JIANGBEI, 2021));
    for (Indicator i : indicators.all()) {
      List<BigDecimal> together = i.values(queries);
      for (int q = 0; q < queries.size(); q++) {
        assertThat(together.get(q))
            .as("%s for %s", i.key(), queries.get(q))
            .isEqualByComparingTo(i.value(queries.get(q)));
      }
    }
  }

  @Test
  void everyIndicatorHasALabelAndAUnitInBothLanguages() {
    for (Indicator i : indicators.all()) {
      for (java.util.Locale locale :
          List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
        assertThat(messages.getMessage("indicator." + i.key(), null, null, locale))
            .as("label of %s in %s", i.key(), locale)
            .isNotBlank();
        assertThat(messages.getMessage("indicator." + i.key() + ".unit", null, null, locale))
            .as("unit of %s in %s", i.key(), locale)
            .isNotBlank();
      }
    }
  }

  @Test
  void theDemoYearCountsMobileMembersFoundRegisteredAndPlacedIn2022() {
    actAs(DemoAccounts.CITY_ADMIN);
    Indicator mobile = indicators.find("member.mobile").orElseThrow();
    Indicator placed = indicators.find("member.mobile_placed").orElseThrow();
    for (ScopePath under : List.of(CITY, HAISHU)) {
      IndicatorQuery year = IndicatorQuery.year(under, YearInReview.REFERENCE_YEAR);
      BigDecimal away = mobile.value(year);
      BigDecimal managed = placed.value(year);
      assertThat(away).as("mobile members at the end of 2022 under %s", under).isPositive();
      assertThat(managed)
          .as("placed at the end of 2022 under %s, of %s", under, away)
          .isLessThanOrEqualTo(away)
          .isGreaterThan(away.divide(BigDecimal.TWO));
      IndicatorQuery june =
          new IndicatorQuery(under, LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 30));
      assertThat(mobile.value(june))
          .as("the periods begin through the year under %s", under)
          .isPositive()
          .isLessThan(away);
    }
    long registeredIn2022 =
        org.zugong.platform.DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from member_mobile"
                            + " where registered_on between date '2022-01-01' and date '2022-12-31'")
                    .query(Long.class)
                    .single());
    assertThat(registeredIn2022).isPositive();
  }

  @Test
  void aGrowthIsComputedFromTwoYearsOfItsBase() {
    actAs(DemoAccounts.CITY_ADMIN);
    GrowthIndicator growth =
        (GrowthIndicator) indicators.find("member.admitted_growth_pct").orElseThrow();
    BigDecimal now = growth.base().value(IndicatorQuery.year(CITY, 2022));
    BigDecimal before = growth.base().value(IndicatorQuery.year(CITY, 2021));
    assertThat(now).isPositive();
    assertThat(before).isPositive();
    BigDecimal expected =
        now.subtract(before)
            .multiply(BigDecimal.valueOf(100))
            .divide(before, 1, java.math.RoundingMode.HALF_UP);
    assertThat(growth.value(IndicatorQuery.year(CITY, 2022))).isEqualByComparingTo(expected);
    assertThat(growth.records(IndicatorQuery.year(CITY, 2022), 0, 1).total())
        .isEqualTo(now.longValueExact());
  }

  @Test
  void theDuesCollectedAreTheSumOfThePaymentsListed() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Indicator dues = indicators.find("member.dues_collected").orElseThrow();
    IndicatorQuery q =
        new IndicatorQuery(HAISHU, LocalDate.of(2022, 12, 1), LocalDate.of(2022, 12, 31));
    var records = dues.records(q, 0, 100_000);
    BigDecimal listed =
        records.rows().stream()
            .map(r -> new BigDecimal(r.cells().get(2)))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(records.total()).isPositive();
    assertThat(dues.value(q)).isEqualByComparingTo(listed);
  }

  @Test
  void aFigureOutsideTheCallersScopeCountsNothing() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Indicator members = indicators.find("member.count").orElseThrow();
    assertThat(members.value(IndicatorQuery.year(HAISHU, 2022))).isPositive();
    assertThat(members.value(IndicatorQuery.year(JIANGBEI, 2022))).isZero();
    assertThat(members.value(IndicatorQuery.year(CITY, 2022)))
        .as("the city seen from 海曙区 is 海曙区")
        .isEqualByComparingTo(members.value(IndicatorQuery.year(HAISHU, 2022)));
  }

  @Test
  void aFigureChangesWhenItsRecordsChange() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    int year = LocalDate.now(clock).getYear();
    Indicator count = indicators.find("organization.count").orElseThrow();
    Indicator established = indicators.find("organization.established").orElseThrow();
    BigDecimal before = count.value(IndicatorQuery.year(HAISHU, year));
    BigDecimal newBefore = established.value(IndicatorQuery.year(HAISHU, year));
    long parent =
        organizations
            .search("中共海曙区委", OrganizationKind.COMMITTEE, null, 0, 1)
            .rows()
            .getFirst()
            .id();
    long id =
        organizations.establish(
            new Establish(
                "中共宁波市海曙区指标测试支部委员会",
                OrganizationKind.BRANCH,
                OrganizationCategory.REGULAR,
                UnitType.AGENCY,
                "指标测试单位",
                null,
                "330203",
                parent,
                LocalDate.now(clock),
                ""));
    assertThat(count.value(IndicatorQuery.year(HAISHU, year)))
        .isEqualByComparingTo(before.add(BigDecimal.ONE));
    assertThat(established.value(IndicatorQuery.year(HAISHU, year)))
        .isEqualByComparingTo(newBefore.add(BigDecimal.ONE));
    assertThat(count.value(IndicatorQuery.year(HAISHU, year - 1)))
        .as("the year before does not count it")
        .isEqualByComparingTo(count.value(IndicatorQuery.year(HAISHU, year - 1)));
    organizations.dissolve(id, LocalDate.now(clock));
    assertThat(count.value(IndicatorQuery.year(HAISHU, year))).isEqualByComparingTo(before);
  }
}
