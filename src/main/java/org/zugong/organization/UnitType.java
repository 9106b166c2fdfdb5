package org.zugong.organization;

/** The type of unit an organization is set up in. */
public enum UnitType {
  PARTY_COMMITTEE,
  VILLAGE,
  COMMUNITY,
  AGENCY,
  PUBLIC_INSTITUTION,
  STATE_ENTERPRISE,
  PRIVATE_ENTERPRISE,
  SOCIAL_ORGANIZATION,
  SCHOOL,
  NEW_EMPLOYMENT,
  OTHER;

  public String messageKey() {
    return "organization.unit-type." + name();
  }
}
