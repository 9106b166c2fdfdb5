package org.zugong.talent;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One certification of a talent into a tier, as recorded. */
public record Certification(
    Tier tier,
    LocalDate certifiedOn,
    String basis,
    String certifier,
    @Nullable String directTrack,
    @Nullable String institutionCode,
    String recordedBy,
    Instant recordedAt) {}
