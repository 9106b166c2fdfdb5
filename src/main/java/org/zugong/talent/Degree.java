package org.zugong.talent;

/** A talent's highest degree, lowest first: the order is what "degree ≥ MASTER" compares. */
public enum Degree {
  NONE,
  COLLEGE,
  BACHELOR,
  MASTER,
  DOCTORATE;

  public String messageKey() {
    return "talent.degree." + name();
  }
}
