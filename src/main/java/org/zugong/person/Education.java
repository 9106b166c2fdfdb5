package org.zugong.person;

/** Highest education, in the categories of the party statistics (党内统计). */
public enum Education {
  DOCTORATE,
  MASTER,
  BACHELOR,
  COLLEGE,
  SECONDARY_VOCATIONAL,
  HIGH_SCHOOL,
  JUNIOR_HIGH_OR_BELOW;

  public String messageKey() {
    return "person.education." + name();
  }
}
