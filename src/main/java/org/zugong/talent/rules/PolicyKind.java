package org.zugong.talent.rules;

/**
 * The policy system's three kinds (通则+专项+定制); special and custom clauses may override general ones.
 */
public enum PolicyKind {
  GENERAL,
  SPECIAL,
  CUSTOM;

  public String messageKey() {
    return "talent.policy.kind." + name();
  }
}
