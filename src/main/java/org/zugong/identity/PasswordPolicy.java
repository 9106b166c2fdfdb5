package org.zugong.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * A password has at least 8 characters from at least 3 of the 4 classes (upper case, lower case,
 * digits, symbols) and does not contain the username.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MIN_CLASSES = 3;

  private PasswordPolicy() {}

  /** The message key of the first rule the password breaks, or empty if it keeps them all. */
  public static Optional<String> firstBrokenRule(String password, String username) {
    // Characters, not UTF-16 units: an emoji or a rare Han character counts once.
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("password.rule.length");
    }
    int classes = 0;
    if (password.codePoints().anyMatch(Character::isUpperCase)) classes++;
    if (password.codePoints().anyMatch(Character::isLowerCase)) classes++;
    if (password.codePoints().anyMatch(Character::isDigit)) classes++;
    if (password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
    if (classes < MIN_CLASSES) {
      return Optional.of("password.rule.classes");
    }
    if (!username.isBlank()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.rule.username");
    }
    return Optional.empty();
  }
}
