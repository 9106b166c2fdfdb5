package org.zugong.member.imports;

import static org.zugong.member.imports.MemberColumn.BIRTH_DATE;
import static org.zugong.member.imports.MemberColumn.EDUCATION;
import static org.zugong.member.imports.MemberColumn.ETHNICITY;
import static org.zugong.member.imports.MemberColumn.FULL_ON;
import static org.zugong.member.imports.MemberColumn.GENDER;
import static org.zugong.member.imports.MemberColumn.ID_NUMBER;
import static org.zugong.member.imports.MemberColumn.JOINED_ON;
import static org.zugong.member.imports.MemberColumn.NAME;
import static org.zugong.member.imports.MemberColumn.NEW_EMPLOYMENT_GROUP;
import static org.zugong.member.imports.MemberColumn.OCCUPATION;
import static org.zugong.member.imports.MemberColumn.OCCUPATION_CATEGORY;
import static org.zugong.member.imports.MemberColumn.ORGANIZATION_CODE;
import static org.zugong.member.imports.MemberColumn.PHONE;
import static org.zugong.member.imports.MemberColumn.STAGE;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.zugong.member.MemberStage;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.RowCells;
import org.zugong.platform.spreadsheet.SheetCell;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Checks the rows of one sheet, each cell on its own so that every bad cell is named, not only the
 * first: the ID number's check character, birth date and gender as the ID number gives them, the
 * coded values, the organization (in the uploader's scope, one that holds members), no ID number
 * twice in the sheet, no date in the future, 18 years of age at joining, and the probationary year
 * of the Party Constitution (art. 7: one year, extended by at most one more).
 *
 * <p>One instance checks one sheet: it remembers the ID numbers it has seen.
 */
public final class RowRules {

  static final int MAX_NAME = 40;
  static final int MAX_OCCUPATION = 40;
  private static final Pattern PHONE_SHAPE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  private final Vocabulary vocabulary;
  private final Function<String, OrganizationCheck> organizations;
  private final LocalDate today;
  private final boolean date1904;
  private final Map<String, Integer> firstRowOfId = new HashMap<>();

  /**
   * @param organizations what an organization code names within the uploader's scope
   * @param date1904 whether the workbook counts dates from 1904 (old Mac spreadsheets)
   */
  public RowRules(
      Vocabulary vocabulary,
      Function<String, OrganizationCheck> organizations,
      LocalDate today,
      boolean date1904) {
    this.vocabulary = vocabulary;
    this.organizations = organizations;
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
    RowCells<MemberColumn> c = new RowCells<>("member-import", vocabulary, date1904, row, cells);

    String name = c.required(NAME);
    if (name != null && name.length() > MAX_NAME) {
      c.fail(NAME, "person.invalid.name");
    }

    IdCardNumber id = null;
    if (c.cell(ID_NUMBER) instanceof SheetCell.Number) {
      // Typed as a number, the ID number has lost its last digits to floating point.
      c.fail(ID_NUMBER, "member-import.invalid.id-as-number");
    } else {
      String text = c.required(ID_NUMBER);
      if (text != null) {
        try {
          id = new IdCardNumber(text);
        } catch (InvalidValueException e) {
          c.fail(ID_NUMBER, e.messageKey());
        }
      }
    }
    if (id != null) {
      Integer first = firstRowOfId.putIfAbsent(id.value(), row);
      if (first != null) {
        c.fail(ID_NUMBER, "member-import.invalid.duplicate-in-sheet", Integer.toString(first));
      }
    }

    Gender gender = c.coded(GENDER, Gender.class);
    if (gender != null && id != null && PersonFacts.genderOf(id) != gender) {
      c.fail(GENDER, "person.invalid.gender-vs-id");
    }
    Ethnicity ethnicity = c.coded(ETHNICITY, Ethnicity.class);

    LocalDate birth = c.date(BIRTH_DATE);
    if (birth != null) {
      if (birth.isAfter(today)) {
        c.fail(BIRTH_DATE, "member.rule.no-future-date");
      } else if (id != null && !id.birthDate().equals(birth)) {
        c.fail(BIRTH_DATE, "person.invalid.birth-date-vs-id", id.birthDate().toString());
      }
    }

    String phone = c.optional(PHONE);
    if (phone != null && !PHONE_SHAPE.matcher(phone).matches()) {
      c.fail(PHONE, "person.invalid.phone");
    }
    Education education = c.coded(EDUCATION, Education.class);
    String occupation = c.optional(OCCUPATION);
    if (occupation != null && occupation.length() > MAX_OCCUPATION) {
      c.fail(OCCUPATION, "member-import.invalid.too-long", Integer.toString(MAX_OCCUPATION));
    }
    OccupationCategory category = c.coded(OCCUPATION_CATEGORY, OccupationCategory.class);
    NewEmploymentGroup group = null;
    if (!c.cell(NEW_EMPLOYMENT_GROUP).isBlank()) {
      group = c.coded(NEW_EMPLOYMENT_GROUP, NewEmploymentGroup.class);
      if (group != null && category != null && category != OccupationCategory.NEW_EMPLOYMENT) {
        c.fail(NEW_EMPLOYMENT_GROUP, "person.invalid.new-employment");
      }
    }

    OrganizationCheck.Holds organization = null;
    String code = c.required(ORGANIZATION_CODE);
    if (code != null) {
      switch (organizations.apply(code)) {
        case OrganizationCheck.Holds h -> organization = h;
        case OrganizationCheck.Unknown u ->
            c.fail(ORGANIZATION_CODE, "member.invalid.organization", code);
        case OrganizationCheck.CannotHold h ->
            c.fail(ORGANIZATION_CODE, "member.rule.branch-holds-members", h.name());
        case OrganizationCheck.Dissolved d ->
            c.fail(ORGANIZATION_CODE, "member-import.invalid.organization-dissolved", d.name());
      }
    }

    MemberStage stage = c.coded(STAGE, MemberStage.class);
    LocalDate joined = c.date(JOINED_ON);
    LocalDate born = id != null ? id.birthDate() : birth;
    if (joined != null) {
      if (joined.isAfter(today)) {
        c.fail(JOINED_ON, "member.rule.no-future-date");
      } else if (born != null && Period.between(born, joined).getYears() < 18) {
        c.fail(JOINED_ON, "member.rule.adult-at-joining");
      }
    }
    LocalDate full = c.cell(FULL_ON).isBlank() ? null : c.date(FULL_ON);
    if (stage == MemberStage.FULL) {
      if (c.cell(FULL_ON).isBlank()) {
        c.fail(FULL_ON, "member-import.invalid.full-on-required");
      } else if (full != null && full.isAfter(today)) {
        c.fail(FULL_ON, "member.rule.no-future-date");
      } else if (full != null && joined != null && full.isBefore(joined.plusYears(1))) {
        c.fail(FULL_ON, "member-import.invalid.full-before-a-year");
      }
    } else if (stage == MemberStage.PROBATIONARY) {
      if (!c.cell(FULL_ON).isBlank()) {
        c.fail(FULL_ON, "member-import.invalid.full-on-probationary");
      } else if (joined != null && joined.plusYears(2).isBefore(today)) {
        c.fail(STAGE, "member-import.invalid.probation-too-long");
      }
    }

    if (!c.errors().isEmpty()) {
      return new Result.Invalid(c.errors());
    }
    try {
      PersonFacts person =
          new PersonFacts(
              name, id, gender, ethnicity, birth, phone, education, occupation, category, group);
      return new Result.Valid(new ImportRow(row, person, organization, stage, joined, full));
    } catch (InvalidValueException e) {
      // The checks above mirror PersonFacts; should the two ever differ, the row still fails.
      return new Result.Invalid(List.of(CellError.of(row, NAME, e.messageKey())));
    }
  }
}
