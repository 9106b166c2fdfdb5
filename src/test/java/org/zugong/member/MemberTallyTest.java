package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.MemberFilter.Dimension;
import org.zugong.member.internal.MemberTally;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;
import org.zugong.organization.UnitType;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonDetails;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.shared.IdCardNumber;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * The member tally against the reference: the statistics read from the tally equal those counted
 * from the member rows, for the city, districts, towns and branches, as a city and as a district
 * administrator, on the demo data and after every kind of change, before and after folding.
 */
class MemberTallyTest extends ZugongTest {

  @Autowired MemberStatistics statistics;
  @Autowired Members members;
  @Autowired MemberTally tally;
  @Autowired Organizations organizations;
  @Autowired Persons persons;
  @Autowired UserDetailsService users;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  long org(String name) {
    return organizations.search(name, null, null, 0, 1).rows().getFirst().id();
  }

  long org(OrganizationKind kind) {
    return organizations.search("", kind, null, 0, 1).rows().getFirst().id();
  }

  /** The statistics from the tally equal the reference query, figure by figure. */
  void assertTallyEqualsMemberRows(@Nullable Long... unders) {
    for (Long under : unders) {
      MemberStatistics.Statistics reference = statistics.ofMemberRows(under);
      MemberStatistics.Statistics fromTally = statistics.of(under);
      assertThat(fromTally).as("below %s", under).isEqualTo(reference);
      for (Dimension d : Dimension.values()) {
        assertThat(List.copyOf(fromTally.byDimension().get(d).keySet()))
            .as("order of %s below %s", d, under)
            .isEqualTo(List.copyOf(reference.byDimension().get(d).keySet()));
      }
      long listed = members.page(MemberFilter.of("", under), 0, 1).total();
      assertThat(listed).as("list below %s", under).isEqualTo(reference.members());
    }
  }

  @Test
  void theTallyEqualsTheMemberRowsOnTheDemoCity() {
    actAs(DemoAccounts.CITY_ADMIN);
    long city = organizations.roots().getFirst().id();
    assertTallyEqualsMemberRows(
        null,
        city,
        org("中共海曙区委"),
        org("中共南门街道工作委员会"),
        org(OrganizationKind.GENERAL_BRANCH),
        org(OrganizationKind.BRANCH),
        -1L);
    assertThat(statistics.of(null).members()).isPositive();
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertTallyEqualsMemberRows(null, org("中共南门街道工作委员会"), org(OrganizationKind.BRANCH));
    tally.fold();
    assertTallyEqualsMemberRows(null, org("中共海曙区委"));
  }

  @Test
  void theTallyFollowsEveryChangeOfMembersAndOrganizations() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    LocalDate today = LocalDate.now(clock);
    long district = org("中共海曙区委");
    long town = org("中共南门街道工作委员会");
    long general = establish("统计测试党总支", OrganizationKind.GENERAL_BRANCH, town);
    long branch = establish("统计测试第一党支部", OrganizationKind.BRANCH, general);
    long other = establish("统计测试第二党支部", OrganizationKind.BRANCH, general);
    long elsewhere = org("中共江厦街道");
    long target = establish("统计测试江厦党支部", OrganizationKind.BRANCH, elsewhere, "330203002");

    // Born on either side of today's boundary between two age bands, and a few more.
    LocalDate boundary = AgeBand.FROM_31_TO_35.bornFrom(today);
    List<Long> admitted = new ArrayList<>();
    int n = 0;
    for (LocalDate born :
        List.of(
            boundary,
            boundary.minusDays(1),
            boundary.plusDays(3),
            today.minusYears(25),
            today.minusYears(72),
            today.minusYears(50))) {
      admitted.add(admit(branch, born, n++));
    }
    long merged = admit(other, today.minusYears(44), n++);
    long moving = admit(branch, today.minusYears(29), n++);
    assertTallyEqualsMemberRows(null, district, town, general, branch);

    members.changeStatus(admitted.get(0), MemberStatus.LOST_CONTACT, today, "统计测试: 失去联系");
    members.changeStatus(admitted.get(1), MemberStatus.DECEASED, today, "统计测试: 去世");
    var person = persons.find(members.find(admitted.get(2)).orElseThrow().personId()).orElseThrow();
    persons.updateDetails(
        person.id(),
        new PersonDetails(
            person.name(),
            Ethnicity.HUI,
            "13800000000",
            Education.DOCTORATE,
            "快递员",
            OccupationCategory.NEW_EMPLOYMENT,
            org.zugong.person.NewEmploymentGroup.COURIER));
    members.moveTo(moving, target, today, "统计测试: 转入江厦");
    long deleted = admitted.get(5);
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from member_event where member_id = ?").param(deleted).update();
          jdbc.sql("delete from member where id = ?").param(deleted).update();
        });
    organizations.merge(other, branch, today);
    // The general branch with its branch moves from the town to the district: both paths change.
    organizations.move(general, district, today);
    assertTallyEqualsMemberRows(null, district, town, general, branch, target, elsewhere);
    assertThat(statistics.of(branch).members()).isEqualTo(5);

    tally.fold();
    assertTallyEqualsMemberRows(null, district, town, general, branch, target, elsewhere);
    actAs(DemoAccounts.CITY_ADMIN);
    assertTallyEqualsMemberRows(null, organizations.roots().getFirst().id(), district, branch);
  }

  @Test
  void aSearchCountsItsMatchesUpToTheLimitAndSaysSo() {
    actAs(DemoAccounts.CITY_ADMIN);
    // Former members by gender are not in the tally: the list counts them, up to the limit.
    Members.Page all =
        members.page(new MemberFilter("", null, Dimension.GENDER, "MALE", true), 0, 20);
    assertThat(all.atLeast()).isTrue();
    assertThat(all.total()).isEqualTo(Members.COUNT_LIMIT);
    assertThat(all.hasNext()).isTrue();
    Members.Page few = members.page(MemberFilter.of("王", null), 0, 20);
    assertThat(few.atLeast()).isFalse();
    assertThat(few.total()).isPositive().isLessThan(Members.COUNT_LIMIT);
  }

  long establish(String name, OrganizationKind kind, long parent) {
    return establish(name, kind, parent, "330203001");
  }

  long establish(String name, OrganizationKind kind, long parent, String region) {
    return organizations.establish(
        new Establish(
            name,
            kind,
            OrganizationCategory.REGULAR,
            UnitType.COMMUNITY,
            null,
            null,
            region,
            parent,
            LocalDate.of(2020, 1, 1),
            "统计书记"));
  }

  long admit(long branch, LocalDate born, int n) {
    String body = "330203" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "97" + n;
    IdCardNumber id = new IdCardNumber(body + IdCardNumber.checkCharacter(body));
    return members.admit(
        new Admission(
            new PersonFacts(
                "统计测试" + (char) ('甲' + n),
                id,
                PersonFacts.genderOf(id),
                Arrays.asList(Ethnicity.values()).get(n % 3),
                born,
                "13800000000",
                Education.BACHELOR,
                "社区工作者",
                OccupationCategory.OTHER,
                null),
            branch,
            MemberStage.FULL,
            born.plusYears(20),
            born.plusYears(21)));
  }
}
