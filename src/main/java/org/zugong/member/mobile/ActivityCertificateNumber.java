package org.zugong.member.mobile;

import java.util.Locale;
import java.util.regex.Pattern;
import org.zugong.shared.InvalidValueException;

/**
 * The number of a mobile member's activity certificate (流动党员活动证). No national format exists: each
 * issuing committee prints its own. Zugong accepts 1 to 32 ASCII letters, digits and hyphens,
 * beginning and ending with a letter or digit (e.g. {@code NB-2022-000137}); surrounding blanks are
 * dropped and letters are kept in upper case, so that the same number typed twice is equal.
 */
public record ActivityCertificateNumber(String value) {

  public static final int MAX_LENGTH = 32;

  private static final Pattern SHAPE =
      Pattern.compile("[A-Z0-9](?:[A-Z0-9-]{0," + (MAX_LENGTH - 2) + "}[A-Z0-9])?");

  public ActivityCertificateNumber {
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("mobile.certificate.invalid", MAX_LENGTH);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
