package org.zugong.shared;

/**
 * The answer of a rule: allowed, or refused with the rule it rests on and the message key that
 * tells the user why.
 */
public sealed interface Decision {

  Decision ALLOWED = new Allowed();

  static Decision refused(String rule, String messageKey, Object... arguments) {
    return new Refused(rule, messageKey, arguments.clone());
  }

  record Allowed() implements Decision {}

  record Refused(String rule, String messageKey, Object[] arguments) implements Decision {}

  /** Throws the refusal as an {@link InvalidValueException}; does nothing when allowed. */
  default void orThrow() {
    if (this instanceof Refused r) {
      throw new InvalidValueException(r.messageKey(), r.arguments());
    }
  }
}
