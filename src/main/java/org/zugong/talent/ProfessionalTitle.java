package org.zugong.talent;

/** A professional title (职称), lowest first. */
public enum ProfessionalTitle {
  NONE,
  JUNIOR,
  INTERMEDIATE,
  DEPUTY_SENIOR,
  SENIOR;

  public String messageKey() {
    return "talent.title." + name();
  }
}
