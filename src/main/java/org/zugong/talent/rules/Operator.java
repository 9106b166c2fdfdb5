package org.zugong.talent.rules;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** How a condition compares a fact with its value. */
public enum Operator {
  EQ("eq"),
  NE("ne"),
  IN("in"),
  NOT_IN("notIn"),
  LT("lt"),
  LE("le"),
  GT("gt"),
  GE("ge"),
  /** A date no more than N years before the evaluation date, and not after it. */
  WITHIN_YEARS("withinYears"),
  ON_OR_AFTER("onOrAfter"),
  BEFORE("before");

  private final String json;

  Operator(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** The operators a fact of this type takes. */
  public static Set<Operator> allowedFor(FactField.Type type) {
    return switch (type) {
      case ENUM -> EnumSet.of(EQ, NE, IN, NOT_IN);
      case ORDINAL -> EnumSet.of(EQ, NE, IN, NOT_IN, LT, LE, GT, GE);
      case INT -> EnumSet.of(EQ, NE, LT, LE, GT, GE);
      case BOOL -> EnumSet.of(EQ);
      case DATE -> EnumSet.of(WITHIN_YEARS, ON_OR_AFTER, BEFORE);
    };
  }

  public static Optional<Operator> ofJson(String name) {
    for (Operator o : values()) {
      if (o.json.equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
