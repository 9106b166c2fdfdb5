package org.zugong.organization.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.UnitType;
import org.zugong.platform.spreadsheet.SheetCell;
import org.zugong.shared.ScopePath;

/** The rules of one row of the organization sheet, each cell judged on its own. */
class RowRulesTest {

  static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
  static final Vocabulary VOCABULARY = new Vocabulary(OrganizationSheets::labels);
  static final ParentCheck.Existing TOWN =
      new ParentCheck.Existing(
          5,
          "中共南门街道工作委员会",
          OrganizationKind.WORKING_COMMITTEE,
          "330203001",
          new ScopePath("/330200/330203/330203001/o5/"),
          new ScopePath("/o1/o2/o5/"),
          LocalDate.of(1985, 3, 1));
  static final ParentCheck.Existing BRANCH =
      new ParentCheck.Existing(
          7,
          "澄浪社区党支部",
          OrganizationKind.BRANCH,
          "330203001001",
          new ScopePath("/330200/330203/330203001/330203001001/o7/"),
          new ScopePath("/o1/o2/o5/o7/"),
          LocalDate.of(1990, 1, 1));
  static final Map<String, ParentCheck> PARENTS =
      Map.of(
          "O000005", TOWN,
          "O000007", BRANCH,
          "O000009", new ParentCheck.Dissolved("原南门社区党支部"));
  static final Map<String, ScopePath> REGIONS =
      Map.of(
          "330203", new ScopePath("/330200/330203/"),
          "330203001", new ScopePath("/330200/330203/330203001/"),
          "330203001001", new ScopePath("/330200/330203/330203001/330203001001/"),
          "330203002", new ScopePath("/330200/330203/330203002/"));

  static RowRules rules() {
    return new RowRules(
        VOCABULARY,
        code -> PARENTS.getOrDefault(code, new ParentCheck.Unknown()),
        code -> Optional.ofNullable(REGIONS.get(code)),
        id -> id == 5 ? Set.of("澄浪社区党委") : Set.of(),
        TODAY,
        false);
  }

  static List<String> valid() {
    return OrganizationSheets.row("柳锦社区第三党支部", "党支部", "O000005", "330203001");
  }

  static List<String> with(List<String> row, OrganizationColumn column, String value) {
    List<String> copy = new ArrayList<>(row);
    copy.set(column.index(), value);
    return copy;
  }

  static List<SheetCell> cells(List<String> texts) {
    return texts.stream().map(SheetCell::text).toList();
  }

  static List<String> errors(RowRules rules, int row, List<String> texts) {
    return switch (rules.check(row, cells(texts))) {
      case RowRules.Result.Valid v -> List.of();
      case RowRules.Result.Invalid i ->
          i.errors().stream().map(e -> e.column().letter() + " " + e.messageKey()).toList();
    };
  }

  static List<String> errors(List<String> texts) {
    return errors(rules(), 2, texts);
  }

  @Test
  void aValidRowBecomesAnOrganizationUnderItsParent() {
    var result = rules().check(2, cells(valid()));
    assertThat(result).isInstanceOf(RowRules.Result.Valid.class);
    ImportRow row = ((RowRules.Result.Valid) result).row();
    assertThat(row.kind()).isEqualTo(OrganizationKind.BRANCH);
    assertThat(row.parent()).isEqualTo(new ImportRow.Existing(TOWN));
    assertThat(row.regionPath()).isEqualTo(new ScopePath("/330200/330203/330203001/"));
    assertThat(row.unitType()).isEqualTo(UnitType.COMMUNITY);
    assertThat(row.category()).isEqualTo(OrganizationCategory.REGULAR);
    assertThat(row.establishedOn()).isEqualTo(LocalDate.of(2022, 3, 1));
    assertThat(row.secretaryName()).isEqualTo("测试书记");
  }

  @Test
  void valuesMayBeWrittenInEnglishOrAsConstants() {
    List<String> row = with(valid(), OrganizationColumn.KIND, "General branch");
    row = with(row, OrganizationColumn.UNIT_TYPE, "SCHOOL");
    row = with(row, OrganizationColumn.CATEGORY, "区域性党组织");
    assertThat(errors(row)).isEmpty();
  }

  @Test
  void requiredCellsAreNamedEachOnItsOwn() {
    List<String> row = new ArrayList<>(List.of("", "", "", "", "", "", "", "", "", ""));
    assertThat(errors(row))
        .containsExactly(
            "A organization-import.invalid.required",
            "B organization-import.invalid.required",
            "D organization-import.invalid.required",
            "F organization-import.invalid.required",
            "I organization-import.invalid.required");
  }

  @Test
  void kindFitsParent() {
    assertThat(errors(with(valid(), OrganizationColumn.KIND, "党小组")))
        .containsExactly("B organization.rule.kind-fits-parent");
    List<String> group = with(valid(), OrganizationColumn.KIND, "党小组");
    group = with(group, OrganizationColumn.PARENT, "O000007");
    group = with(group, OrganizationColumn.REGION_CODE, "330203001001");
    assertThat(errors(group)).isEmpty();
  }

  @Test
  void topIsCommittee() {
    assertThat(errors(with(valid(), OrganizationColumn.PARENT, "")))
        .containsExactly("C organization.rule.top-is-committee");
    List<String> committee = with(valid(), OrganizationColumn.PARENT, "");
    assertThat(errors(with(committee, OrganizationColumn.KIND, "党委"))).isEmpty();
  }

  @Test
  void parentExistsInScopeAndIsActive() {
    assertThat(errors(with(valid(), OrganizationColumn.PARENT, "O999999")))
        .containsExactly("C organization-import.invalid.parent-code");
    assertThat(errors(with(valid(), OrganizationColumn.PARENT, "O000009")))
        .containsExactly("C organization-import.invalid.parent-dissolved");
    assertThat(errors(with(valid(), OrganizationColumn.PARENT, "o000005"))).isEmpty();
  }

  @Test
  void regionInScopeAndWithinParent() {
    assertThat(errors(with(valid(), OrganizationColumn.REGION_CODE, "330205001")))
        .containsExactly("D organization.invalid.region");
    assertThat(errors(with(valid(), OrganizationColumn.REGION_CODE, "330203002")))
        .containsExactly("D organization.rule.region-within-parent");
    assertThat(errors(with(valid(), OrganizationColumn.REGION_CODE, "330203001001"))).isEmpty();
  }

  @Test
  void datesAreRealNotInTheFutureAndNotBeforeTheParent() {
    assertThat(errors(with(valid(), OrganizationColumn.ESTABLISHED_ON, "2022-13-45")))
        .containsExactly("I organization-import.invalid.date");
    assertThat(errors(with(valid(), OrganizationColumn.ESTABLISHED_ON, "2024-07-01")))
        .containsExactly("I organization-import.invalid.future-date");
    assertThat(errors(with(valid(), OrganizationColumn.ESTABLISHED_ON, "1980-01-01")))
        .containsExactly("I organization-import.invalid.before-parent");
    List<String> serial = with(valid(), OrganizationColumn.ESTABLISHED_ON, "");
    List<SheetCell> cells = new ArrayList<>(cells(serial));
    cells.set(
        OrganizationColumn.ESTABLISHED_ON.index(), new SheetCell.Number(new BigDecimal(44621)));
    var result = rules().check(2, cells);
    assertThat(((RowRules.Result.Valid) result).row().establishedOn())
        .isEqualTo(LocalDate.of(2022, 3, 1));
  }

  @Test
  void aTradeOnlyForFunctionalBranches() {
    assertThat(errors(with(valid(), OrganizationColumn.TRADE, "外卖骑手")))
        .containsExactly("H organization-import.invalid.trade-not-functional");
    List<String> functional = with(valid(), OrganizationColumn.TRADE, "外卖骑手");
    assertThat(errors(with(functional, OrganizationColumn.CATEGORY, "功能性党支部"))).isEmpty();
    assertThat(errors(with(valid(), OrganizationColumn.UNIT_TYPE, "作坊")))
        .containsExactly("F organization-import.invalid.choice");
  }

  @Test
  void noTwoOrganizationsUnderOneParentShareAName() {
    assertThat(errors(with(valid(), OrganizationColumn.NAME, "澄浪社区党委")))
        .containsExactly("A organization-import.invalid.name-taken");
    RowRules rules = rules();
    assertThat(errors(rules, 2, valid())).isEmpty();
    assertThat(errors(rules, 3, valid()))
        .containsExactly("A organization-import.invalid.duplicate-in-sheet");
    // The same name under another parent is fine.
    List<String> elsewhere = with(valid(), OrganizationColumn.PARENT, "O000007");
    elsewhere = with(elsewhere, OrganizationColumn.KIND, "党小组");
    elsewhere = with(elsewhere, OrganizationColumn.REGION_CODE, "330203001001");
    assertThat(errors(rules, 4, elsewhere)).isEmpty();
  }

  @Test
  void aParentMayBeANewOrganizationOfAnEarlierRow() {
    RowRules rules = rules();
    List<String> committee = OrganizationSheets.row("南门街道联合党委", "党委", "O000005", "330203001");
    List<String> branch = OrganizationSheets.row("联合党委第一党支部", "党支部", "南门街道联合党委", "330203001001");
    List<String> group = OrganizationSheets.row("第一党小组", "党小组", "联合党委第一党支部", "330203001001");
    List<String> misplaced = OrganizationSheets.row("第二党小组", "党小组", "南门街道联合党委", "330203001");
    List<String> early = with(branch, OrganizationColumn.ESTABLISHED_ON, "2021-01-01");
    early = with(early, OrganizationColumn.NAME, "联合党委第二党支部");
    List<String> later = OrganizationSheets.row("后写的支部", "党支部", "尚未成立的党委", "330203001");

    assertThat(rules.check(2, cells(committee))).isInstanceOf(RowRules.Result.Valid.class);
    var result = rules.check(3, cells(branch));
    assertThat(((RowRules.Result.Valid) result).row().parent()).isEqualTo(new ImportRow.InSheet(2));
    assertThat(errors(rules, 4, group)).isEmpty();
    assertThat(errors(rules, 5, misplaced)).containsExactly("B organization.rule.kind-fits-parent");
    assertThat(errors(rules, 6, early))
        .containsExactly("I organization-import.invalid.before-parent");
    assertThat(errors(rules, 7, later))
        .containsExactly("C organization-import.invalid.parent-name");
  }

  @Test
  void aParentNamedByTwoEarlierRowsIsAmbiguous() {
    RowRules rules = rules();
    List<String> first = OrganizationSheets.row("联合党委", "党委", "O000005", "330203001");
    List<String> second = OrganizationSheets.row("联合党委", "党委", "", "330203001");
    assertThat(errors(rules, 2, first)).isEmpty();
    assertThat(errors(rules, 3, second)).isEmpty();
    assertThat(errors(rules, 4, OrganizationSheets.row("支部", "党支部", "联合党委", "330203001")))
        .containsExactly("C organization-import.invalid.parent-ambiguous");
  }
}
