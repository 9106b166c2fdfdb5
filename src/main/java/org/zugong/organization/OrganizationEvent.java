package org.zugong.organization;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One entry of an organization's history. */
public record OrganizationEvent(
    long id,
    long organizationId,
    LocalDate effectiveOn,
    Kind kind,
    @Nullable String oldValue,
    @Nullable String newValue,
    String recordedBy,
    Instant recordedAt) {

  /** What happened. */
  public enum Kind {
    ESTABLISHED,
    RENAMED,
    MOVED,
    MERGED,
    ABSORBED,
    DISSOLVED,
    SECRETARY_CHANGED;

    public String messageKey() {
      return "organization.event." + name();
    }
  }
}
