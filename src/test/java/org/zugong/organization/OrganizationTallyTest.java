package org.zugong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * The organization tally (V6_10) equals a count of the organization rows after every kind of change
 * to the tree, for the whole scope and below the organizations that changed, as the city and as a
 * district administrator.
 */
class OrganizationTallyTest extends ZugongTest {

  @Autowired Organizations organizations;

  long establish(String name, OrganizationKind kind, long parent, LocalDate on) {
    return organizations.establish(
        new Establish(
            name,
            kind,
            OrganizationCategory.REGULAR,
            UnitType.COMMUNITY,
            null,
            null,
            "330203001",
            parent,
            on,
            null));
  }

  void assertTallyEqualsRows(List<Long> subtrees) {
    for (String user : List.of(DemoAccounts.CITY_ADMIN, DemoAccounts.HAISHU_ADMIN)) {
      actAs(user);
      assertThat(organizations.countByKind(null))
          .as("whole scope of %s", user)
          .isEqualTo(organizations.countByKindOfRows(null));
      for (long id : subtrees) {
        assertThat(organizations.countByKind(id))
            .as("below %d as %s", id, user)
            .isEqualTo(organizations.countByKindOfRows(id));
      }
    }
    // Another district's administrator sees none of them.
    actAs(DemoAccounts.JIANGBEI_ADMIN);
    for (long id : subtrees) {
      assertThat(organizations.countByKind(id).values()).containsOnly(0L);
    }
    actAs(DemoAccounts.HAISHU_ADMIN);
  }

  @Test
  void tallyEqualsTheOrganizationRowsAfterEveryKindOfChange() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long town = organizations.search("中共南门街道工作委员会", null, null, 0, 1).rows().getFirst().id();
    long district = organizations.roots().getFirst().id();
    List<Long> watched = new ArrayList<>(List.of(town, district));
    assertTallyEqualsRows(watched);

    actAs(DemoAccounts.HAISHU_ADMIN);
    long gb = establish("计数甲党总支", OrganizationKind.GENERAL_BRANCH, town, LocalDate.of(2022, 2, 1));
    long branch = establish("计数甲第一党支部", OrganizationKind.BRANCH, gb, LocalDate.of(2022, 2, 2));
    long group = establish("计数甲第一党小组", OrganizationKind.GROUP, branch, LocalDate.of(2022, 2, 3));
    long other =
        establish("计数乙党总支", OrganizationKind.GENERAL_BRANCH, town, LocalDate.of(2022, 2, 1));
    watched.addAll(List.of(gb, branch, group, other));
    assertTallyEqualsRows(watched);
    assertThat(organizations.countByKind(gb))
        .containsEntry(OrganizationKind.GENERAL_BRANCH, 1L)
        .containsEntry(OrganizationKind.BRANCH, 1L)
        .containsEntry(OrganizationKind.GROUP, 1L);

    actAs(DemoAccounts.HAISHU_ADMIN);
    organizations.rename(branch, "计数甲第一党支部（更名）", LocalDate.of(2022, 3, 1));
    organizations.move(branch, other, LocalDate.of(2022, 8, 1));
    assertTallyEqualsRows(watched);
    assertThat(organizations.countByKind(gb)).containsEntry(OrganizationKind.BRANCH, 0L);
    assertThat(organizations.countByKind(other)).containsEntry(OrganizationKind.GROUP, 1L);

    actAs(DemoAccounts.HAISHU_ADMIN);
    organizations.merge(other, gb, LocalDate.of(2022, 10, 1));
    assertTallyEqualsRows(watched);
    assertThat(organizations.countByKind(gb)).containsEntry(OrganizationKind.BRANCH, 1L);

    actAs(DemoAccounts.HAISHU_ADMIN);
    organizations.dissolve(group, LocalDate.of(2022, 11, 1));
    organizations.dissolve(branch, LocalDate.of(2022, 11, 1));
    assertTallyEqualsRows(watched);
    assertThat(organizations.countByKind(gb))
        .containsEntry(OrganizationKind.GENERAL_BRANCH, 1L)
        .containsEntry(OrganizationKind.BRANCH, 0L)
        .containsEntry(OrganizationKind.GROUP, 0L);
  }

  @Test
  void theRootsOfAScopeAreItsHighestOrganizations() {
    for (String user :
        List.of(
            DemoAccounts.CITY_ADMIN,
            DemoAccounts.HAISHU_ADMIN,
            DemoAccounts.TOWN_ADMIN,
            DemoAccounts.BRANCH_SECRETARY)) {
      actAs(user);
      List<Long> expected =
          jdbc.sql(
                  "select o.id from organization o where o.dissolved_on is null and (o.parent_id is"
                      + " null or not exists (select 1 from organization p where p.id = o.parent_id))"
                      + " order by o.path")
              .query(Long.class)
              .list();
      assertThat(expected).as(user).isNotEmpty();
      assertThat(organizations.roots())
          .extracting(OrganizationView::id)
          .as(user)
          .isEqualTo(expected);
    }
  }
}
