package org.zugong.organization.imports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.UnitType;
import org.zugong.shared.ScopePath;

/**
 * A row that passed every check: the organization to establish, where it sits and when.
 *
 * @param regionPath the path of its region in the region tree
 */
public record ImportRow(
    int row,
    String name,
    OrganizationKind kind,
    Parent parent,
    String regionCode,
    ScopePath regionPath,
    @Nullable String unitName,
    UnitType unitType,
    OrganizationCategory category,
    @Nullable String trade,
    LocalDate establishedOn,
    @Nullable String secretaryName) {

  /**
   * Where the new organization sits: at the top, under one that exists, or under an earlier row.
   */
  public sealed interface Parent {}

  /** No parent: a committee at the top of the uploader's tree. */
  public record Top() implements Parent {}

  /** Under an organization that exists. */
  public record Existing(ParentCheck.Existing organization) implements Parent {}

  /** Under the organization that an earlier row of the same sheet establishes. */
  public record InSheet(int row) implements Parent {}
}
