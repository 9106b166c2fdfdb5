package org.zugong.identity;

import java.util.Set;
import org.zugong.shared.Decision;
import org.zugong.shared.Role;

/**
 * The rules of 三员分立 for assigning roles: the security administrator assigns them, never to their
 * own account; a separated administrator's role is held alone.
 */
public final class RoleAssignmentPolicy {

  private RoleAssignmentPolicy() {}

  public static Decision check(long actorAccountId, long targetAccountId, Set<Role> roles) {
    if (actorAccountId == targetAccountId) {
      return Decision.refused("no-self-assignment", "account.rule.self-roles");
    }
    long admins = roles.stream().filter(Role::isSeparatedAdministrator).count();
    if (admins > 1) {
      return Decision.refused("separated-administrators", "account.rule.separated-admins");
    }
    if (admins == 1 && roles.size() > 1) {
      return Decision.refused("administrator-holds-no-business-role", "account.rule.admin-alone");
    }
    return Decision.ALLOWED;
  }
}
