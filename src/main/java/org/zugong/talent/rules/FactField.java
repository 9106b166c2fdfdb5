package org.zugong.talent.rules;

import java.util.List;
import java.util.Optional;

/**
 * The facts of a talent that a condition may read, with their type and, for enumerated facts, the
 * values in order (the order is what {@code lt}/{@code ge} compare for ordinal facts).
 */
public enum FactField {
  /** The tier held at the date (certified on or before it), or NONE. */
  TIER("tier", Type.ENUM, List.of("A", "B", "C", "D", "E", "NONE")),
  DEGREE("degree", Type.ORDINAL, List.of("NONE", "COLLEGE", "BACHELOR", "MASTER", "DOCTORATE")),
  TITLE(
      "title", Type.ORDINAL, List.of("NONE", "JUNIOR", "INTERMEDIATE", "DEPUTY_SENIOR", "SENIOR")),
  INDUSTRY(
      "industry",
      Type.ENUM,
      List.of(
          "NEW_MATERIALS",
          "DIGITAL_ECONOMY",
          "HIGH_END_EQUIPMENT",
          "AUTOMOTIVE",
          "PETROCHEMICAL",
          "BIOMEDICINE",
          "MODERN_SERVICES",
          "EDUCATION",
          "HEALTHCARE",
          "FINANCE",
          "OTHER")),
  /** The district (区县市) serving the talent, as its six-digit code. */
  DISTRICT(
      "district",
      Type.ENUM,
      List.of(
          "330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281",
          "330282", "OTHER")),
  /** The institution with self-management the talent belongs to, or NONE. */
  INSTITUTION("institution", Type.ENUM, List.of("NONE", "i-nbu", "i-eitech", "i-nimte")),
  /** Full years of age on the day of arrival in Ningbo. */
  AGE_AT_ARRIVAL("ageAtArrival", Type.INT, List.of()),
  /** Full years of age at the date. */
  AGE("age", Type.INT, List.of()),
  SOCIAL_INSURANCE_MONTHS("socialInsuranceMonths", Type.INT, List.of()),
  FIRST_HOME("firstHome", Type.BOOL, List.of()),
  BANK_ACCOUNT("bankAccount", Type.BOOL, List.of()),
  /** The day of arrival in Ningbo. */
  ARRIVAL("arrival", Type.DATE, List.of());

  /** The kinds of value a fact holds. */
  public enum Type {
    ENUM,
    ORDINAL,
    INT,
    BOOL,
    DATE
  }

  private final String json;
  private final Type type;
  private final List<String> domain;

  FactField(String json, Type type, List<String> domain) {
    this.json = json;
    this.type = type;
    this.domain = domain;
  }

  /** The name a policy document uses. */
  public String json() {
    return json;
  }

  public Type type() {
    return type;
  }

  /** The values of an enumerated fact, in order; empty for other types. */
  public List<String> domain() {
    return domain;
  }

  /** The position of a value in the domain, or -1. */
  public int code(String value) {
    return domain.indexOf(value);
  }

  public static Optional<FactField> ofJson(String name) {
    for (FactField f : values()) {
      if (f.json.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
