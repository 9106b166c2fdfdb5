package org.zugong.member.mobile;

import java.time.LocalDate;
import org.zugong.shared.InvalidValueException;

/**
 * The ENGAGE step (用其所长): a service the member gave, e.g. volunteering at a service station or
 * carrying a village's produce to market; up to {@value #MAX_LENGTH} characters.
 */
public record Engagement(LocalDate on, String service) {

  public static final int MAX_LENGTH = 500;

  public Engagement {
    service = service.strip();
    if (service.isEmpty() || service.length() > MAX_LENGTH) {
      throw new InvalidValueException("mobile.engagement.invalid", MAX_LENGTH);
    }
  }
}
