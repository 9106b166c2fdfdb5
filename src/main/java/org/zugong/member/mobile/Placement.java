package org.zugong.member.mobile;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.InvalidValueException;

/**
 * The member placed under an organization by a route, from a day, until the day it ended (the end
 * day itself is no longer covered); open while {@code endedOn} is null. The organization's name is
 * kept for the messages that name it.
 */
public record Placement(
    PlacementRoute route,
    long organizationId,
    String organizationName,
    LocalDate placedOn,
    @Nullable LocalDate endedOn) {

  public Placement {
    if (endedOn != null && endedOn.isBefore(placedOn)) {
      throw new InvalidValueException(
          MobileRule.END_NOT_BEFORE_START.messageKey(), endedOn, placedOn);
    }
  }

  public boolean isOpen() {
    return endedOn == null;
  }

  public Optional<LocalDate> end() {
    return Optional.ofNullable(endedOn);
  }

  /** Whether the member is under this organization on the day. */
  public boolean coversOn(LocalDate day) {
    return !placedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
  }

  Placement endOn(LocalDate day) {
    return new Placement(route, organizationId, organizationName, placedOn, day);
  }
}
