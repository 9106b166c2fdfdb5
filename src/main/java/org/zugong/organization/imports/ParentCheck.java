package org.zugong.organization.imports;

import java.time.LocalDate;
import org.zugong.organization.OrganizationKind;
import org.zugong.shared.ScopePath;

/** What an organization code in the parent column names, as the uploader may see it. */
public sealed interface ParentCheck {

  /** An active organization in the uploader's scope. */
  record Existing(
      long id,
      String name,
      OrganizationKind kind,
      String regionCode,
      ScopePath path,
      ScopePath treePath,
      LocalDate establishedOn)
      implements ParentCheck {}

  /** No such organization in the uploader's scope (it may exist elsewhere; that is not said). */
  record Unknown() implements ParentCheck {}

  /** An organization that has been dissolved or merged. */
  record Dissolved(String name) implements ParentCheck {}
}
