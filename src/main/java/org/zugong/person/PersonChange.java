package org.zugong.person;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One field's change on a person's card. */
public record PersonChange(
    String field,
    @Nullable String oldValue,
    @Nullable String newValue,
    String changedBy,
    Instant changedAt) {}
