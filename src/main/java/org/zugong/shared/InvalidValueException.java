package org.zugong.shared;

/**
 * A value that breaks a rule. It carries a message key, not text, so that the user reads the reason
 * in their own language.
 */
public class InvalidValueException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidValueException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
