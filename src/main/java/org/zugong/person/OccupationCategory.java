package org.zugong.person;

/** Occupation categories of the party statistics, with the new employment groups among them. */
public enum OccupationCategory {
  WORKER,
  FARMER,
  ENTERPRISE_STAFF,
  PUBLIC_INSTITUTION_STAFF,
  CIVIL_SERVANT,
  STUDENT,
  RETIRED,
  NEW_EMPLOYMENT,
  OTHER;

  public String messageKey() {
    return "person.occupation." + name();
  }
}
