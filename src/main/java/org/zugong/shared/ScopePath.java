package org.zugong.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A node's place in the tree as the codes from the root, e.g. {@code /330200/330203/}. A user sees
 * the records whose path starts with their own scope path; the trailing slash keeps {@code /33/}
 * from matching {@code /330/}.
 */
public record ScopePath(@JsonValue String value) {

  private static final Pattern SHAPE = Pattern.compile("/([0-9A-Za-z_-]+/)*");

  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]+");

  public static final ScopePath ROOT = new ScopePath("/");

  public ScopePath {
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("scope.invalid", value);
    }
  }

  public ScopePath child(String code) {
    if (!CODE.matcher(code).matches()) {
      throw new InvalidValueException("scope.invalid", code);
    }
    return new ScopePath(value + code + "/");
  }

  public boolean contains(ScopePath other) {
    return other.value.startsWith(value);
  }

  /** The last code of the path, or an empty string for the root. */
  public String leaf() {
    if (value.equals("/")) {
      return "";
    }
    String trimmed = value.substring(0, value.length() - 1);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
