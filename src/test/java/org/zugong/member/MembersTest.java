package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.MemberFilter.Dimension;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.platform.DataScope;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** The member register: entering members, finding them, and statistics that equal their lists. */
class MembersTest extends ZugongTest {

  @Autowired Members members;
  @Autowired MemberStatistics statistics;
  @Autowired Organizations organizations;
  @Autowired Persons persons;
  @Autowired UserDetailsService users;

  static IdCardNumber id(String body17) {
    return new IdCardNumber(body17 + IdCardNumber.checkCharacter(body17));
  }

  static PersonFacts facts(String name, IdCardNumber id) {
    return new PersonFacts(
        name,
        id,
        PersonFacts.genderOf(id),
        Ethnicity.HAN,
        id.birthDate(),
        "13800000000",
        Education.BACHELOR,
        "社区工作者",
        OccupationCategory.OTHER,
        null);
  }

  OrganizationView aBranchOfNanmen() {
    return organizations
        .search("澄浪社区", org.zugong.organization.OrganizationKind.BRANCH, null, 0, 1)
        .rows()
        .getFirst();
  }

  @Test
  void everyFigureOfTheStatisticsEqualsTheListBehindIt() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    MemberStatistics.Statistics stats = statistics.of(null);
    assertThat(stats.members()).isPositive();
    assertThat(members.page(MemberFilter.of("", null), 0, 1).total()).isEqualTo(stats.members());
    for (var dim : stats.byDimension().entrySet()) {
      for (Map.Entry<String, Long> figure : dim.getValue().entrySet()) {
        long listed =
            members
                .page(new MemberFilter("", null, dim.getKey(), figure.getKey(), false), 0, 1)
                .total();
        assertThat(listed)
            .as("%s = %s", dim.getKey(), figure.getKey())
            .isEqualTo(figure.getValue());
      }
    }
    long byGender =
        stats.byDimension().get(Dimension.GENDER).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(byGender).isEqualTo(stats.members());
  }

  @Test
  void statisticsOfADistrictCountOnlyItsMembers() {
    actAs(DemoAccounts.CITY_ADMIN);
    long city = statistics.of(null).members();
    long haishu =
        statistics
            .of(organizations.search("中共海曙区委", null, null, 0, 1).rows().getFirst().id())
            .members();
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(statistics.of(null).members()).isEqualTo(haishu);
    assertThat(haishu).isPositive().isLessThan(city);
  }

  @Test
  void findsAMemberByNameOrWholeIdNumberAndRevealsTheNumberWithAnAuditRow() {
    actAs(DemoAccounts.TOWN_ADMIN);
    IdCardNumber id = id("33020319880515004");
    long memberId =
        members.admit(
            new Admission(
                facts("测试党员甲", id),
                aBranchOfNanmen().id(),
                MemberStage.FULL,
                LocalDate.of(2010, 7, 1),
                LocalDate.of(2011, 7, 1)));
    assertThat(members.page(MemberFilter.of("测试党员甲", null), 0, 10).rows())
        .extracting(MemberView::id)
        .containsExactly(memberId);
    assertThat(members.page(MemberFilter.of(id.value(), null), 0, 10).rows())
        .extracting(MemberView::id)
        .containsExactly(memberId);
    MemberView m = members.find(memberId).orElseThrow();
    assertThat(m.idNumberMasked()).isEqualTo(id.masked());
    assertThat(persons.revealIdNumber(m.personId())).contains(id.value());
    long reveals =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from audit_event where action = 'reveal' and entity = 'person' and entity_id = ?")
                    .param(Long.toString(m.personId()))
                    .query(Long.class)
                    .single());
    assertThat(reveals).isEqualTo(1);
  }

  @Test
  void refusesAMemberInACommitteeAndAMinorAndADuplicate() {
    actAs(DemoAccounts.TOWN_ADMIN);
    long committee = organizations.search("中共南门街道工作委员会", null, null, 0, 1).rows().getFirst().id();
    IdCardNumber id = id("33020319900101005");
    assertThatThrownBy(
            () ->
                members.admit(
                    new Admission(
                        facts("委员会党员", id),
                        committee,
                        MemberStage.FULL,
                        LocalDate.of(2015, 1, 1),
                        LocalDate.of(2016, 1, 1))))
        .hasMessage("member.rule.branch-holds-members");
    assertThatThrownBy(
            () ->
                members.admit(
                    new Admission(
                        facts("未成年", id),
                        aBranchOfNanmen().id(),
                        MemberStage.PROBATIONARY,
                        LocalDate.of(2007, 12, 31),
                        null)))
        .hasMessage("member.rule.adult-at-joining");
    members.admit(
        new Admission(
            facts("只入一次", id),
            aBranchOfNanmen().id(),
            MemberStage.PROBATIONARY,
            LocalDate.of(2022, 6, 1),
            null));
    assertThatThrownBy(
            () ->
                members.admit(
                    new Admission(
                        facts("只入一次", id),
                        aBranchOfNanmen().id(),
                        MemberStage.PROBATIONARY,
                        LocalDate.of(2022, 6, 1),
                        null)))
        .hasMessage("member.invalid.duplicate");
  }

  @Test
  void refusesAnIdNumberWhoseBirthDateOrGenderDisagrees() {
    IdCardNumber id = id("33020319900101005");
    assertThatThrownBy(
            () ->
                new PersonFacts(
                    "错生日",
                    id,
                    PersonFacts.genderOf(id),
                    Ethnicity.HAN,
                    LocalDate.of(1990, 1, 2),
                    null,
                    Education.BACHELOR,
                    null,
                    OccupationCategory.OTHER,
                    null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("person.invalid.birth-date-vs-id");
    assertThatThrownBy(
            () ->
                new PersonFacts(
                    "错性别",
                    id,
                    Gender.FEMALE,
                    Ethnicity.HAN,
                    id.birthDate(),
                    null,
                    Education.BACHELOR,
                    null,
                    OccupationCategory.OTHER,
                    null))
        .hasMessage("person.invalid.gender-vs-id");
  }

  @Test
  void aChangeOfAPersonIsKeptFieldByFieldAndReachesTheMemberList() {
    actAs(DemoAccounts.TOWN_ADMIN);
    IdCardNumber id = id("33020319850303007");
    long memberId =
        members.admit(
            new Admission(
                facts("改名前", id),
                aBranchOfNanmen().id(),
                MemberStage.FULL,
                LocalDate.of(2008, 7, 1),
                LocalDate.of(2009, 7, 1)));
    long personId = members.find(memberId).orElseThrow().personId();
    PersonFacts changed =
        new PersonFacts(
            "改名后",
            id,
            PersonFacts.genderOf(id),
            Ethnicity.HAN,
            id.birthDate(),
            "13900000000",
            Education.MASTER,
            "社区工作者",
            OccupationCategory.OTHER,
            null);
    persons.update(personId, changed);
    assertThat(persons.changes(personId))
        .extracting(c -> c.field() + ":" + c.oldValue() + "→" + c.newValue())
        .contains("name:改名前→改名后", "education:BACHELOR→MASTER", "phone:138****0000→139****0000");
    assertThat(members.find(memberId).orElseThrow().name()).isEqualTo("改名后");
    assertThat(members.find(memberId).orElseThrow().education()).isEqualTo(Education.MASTER);
  }

  @Test
  void aMemberMovesWithTheirOrganization() {
    actAs(DemoAccounts.TOWN_ADMIN);
    IdCardNumber id = id("33020319750909008");
    OrganizationView branch = aBranchOfNanmen();
    long memberId =
        members.admit(
            new Admission(
                facts("随组织迁移", id),
                branch.id(),
                MemberStage.FULL,
                LocalDate.of(2000, 7, 1),
                LocalDate.of(2001, 7, 1)));
    actAs(DemoAccounts.HAISHU_ADMIN);
    long gb =
        organizations.establish(
            new org.zugong.organization.Establish(
                "迁入测试党总支",
                org.zugong.organization.OrganizationKind.GENERAL_BRANCH,
                org.zugong.organization.OrganizationCategory.REGULAR,
                org.zugong.organization.UnitType.COMMUNITY,
                null,
                null,
                branch.regionCode(),
                branch.parentId(),
                LocalDate.of(2022, 3, 1),
                null));
    organizations.move(branch.id(), gb, LocalDate.now().minusDays(1));
    String newPath = organizations.find(branch.id()).orElseThrow().path().value();
    assertThat(members.find(memberId).orElseThrow().scopePath().value()).isEqualTo(newPath);
    assertThat(
            persons
                .find(members.find(memberId).orElseThrow().personId())
                .orElseThrow()
                .scopePath()
                .value())
        .isEqualTo(newPath);
  }
}
