package org.zugong.organization;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of party organization, from committee down to group. */
public enum OrganizationKind {
  COMMITTEE,
  WORKING_COMMITTEE,
  GENERAL_BRANCH,
  BRANCH,
  GROUP;

  /** The kinds of organization this kind may sit under; empty for a top-level organization. */
  public Set<OrganizationKind> allowedParents() {
    return switch (this) {
      case COMMITTEE, WORKING_COMMITTEE -> EnumSet.of(COMMITTEE, WORKING_COMMITTEE);
      case GENERAL_BRANCH -> EnumSet.of(COMMITTEE, WORKING_COMMITTEE);
      case BRANCH -> EnumSet.of(COMMITTEE, WORKING_COMMITTEE, GENERAL_BRANCH);
      case GROUP -> EnumSet.of(BRANCH, GENERAL_BRANCH);
    };
  }

  /** Whether members' relationships may be held here (branches and general branches). */
  public boolean holdsMembers() {
    return this == BRANCH || this == GENERAL_BRANCH;
  }

  public String messageKey() {
    return "organization.kind." + name();
  }
}
