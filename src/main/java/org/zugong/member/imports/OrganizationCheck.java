package org.zugong.member.imports;

import org.zugong.shared.ScopePath;

/** What an organization code in the sheet names, as the uploader may see it. */
public sealed interface OrganizationCheck {

  /** An active branch or general branch in the uploader's scope: members may be placed here. */
  record Holds(long id, String name, ScopePath path, ScopePath treePath)
      implements OrganizationCheck {}

  /** No such organization in the uploader's scope (it may exist elsewhere; that is not said). */
  record Unknown() implements OrganizationCheck {}

  /** An organization that holds no members' relationships (a committee, a group). */
  record CannotHold(String name) implements OrganizationCheck {}

  /** An organization that has been dissolved or merged. */
  record Dissolved(String name) implements OrganizationCheck {}
}
