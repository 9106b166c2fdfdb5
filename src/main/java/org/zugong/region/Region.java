package org.zugong.region;

import org.jspecify.annotations.Nullable;
import org.zugong.shared.ScopePath;

/** A division as other modules and pages see it. */
public record Region(
    String code,
    String name,
    @Nullable String parentCode,
    RegionLevel level,
    RegionKind kind,
    ScopePath path,
    int childCount) {

  public boolean hasChildren() {
    return childCount > 0;
  }
}
