package org.zugong.person;

/** Gender as GB/T 2261.1 codes it (1 male, 2 female). */
public enum Gender {
  MALE,
  FEMALE;

  public String messageKey() {
    return "person.gender." + name();
  }
}
