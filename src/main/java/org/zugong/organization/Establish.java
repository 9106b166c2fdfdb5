package org.zugong.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What is needed to establish (成立) an organization. */
public record Establish(
    String name,
    OrganizationKind kind,
    OrganizationCategory category,
    UnitType unitType,
    @Nullable String unitName,
    @Nullable String trade,
    String regionCode,
    @Nullable Long parentId,
    LocalDate on,
    @Nullable String secretaryName) {}
