package org.zugong.member.mobile;

import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;

/** Where a mobile member actually lives or works: a division of the city, or outside the city. */
public sealed interface Place {

  static Place inCity(String regionPath) {
    return new InCity(new ScopePath(regionPath));
  }

  static Place outsideCity(String description) {
    return new OutsideCity(description);
  }

  /**
   * A division of the city by its region path, e.g. {@code /330200/330212/330212005/}. The root is
   * refused: it would be everywhere at once.
   */
  record InCity(ScopePath region) implements Place {
    public InCity {
      if (region.equals(ScopePath.ROOT)) {
        throw new InvalidValueException("mobile.place.region-root");
      }
    }
  }

  /**
   * Somewhere outside the city, as the member or their family name it (e.g. 上海市浦东新区); up to {@value
   * #MAX_LENGTH} characters.
   */
  record OutsideCity(String description) implements Place {

    public static final int MAX_LENGTH = 100;

    public OutsideCity {
      description = description.strip();
      if (description.isEmpty() || description.length() > MAX_LENGTH) {
        throw new InvalidValueException("mobile.place.outside-invalid", MAX_LENGTH);
      }
    }
  }
}
