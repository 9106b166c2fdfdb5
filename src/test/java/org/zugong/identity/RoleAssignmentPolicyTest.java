package org.zugong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.shared.Role.AUDITOR;
import static org.zugong.shared.Role.BRANCH_SECRETARY;
import static org.zugong.shared.Role.CITY_ADMIN;
import static org.zugong.shared.Role.DISTRICT_ADMIN;
import static org.zugong.shared.Role.MEMBER;
import static org.zugong.shared.Role.SECURITY_ADMIN;
import static org.zugong.shared.Role.SYSTEM_ADMIN;
import static org.zugong.shared.Role.TALENT;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zugong.shared.Decision;
import org.zugong.shared.Role;

class RoleAssignmentPolicyTest {

  static final long SECURITY_OFFICER = 1L;
  static final long TARGET = 2L;

  static Decision assign(Set<Role> roles) {
    return RoleAssignmentPolicy.check(SECURITY_OFFICER, TARGET, roles);
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

  @Test
  void refusesAssigningRolesToOnesOwnAccount() {
    assertRefused(
        RoleAssignmentPolicy.check(7L, 7L, Set.of(MEMBER)),
        "no-self-assignment",
        "account.rule.self-roles");
  }

  @Test
  void refusesSelfAssignmentEvenWhenRemovingAllRoles() {
    assertRefused(
        RoleAssignmentPolicy.check(7L, 7L, Set.of()),
        "no-self-assignment",
        "account.rule.self-roles");
  }

  @Test
  void refusesTwoSeparatedAdministratorRoles() {
    assertRefused(
        assign(EnumSet.of(SYSTEM_ADMIN, AUDITOR)),
        "separated-administrators",
        "account.rule.separated-admins");
    assertRefused(
        assign(EnumSet.of(SECURITY_ADMIN, AUDITOR)),
        "separated-administrators",
        "account.rule.separated-admins");
  }

  @Test
  void refusesAllThreeSeparatedAdministratorRolesTogether() {
    assertRefused(
        assign(Role.SEPARATED_ADMINISTRATORS),
        "separated-administrators",
        "account.rule.separated-admins");
  }

  @Test
  void refusesASeparatedAdministratorRoleWithABusinessRole() {
    assertRefused(
        assign(EnumSet.of(AUDITOR, MEMBER)),
        "administrator-holds-no-business-role",
        "account.rule.admin-alone");
    assertRefused(
        assign(EnumSet.of(SYSTEM_ADMIN, CITY_ADMIN)),
        "administrator-holds-no-business-role",
        "account.rule.admin-alone");
  }

  @ParameterizedTest
  @EnumSource(names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDITOR"})
  void allowsOneSeparatedAdministratorRoleAlone(Role role) {
    assertThat(assign(Set.of(role))).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void allowsSeveralBusinessRoles() {
    assertThat(assign(EnumSet.of(DISTRICT_ADMIN, BRANCH_SECRETARY, MEMBER, TALENT)))
        .isEqualTo(Decision.ALLOWED);
  }

  @Test
  void allowsRemovingAllRoles() {
    assertThat(assign(Set.of())).isEqualTo(Decision.ALLOWED);
  }
}
