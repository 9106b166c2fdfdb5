package org.zugong.member.imports;

import org.zugong.platform.spreadsheet.SheetColumn;

/**
 * The columns of the member sheet, in the order of the template. Each has a header and an
 * explanation in the message bundle ({@code member-import.column.NAME}, {@code
 * member-import.rule.NAME}).
 */
public enum MemberColumn implements SheetColumn {
  NAME(true),
  GENDER(true),
  ETHNICITY(true),
  BIRTH_DATE(true),
  ID_NUMBER(true),
  PHONE(false),
  EDUCATION(true),
  OCCUPATION(false),
  OCCUPATION_CATEGORY(true),
  NEW_EMPLOYMENT_GROUP(false),
  ORGANIZATION_CODE(true),
  STAGE(true),
  JOINED_ON(true),
  FULL_ON(false);

  private final boolean required;

  MemberColumn(boolean required) {
    this.required = required;
  }

  @Override
  public boolean required() {
    return required;
  }

  @Override
  public String headerKey() {
    return "member-import.column." + name();
  }

  /** The key of the sentence that explains what the column takes. */
  @Override
  public String ruleKey() {
    return "member-import.rule." + name();
  }

  /** Whether the column holds a date (a spreadsheet date or text such as 2001-07-01). */
  @Override
  public boolean isDate() {
    return this == BIRTH_DATE || this == JOINED_ON || this == FULL_ON;
  }

  /** Whether the column holds digits that a spreadsheet must keep as text. */
  @Override
  public boolean isText() {
    return this == ID_NUMBER || this == PHONE || this == ORGANIZATION_CODE;
  }
}
