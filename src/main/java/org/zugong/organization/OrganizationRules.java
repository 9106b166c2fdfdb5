package org.zugong.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;
import org.zugong.shared.ScopePath;

/** The rules of the organization tree, as plain functions that name the rule they rest on. */
public final class OrganizationRules {

  private OrganizationRules() {}

  /** A group sits in a branch, a branch in a general branch or committee, and so on. */
  public static Decision kindFitsParent(OrganizationKind kind, @Nullable OrganizationKind parent) {
    if (parent == null) {
      return kind == OrganizationKind.COMMITTEE || kind == OrganizationKind.WORKING_COMMITTEE
          ? Decision.ALLOWED
          : Decision.refused("top-is-committee", "organization.rule.top-is-committee");
    }
    return kind.allowedParents().contains(parent)
        ? Decision.ALLOWED
        : Decision.refused("kind-fits-parent", "organization.rule.kind-fits-parent");
  }

  /** An organization's region lies within its parent's region (属地管理). */
  public static Decision regionWithinParent(ScopePath region, ScopePath parentRegion) {
    return parentRegion.contains(region)
        ? Decision.ALLOWED
        : Decision.refused("region-within-parent", "organization.rule.region-within-parent");
  }

  /** An organization cannot be moved under itself or one of its descendants. */
  public static Decision notUnderItself(ScopePath organization, ScopePath newParent) {
    return organization.contains(newParent)
        ? Decision.refused("not-under-itself", "organization.rule.not-under-itself")
        : Decision.ALLOWED;
  }

  /**
   * A change takes effect on a day between the last recorded change (inclusive) and today
   * (inclusive): history is recorded in order and never in the future.
   */
  public static Decision effectiveDate(LocalDate on, LocalDate lastChange, LocalDate today) {
    if (on.isAfter(today)) {
      return Decision.refused("no-future-change", "organization.rule.no-future-change", today);
    }
    if (on.isBefore(lastChange)) {
      return Decision.refused("changes-in-order", "organization.rule.changes-in-order", lastChange);
    }
    return Decision.ALLOWED;
  }

  /** Only an active organization changes or receives others. */
  public static Decision active(@Nullable LocalDate dissolvedOn) {
    return dissolvedOn == null
        ? Decision.ALLOWED
        : Decision.refused("active", "organization.rule.active", dissolvedOn);
  }

  /** An organization with active children is not dissolved: they are moved or dissolved first. */
  public static Decision noActiveChildren(int activeChildren) {
    return activeChildren == 0
        ? Decision.ALLOWED
        : Decision.refused(
            "no-active-children", "organization.rule.no-active-children", activeChildren);
  }
}
