package org.zugong.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An organization's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the
 * 31-character set without I, O, S, V and Z, the last a check character computed from the other
 * seventeen. Some codes issued in practice fail the check, so a failure is not refused here: {@link
 * #checkDigitValid()} tells, and the caller decides (a warning an officer may accept).
 */
public record UnifiedSocialCreditCode(@JsonValue String value) {

  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  public UnifiedSocialCreditCode {
    value = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (value.length() != 18) {
      throw new InvalidValueException("credit-code.invalid.length", value);
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(value.charAt(i)) < 0) {
        throw new InvalidValueException("credit-code.invalid.character", value, i + 1);
      }
    }
  }

  /** The check character GB 32100 gives for the first seventeen characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARSET.indexOf(first17.charAt(i));
      if (v < 0) {
        throw new InvalidValueException("credit-code.invalid.character", first17, i + 1);
      }
      sum += v * WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return CHARSET.charAt(c == 31 ? 0 : c);
  }

  /** Whether the 18th character is the one the other seventeen give. */
  public boolean checkDigitValid() {
    return checkCharacter(value.substring(0, 17)) == value.charAt(17);
  }

  @Override
  public String toString() {
    return value;
  }
}
