package org.zugong.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.ScopePath;

/** An organization as pages and other modules see it. */
public record OrganizationView(
    long id,
    String code,
    String name,
    OrganizationKind kind,
    OrganizationCategory category,
    UnitType unitType,
    @Nullable String unitName,
    @Nullable String trade,
    String regionCode,
    @Nullable Long parentId,
    ScopePath path,
    ScopePath treePath,
    LocalDate establishedOn,
    @Nullable LocalDate dissolvedOn,
    @Nullable String secretaryName,
    int childCount) {

  public boolean active() {
    return dissolvedOn == null;
  }

  public boolean hasChildren() {
    return childCount > 0;
  }
}
