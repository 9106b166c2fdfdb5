package org.zugong.member.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.member.MemberStage;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.SheetCell;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.ScopePath;

/** The rules of one row of the member sheet, each cell judged on its own. */
class RowRulesTest {

  static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
  static final Vocabulary VOCABULARY = new Vocabulary(MemberSheets::labels);
  static final OrganizationCheck.Holds BRANCH =
      new OrganizationCheck.Holds(
          7, "澄浪社区党支部", new ScopePath("/330200/o7/"), new ScopePath("/o1/o7/"));
  static final Map<String, OrganizationCheck> ORGANIZATIONS =
      Map.of(
          "O000007", BRANCH,
          "O000001", new OrganizationCheck.CannotHold("中共海曙区委"),
          "O000009", new OrganizationCheck.Dissolved("原南门社区党支部"));

  RowRules rules() {
    return new RowRules(
        VOCABULARY,
        code -> ORGANIZATIONS.getOrDefault(code, new OrganizationCheck.Unknown()),
        TODAY,
        false);
  }

  static IdCardNumber id(String body17) {
    return new IdCardNumber(body17 + IdCardNumber.checkCharacter(body17));
  }

  /** A valid row of a man born 1980-05-15, full member since 2011. */
  static List<String> valid() {
    return new ArrayList<>(
        List.of(
            "王建国",
            "男",
            "汉族",
            "1980-05-15",
            id("33020319800515001").value(),
            "13800138000",
            "大学本科",
            "社区工作者",
            "企业管理和专业技术人员",
            "",
            "O000007",
            "正式党员",
            "2010-07-01",
            "2011-07-01"));
  }

  static List<SheetCell> cells(List<String> texts) {
    return texts.stream().map(SheetCell::text).toList();
  }

  static List<String> with(List<String> row, MemberColumn column, String value) {
    List<String> copy = new ArrayList<>(row);
    copy.set(column.index(), value);
    return copy;
  }

  static List<CellError> errors(RowRules rules, List<String> row) {
    return switch (rules.check(5, cells(row))) {
      case RowRules.Result.Valid v -> List.of();
      case RowRules.Result.Invalid i -> i.errors();
    };
  }

  static List<CellError> errors(List<String> row) {
    return errors(new RowRulesTest().rules(), row);
  }

  @Test
  void acceptsAValidRowWithEveryFact() {
    var result = rules().check(2, cells(valid()));
    assertThat(result).isInstanceOf(RowRules.Result.Valid.class);
    var row = ((RowRules.Result.Valid) result).row();
    assertThat(row.row()).isEqualTo(2);
    assertThat(row.person().gender()).isEqualTo(Gender.MALE);
    assertThat(row.person().ethnicity()).isEqualTo(Ethnicity.HAN);
    assertThat(row.person().phone()).isEqualTo("13800138000");
    assertThat(row.organization()).isEqualTo(BRANCH);
    assertThat(row.stage()).isEqualTo(MemberStage.FULL);
    assertThat(row.fullOn()).isEqualTo(LocalDate.of(2011, 7, 1));
  }

  @Test
  void refusesAWrongCheckCharacter() {
    String id = id("33020319800515001").value();
    String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");
    assertThat(errors(with(valid(), MemberColumn.ID_NUMBER, wrong)))
        .containsExactly(CellError.of(5, MemberColumn.ID_NUMBER, "idcard.invalid.check"));
  }

  @Test
  void refusesAGenderOrBirthDateTheIdNumberContradicts() {
    List<String> row = with(valid(), MemberColumn.GENDER, "女");
    row = with(row, MemberColumn.BIRTH_DATE, "1980-05-16");
    assertThat(errors(row))
        .containsExactly(
            CellError.of(5, MemberColumn.GENDER, "person.invalid.gender-vs-id"),
            CellError.of(
                5, MemberColumn.BIRTH_DATE, "person.invalid.birth-date-vs-id", "1980-05-15"));
  }

  @Test
  void acceptsCodedValuesInChineseEnglishOrAsCodes() {
    List<String> row = with(valid(), MemberColumn.GENDER, "Male");
    row = with(row, MemberColumn.ETHNICITY, "01");
    row = with(row, MemberColumn.EDUCATION, "bachelor's degree");
    row = with(row, MemberColumn.STAGE, "FULL");
    assertThat(errors(row)).isEmpty();
  }

  @Test
  void refusesAValueOutsideTheAllowedOnes() {
    assertThat(errors(with(valid(), MemberColumn.ETHNICITY, "火星族")))
        .containsExactly(
            CellError.of(5, MemberColumn.ETHNICITY, "member-import.invalid.choice", "火星族"));
  }

  @Test
  void refusesTheSameIdNumberTwiceNamingTheFirstRow() {
    RowRules rules = rules();
    assertThat(rules.check(2, cells(valid()))).isInstanceOf(RowRules.Result.Valid.class);
    assertThat(errors(rules, valid()))
        .containsExactly(
            CellError.of(
                5, MemberColumn.ID_NUMBER, "member-import.invalid.duplicate-in-sheet", "2"));
  }

  @Test
  void refusesAnIdNumberStoredAsANumber() {
    List<SheetCell> cells = new ArrayList<>(cells(valid()));
    cells.set(
        MemberColumn.ID_NUMBER.index(),
        new SheetCell.Number(new BigDecimal("3.30203198005150E17")));
    var result = rules().check(5, cells);
    assertThat(((RowRules.Result.Invalid) result).errors())
        .extracting(CellError::column, CellError::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                MemberColumn.ID_NUMBER, "member-import.invalid.id-as-number"));
  }

  @Test
  void readsSpreadsheetDatesAndTypedDates() {
    List<SheetCell> cells = new ArrayList<>(cells(valid()));
    // 29356 is 1980-05-15 counted from 1899-12-30.
    cells.set(MemberColumn.BIRTH_DATE.index(), new SheetCell.Number(BigDecimal.valueOf(29356)));
    cells.set(MemberColumn.JOINED_ON.index(), SheetCell.text("2010年7月1日"));
    cells.set(MemberColumn.FULL_ON.index(), SheetCell.text("2011/7/1"));
    assertThat(rules().check(5, cells)).isInstanceOf(RowRules.Result.Valid.class);
    assertThat(errors(with(valid(), MemberColumn.JOINED_ON, "去年七月")))
        .containsExactly(
            CellError.of(5, MemberColumn.JOINED_ON, "member-import.invalid.date", "去年七月"));
  }

  @Test
  void refusesDatesInTheFuture() {
    List<String> row = with(valid(), MemberColumn.STAGE, "预备党员");
    row = with(row, MemberColumn.FULL_ON, "");
    row = with(row, MemberColumn.JOINED_ON, TODAY.plusDays(1).toString());
    assertThat(errors(row))
        .containsExactly(CellError.of(5, MemberColumn.JOINED_ON, "member.rule.no-future-date"));
  }

  @Test
  void refusesJoiningBeforeEighteen() {
    List<String> row = with(valid(), MemberColumn.JOINED_ON, "1998-05-14");
    row = with(row, MemberColumn.FULL_ON, "1999-05-14");
    assertThat(errors(row))
        .containsExactly(CellError.of(5, MemberColumn.JOINED_ON, "member.rule.adult-at-joining"));
    row = with(valid(), MemberColumn.JOINED_ON, "1998-05-15");
    row = with(row, MemberColumn.FULL_ON, "1999-05-15");
    assertThat(errors(row)).isEmpty();
  }

  @Test
  void aFullMemberConvertedAfterTheProbationaryYear() {
    assertThat(errors(with(valid(), MemberColumn.FULL_ON, "")))
        .containsExactly(
            CellError.of(5, MemberColumn.FULL_ON, "member-import.invalid.full-on-required"));
    assertThat(errors(with(valid(), MemberColumn.FULL_ON, "2011-06-30")))
        .containsExactly(
            CellError.of(5, MemberColumn.FULL_ON, "member-import.invalid.full-before-a-year"));
  }

  @Test
  void aProbationaryMemberHasNoConversionDateAndAtMostTwoYearsOfProbation() {
    List<String> probationary = with(valid(), MemberColumn.STAGE, "预备党员");
    assertThat(errors(probationary))
        .containsExactly(
            CellError.of(5, MemberColumn.FULL_ON, "member-import.invalid.full-on-probationary"));
    probationary = with(probationary, MemberColumn.FULL_ON, "");
    assertThat(errors(probationary))
        .containsExactly(
            CellError.of(5, MemberColumn.STAGE, "member-import.invalid.probation-too-long"));
    probationary = with(probationary, MemberColumn.JOINED_ON, TODAY.minusYears(2).toString());
    assertThat(errors(probationary)).isEmpty();
  }

  @Test
  void refusesAnOrganizationOutsideTheScopeOrOneThatHoldsNoMembers() {
    assertThat(errors(with(valid(), MemberColumn.ORGANIZATION_CODE, "O000404")))
        .containsExactly(
            CellError.of(
                5, MemberColumn.ORGANIZATION_CODE, "member.invalid.organization", "O000404"));
    assertThat(errors(with(valid(), MemberColumn.ORGANIZATION_CODE, "O000001")))
        .containsExactly(
            CellError.of(
                5, MemberColumn.ORGANIZATION_CODE, "member.rule.branch-holds-members", "中共海曙区委"));
    assertThat(errors(with(valid(), MemberColumn.ORGANIZATION_CODE, "O000009")))
        .extracting(CellError::messageKey)
        .containsExactly("member-import.invalid.organization-dissolved");
  }

  @Test
  void aNewEmploymentGroupGoesWithThatOccupationCategoryOnly() {
    assertThat(errors(with(valid(), MemberColumn.NEW_EMPLOYMENT_GROUP, "外卖骑手")))
        .containsExactly(
            CellError.of(5, MemberColumn.NEW_EMPLOYMENT_GROUP, "person.invalid.new-employment"));
    List<String> rider = with(valid(), MemberColumn.NEW_EMPLOYMENT_GROUP, "外卖骑手");
    assertThat(errors(with(rider, MemberColumn.OCCUPATION_CATEGORY, "新就业群体"))).isEmpty();
  }

  @Test
  void namesEveryBadCellOfARowNotOnlyTheFirst() {
    List<String> row = new ArrayList<>(valid());
    row.set(MemberColumn.NAME.index(), "");
    row.set(MemberColumn.PHONE.index(), "12345");
    row.set(MemberColumn.EDUCATION.index(), "私塾");
    row.set(MemberColumn.ORGANIZATION_CODE.index(), "");
    assertThat(errors(row))
        .extracting(CellError::column)
        .containsExactly(
            MemberColumn.NAME,
            MemberColumn.PHONE,
            MemberColumn.EDUCATION,
            MemberColumn.ORGANIZATION_CODE);
  }
}
