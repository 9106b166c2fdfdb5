package org.zugong.organization.imports;

import static org.zugong.organization.imports.OrganizationColumn.CATEGORY;
import static org.zugong.organization.imports.OrganizationColumn.ESTABLISHED_ON;
import static org.zugong.organization.imports.OrganizationColumn.KIND;
import static org.zugong.organization.imports.OrganizationColumn.NAME;
import static org.zugong.organization.imports.OrganizationColumn.PARENT;
import static org.zugong.organization.imports.OrganizationColumn.REGION_CODE;
import static org.zugong.organization.imports.OrganizationColumn.SECRETARY_NAME;
import static org.zugong.organization.imports.OrganizationColumn.TRADE;
import static org.zugong.organization.imports.OrganizationColumn.UNIT_NAME;
import static org.zugong.organization.imports.OrganizationColumn.UNIT_TYPE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationRules;
import org.zugong.organization.UnitType;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.RowCells;
import org.zugong.platform.spreadsheet.SheetCell;
import org.zugong.shared.ScopePath;

/**
 * Checks the rows of one sheet, each cell on its own so that every bad cell is named, not only the
 * first. The rules are those of establishing an organization one at a time ({@link
 * OrganizationRules}): a top-level organization is a committee, each kind sits under the kinds it
 * may sit under, the region lies in the uploader's scope and within the parent's region, the date
 * is not in the future nor before the parent's establishment; and no two active organizations under
 * one parent share a name. A parent is an organization in the uploader's scope, named by its code,
 * or one that an earlier row of the same sheet establishes, named by its name.
 *
 * <p>One instance checks one sheet: it remembers the organizations of the rows it has seen.
 */
public final class RowRules {

  static final int MAX_NAME = 100;
  static final int MAX_UNIT_NAME = 100;
  static final int MAX_TRADE = 40;
  static final int MAX_SECRETARY = 40;
  private static final Pattern CODE = Pattern.compile("[Oo]\\d{6,}");

  private final Vocabulary vocabulary;
  private final Function<String, ParentCheck> parents;
  private final Function<String, Optional<ScopePath>> regions;
  private final Function<Long, Set<String>> childNames;
  private final LocalDate today;
  private final boolean date1904;
  private final Map<String, List<SheetOrganization>> earlierByName = new HashMap<>();
  private final Map<String, Integer> firstRowOfName = new HashMap<>();

  /** What an earlier row establishes, as far as its cells could be read. */
  private record SheetOrganization(
      int row,
      @Nullable OrganizationKind kind,
      @Nullable ScopePath regionPath,
      @Nullable LocalDate establishedOn) {}

  /**
   * @param parents what an organization code names within the uploader's scope
   * @param regions the path of a region code within the uploader's scope
   * @param childNames the names of an organization's active children
   * @param date1904 whether the workbook counts dates from 1904 (old Mac spreadsheets)
   */
  public RowRules(
      Vocabulary vocabulary,
      Function<String, ParentCheck> parents,
      Function<String, Optional<ScopePath>> regions,
      Function<Long, Set<String>> childNames,
      LocalDate today,
      boolean date1904) {
    this.vocabulary = vocabulary;
    this.parents = parents;
    this.regions = regions;
    this.childNames = childNames;
    this.today = today;
    this.date1904 = date1904;
  }

  /** The outcome of one row: a row to import, or the errors of its cells. */
  public sealed interface Result {
    record Valid(ImportRow row) implements Result {}

    record Invalid(List<CellError> errors) implements Result {}
  }

  /**
   * Checks one row.
   *
   * @param row the row's number as the spreadsheet shows it
   * @param cells the row's cells from column A on; missing cells are blank
   */
  public Result check(int row, List<SheetCell> cells) {
    RowCells<OrganizationColumn> c =
        new RowCells<>("organization-import", vocabulary, date1904, row, cells);

    String name = c.required(NAME);
    if (name != null && name.length() > MAX_NAME) {
      c.fail(NAME, "organization-import.invalid.too-long", Integer.toString(MAX_NAME));
    }
    OrganizationKind kind = c.coded(KIND, OrganizationKind.class);

    String regionCode = c.required(REGION_CODE);
    ScopePath regionPath = null;
    if (regionCode != null) {
      regionPath = regions.apply(regionCode).orElse(null);
      if (regionPath == null) {
        c.fail(REGION_CODE, "organization.invalid.region", regionCode);
      }
    }

    String unitName = c.optional(UNIT_NAME);
    if (unitName != null && unitName.length() > MAX_UNIT_NAME) {
      c.fail(UNIT_NAME, "organization-import.invalid.too-long", Integer.toString(MAX_UNIT_NAME));
    }
    UnitType unitType = c.coded(UNIT_TYPE, UnitType.class);
    OrganizationCategory category =
        c.cell(CATEGORY).isBlank()
            ? OrganizationCategory.REGULAR
            : c.coded(CATEGORY, OrganizationCategory.class);
    String trade = c.optional(TRADE);
    if (trade != null) {
      if (trade.length() > MAX_TRADE) {
        c.fail(TRADE, "organization-import.invalid.too-long", Integer.toString(MAX_TRADE));
      } else if (category != null && category != OrganizationCategory.FUNCTIONAL) {
        c.fail(TRADE, "organization-import.invalid.trade-not-functional");
      }
    }
    LocalDate on = c.date(ESTABLISHED_ON);
    if (on != null && on.isAfter(today)) {
      c.fail(ESTABLISHED_ON, "organization-import.invalid.future-date", today.toString());
    }
    String secretary = c.optional(SECRETARY_NAME);
    if (secretary != null && secretary.length() > MAX_SECRETARY) {
      c.fail(
          SECRETARY_NAME, "organization-import.invalid.too-long", Integer.toString(MAX_SECRETARY));
    }

    // Where it sits: at the top, under an organization in scope, or under an earlier row.
    ImportRow.Parent parent = null;
    String parentKey = null;
    OrganizationKind parentKind = null;
    ScopePath parentRegion = null;
    LocalDate parentOn = null;
    Set<String> siblings = Set.of();
    String parentText = c.optional(PARENT);
    if (parentText == null) {
      parent = new ImportRow.Top();
      parentKey = "top";
      if (kind != null) {
        c.decide(PARENT, OrganizationRules.kindFitsParent(kind, null));
      }
    } else if (CODE.matcher(parentText).matches()) {
      String code = parentText.toUpperCase(Locale.ROOT);
      switch (parents.apply(code)) {
        case ParentCheck.Existing e -> {
          parent = new ImportRow.Existing(e);
          parentKey = "o" + e.id();
          parentKind = e.kind();
          parentRegion = regions.apply(e.regionCode()).orElse(null);
          parentOn = e.establishedOn();
          siblings = childNames.apply(e.id());
        }
        case ParentCheck.Unknown u ->
            c.fail(PARENT, "organization-import.invalid.parent-code", parentText);
        case ParentCheck.Dissolved d ->
            c.fail(PARENT, "organization-import.invalid.parent-dissolved", d.name());
      }
    } else {
      List<SheetOrganization> earlier = earlierByName.getOrDefault(parentText, List.of());
      if (earlier.isEmpty()) {
        c.fail(PARENT, "organization-import.invalid.parent-name", parentText);
      } else if (earlier.size() > 1) {
        c.fail(
            PARENT,
            "organization-import.invalid.parent-ambiguous",
            parentText,
            earlier.stream().map(s -> Integer.toString(s.row())).collect(Collectors.joining(", ")));
      } else {
        SheetOrganization s = earlier.getFirst();
        parent = new ImportRow.InSheet(s.row());
        parentKey = "r" + s.row();
        parentKind = s.kind();
        parentRegion = s.regionPath();
        parentOn = s.establishedOn();
      }
    }
    if (kind != null && parentKind != null) {
      c.decide(KIND, OrganizationRules.kindFitsParent(kind, parentKind));
    }
    if (regionPath != null && parentRegion != null) {
      c.decide(REGION_CODE, OrganizationRules.regionWithinParent(regionPath, parentRegion));
    }
    if (on != null && parentOn != null && on.isBefore(parentOn)) {
      c.fail(ESTABLISHED_ON, "organization-import.invalid.before-parent", parentOn.toString());
    }

    // No two active organizations under one parent share a name.
    if (name != null && parentKey != null) {
      if (siblings.contains(name)) {
        c.fail(NAME, "organization-import.invalid.name-taken", name);
      } else {
        Integer first = firstRowOfName.putIfAbsent(parentKey + "/" + name, row);
        if (first != null) {
          c.fail(NAME, "organization-import.invalid.duplicate-in-sheet", Integer.toString(first));
        }
      }
    }
    if (name != null) {
      earlierByName
          .computeIfAbsent(name, n -> new ArrayList<>(1))
          .add(new SheetOrganization(row, kind, regionPath, on));
    }

    if (!c.errors().isEmpty()) {
      return new Result.Invalid(c.errors());
    }
    return new Result.Valid(
        new ImportRow(
            row,
            name,
            kind,
            parent,
            regionCode,
            regionPath,
            unitName,
            unitType,
            category,
            trade,
            on,
            secretary));
  }
}
