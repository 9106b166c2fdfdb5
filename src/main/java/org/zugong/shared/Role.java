package org.zugong.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of Zugong. The three separated administrators (三员分立) are mutually exclusive: nobody
 * holds two of them, and none of them holds a business role.
 */
public enum Role {
  CITY_ADMIN,
  DISTRICT_ADMIN,
  TOWN_ADMIN,
  BRANCH_SECRETARY,
  MEMBER,
  TALENT,
  INSTITUTION_OFFICER,
  SYSTEM_ADMIN,
  SECURITY_ADMIN,
  AUDITOR;

  public static final Set<Role> SEPARATED_ADMINISTRATORS =
      EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

  /** The authority name Spring Security checks, e.g. {@code ROLE_CITY_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The message key of this role's label. */
  public String messageKey() {
    return "role." + name();
  }

  public boolean isSeparatedAdministrator() {
    return SEPARATED_ADMINISTRATORS.contains(this);
  }
}
