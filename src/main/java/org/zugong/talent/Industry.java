package org.zugong.talent;

/** The industry a talent works in, after Ningbo's industrial clusters. */
public enum Industry {
  NEW_MATERIALS,
  DIGITAL_ECONOMY,
  HIGH_END_EQUIPMENT,
  AUTOMOTIVE,
  PETROCHEMICAL,
  BIOMEDICINE,
  MODERN_SERVICES,
  EDUCATION,
  HEALTHCARE,
  FINANCE,
  OTHER;

  public String messageKey() {
    return "talent.industry." + name();
  }
}
