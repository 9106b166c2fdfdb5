package org.zugong.member.mobile;

import java.time.LocalDate;
import org.zugong.shared.InvalidValueException;

/**
 * The LOCATE step (源头查找): who found the member, on which day, and where they were found living or
 * working since when.
 *
 * @param foundBy the person or organization that found the member, up to {@value #MAX_FOUND_BY}
 *     characters
 */
public record Located(String foundBy, LocalDate foundOn, Whereabouts whereabouts) {

  public static final int MAX_FOUND_BY = 64;

  public Located {
    foundBy = foundBy.strip();
    if (foundBy.isEmpty() || foundBy.length() > MAX_FOUND_BY) {
      throw new InvalidValueException("mobile.located.found-by-invalid", MAX_FOUND_BY);
    }
  }
}
