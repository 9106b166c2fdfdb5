package org.zugong.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A resident identity card number (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit
 * sequence and an ISO 7064 MOD 11-2 check character. The region code is the one in force when the
 * number was issued, so codes of abolished divisions (330204 江东区, 330227 鄞县) stay valid.
 */
public record IdCardNumber(String value) {

  private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  public IdCardNumber {
    value = value.trim().toUpperCase(Locale.ROOT);
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("idcard.invalid.shape");
    }
    if (checkCharacter(value) != value.charAt(17)) {
      throw new InvalidValueException("idcard.invalid.check");
    }
    int province = Integer.parseInt(value.substring(0, 2));
    if (province < 11 || province > 91) {
      throw new InvalidValueException("idcard.invalid.region");
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(value.substring(6, 10)),
              Integer.parseInt(value.substring(10, 12)),
              Integer.parseInt(value.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new InvalidValueException("idcard.invalid.birth");
    }
    if (birth.getYear() < 1880) {
      throw new InvalidValueException("idcard.invalid.birth");
    }
  }

  /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
  public static char checkCharacter(String digits) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  public String regionCode() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return LocalDate.of(
        Integer.parseInt(value.substring(6, 10)),
        Integer.parseInt(value.substring(10, 12)),
        Integer.parseInt(value.substring(12, 14)));
  }

  /**
   * The masked form shown on screen: region code and last four characters, e.g. 330203********1234.
   */
  public String masked() {
    return value.substring(0, 6) + "********" + value.substring(14);
  }

  @Override
  public String toString() {
    return masked();
  }
}
