package org.zugong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** The organization tree's rules and history, through the module's API as a signed-in user. */
class OrganizationsTest extends ZugongTest {

  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;

  long townCommittee() {
    return organizations.search("中共南门街道工作委员会", null, null, 0, 1).rows().getFirst().id();
  }

  long establish(String name, OrganizationKind kind, long parent, String region, LocalDate on) {
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
            on,
            "测试书记"));
  }

  @Test
  void theDemoTreeHasCityScaleAndEveryKind() {
    long count =
        DataScope.asSystem(
            () -> jdbc.sql("select count(*) from organization").query(Long.class).single());
    assertThat(count).isBetween(25_000L, 35_000L);
    actAs(DemoAccounts.CITY_ADMIN);
    assertThat(organizations.countByKind(null))
        .allSatisfy((k, n) -> assertThat(n).as(k.name()).isPositive());
    assertThat(organizations.search("雨骑先锋", null, null, 0, 20).rows())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.category()).isEqualTo(OrganizationCategory.FUNCTIONAL));
  }

  @Test
  void aDistrictAdminSeesOnlyTheDistrictsOrganizations() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(organizations.roots()).extracting(OrganizationView::name).containsExactly("中共海曙区委");
    assertThat(organizations.search("江北", null, null, 0, 50).rows()).isEmpty();
  }

  @Test
  void refusesABranchWithoutAParentAndAGroupUnderACommittee() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    assertThatThrownBy(
            () ->
                establish(
                    "小组", OrganizationKind.GROUP, town, "330203001", LocalDate.of(2022, 3, 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("organization.rule.kind-fits-parent");
  }

  @Test
  void refusesAnOrganizationOutsideItsParentsRegion() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    // 330203002 江厦街道 is not inside 南门街道.
    assertThatThrownBy(
            () ->
                establish(
                    "越界支部", OrganizationKind.BRANCH, town, "330203002", LocalDate.of(2022, 3, 1)))
        .hasMessage("organization.rule.region-within-parent");
  }

  @Test
  void refusesAChangeDatedInTheFutureOrBeforeTheLastChange() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long id =
        establish(
            "顺序支部",
            OrganizationKind.BRANCH,
            townCommittee(),
            "330203001",
            LocalDate.of(2022, 5, 1));
    assertThatThrownBy(() -> organizations.rename(id, "未来支部", LocalDate.now().plusDays(1)))
        .hasMessage("organization.rule.no-future-change");
    assertThatThrownBy(() -> organizations.rename(id, "过去支部", LocalDate.of(2022, 4, 30)))
        .hasMessage("organization.rule.changes-in-order");
  }

  @Test
  void showsTheTreeAsItStoodOnADate() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    long id =
        establish(
            "柳锦社区第九党支部", OrganizationKind.BRANCH, town, "330203001", LocalDate.of(2022, 3, 1));
    organizations.rename(id, "柳锦社区新时代党支部", LocalDate.of(2022, 9, 1));
    List<String> june =
        organizations.childrenOn(town, LocalDate.of(2022, 6, 30)).stream()
            .map(Organizations.Historic::name)
            .toList();
    List<String> october =
        organizations.childrenOn(town, LocalDate.of(2022, 10, 1)).stream()
            .map(Organizations.Historic::name)
            .toList();
    List<String> february =
        organizations.childrenOn(town, LocalDate.of(2022, 2, 28)).stream()
            .map(Organizations.Historic::name)
            .toList();
    assertThat(june).contains("柳锦社区第九党支部").doesNotContain("柳锦社区新时代党支部");
    assertThat(october).contains("柳锦社区新时代党支部").doesNotContain("柳锦社区第九党支部");
    assertThat(february).doesNotContain("柳锦社区第九党支部", "柳锦社区新时代党支部");
    assertThat(organizations.history(id))
        .extracting(OrganizationEvent::kind)
        .containsExactly(OrganizationEvent.Kind.ESTABLISHED, OrganizationEvent.Kind.RENAMED);
  }

  @Test
  void movingAnOrganizationMovesItsWholeSubtree() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    long gb =
        establish(
            "移动测试党总支",
            OrganizationKind.GENERAL_BRANCH,
            town,
            "330203001",
            LocalDate.of(2022, 2, 1));
    long branch =
        establish("移动测试第一党支部", OrganizationKind.BRANCH, gb, "330203001", LocalDate.of(2022, 2, 2));
    long group =
        establish(
            "移动测试第一党小组", OrganizationKind.GROUP, branch, "330203001", LocalDate.of(2022, 2, 3));
    long otherGb =
        establish(
            "接收党总支", OrganizationKind.GENERAL_BRANCH, town, "330203001", LocalDate.of(2022, 2, 1));
    organizations.move(branch, otherGb, LocalDate.of(2022, 8, 1));
    OrganizationView movedGroup = organizations.find(group).orElseThrow();
    assertThat(movedGroup.path().value())
        .startsWith(organizations.find(otherGb).orElseThrow().path().value());
    assertThat(organizations.childrenOn(gb, LocalDate.of(2022, 7, 31)))
        .extracting(Organizations.Historic::id)
        .contains(branch);
    assertThat(organizations.childrenOn(otherGb, LocalDate.of(2022, 8, 1)))
        .extracting(Organizations.Historic::id)
        .contains(branch);
    assertThatThrownBy(() -> organizations.move(otherGb, branch, LocalDate.of(2022, 8, 2)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void mergingMovesTheChildrenAndEndsTheSource() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    long a =
        establish(
            "合并甲党总支", OrganizationKind.GENERAL_BRANCH, town, "330203001", LocalDate.of(2022, 2, 1));
    long child =
        establish("合并甲第一党支部", OrganizationKind.BRANCH, a, "330203001", LocalDate.of(2022, 2, 1));
    long b =
        establish(
            "合并乙党总支", OrganizationKind.GENERAL_BRANCH, town, "330203001", LocalDate.of(2022, 2, 1));
    organizations.merge(a, b, LocalDate.of(2022, 10, 1));
    assertThat(organizations.find(a).orElseThrow().dissolvedOn())
        .isEqualTo(LocalDate.of(2022, 10, 1));
    assertThat(organizations.find(child).orElseThrow().parentId()).isEqualTo(b);
    assertThat(organizations.childrenOn(town, LocalDate.of(2022, 9, 30)))
        .extracting(Organizations.Historic::id)
        .contains(a);
    assertThat(organizations.childrenOn(town, LocalDate.of(2022, 10, 1)))
        .extracting(Organizations.Historic::id)
        .doesNotContain(a);
  }

  @Test
  void refusesToDissolveAnOrganizationWithActiveChildren() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = townCommittee();
    long gb =
        establish(
            "撤销测试党总支",
            OrganizationKind.GENERAL_BRANCH,
            town,
            "330203001",
            LocalDate.of(2022, 2, 1));
    long branch =
        establish("撤销测试党支部", OrganizationKind.BRANCH, gb, "330203001", LocalDate.of(2022, 2, 1));
    assertThatThrownBy(() -> organizations.dissolve(gb, LocalDate.of(2022, 11, 1)))
        .hasMessage("organization.rule.no-active-children");
    organizations.dissolve(branch, LocalDate.of(2022, 11, 1));
    organizations.dissolve(gb, LocalDate.of(2022, 11, 1));
    assertThat(organizations.find(gb).orElseThrow().active()).isFalse();
  }

  @Test
  void onlyAdministratorsChangeTheTree() {
    actAs(DemoAccounts.MEMBER);
    assertThatThrownBy(() -> organizations.rename(1, "x", LocalDate.of(2022, 5, 1)))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }
}
