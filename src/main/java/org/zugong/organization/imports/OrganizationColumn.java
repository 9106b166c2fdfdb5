package org.zugong.organization.imports;

import org.zugong.platform.spreadsheet.SheetColumn;

/**
 * The columns of the organization sheet, in the order of the template. Each has a header and an
 * explanation in the message bundle ({@code organization-import.column.NAME}, {@code
 * organization-import.rule.NAME}).
 */
public enum OrganizationColumn implements SheetColumn {
  NAME(true),
  KIND(true),
  PARENT(false),
  REGION_CODE(true),
  UNIT_NAME(false),
  UNIT_TYPE(true),
  CATEGORY(false),
  TRADE(false),
  ESTABLISHED_ON(true),
  SECRETARY_NAME(false);

  private final boolean required;

  OrganizationColumn(boolean required) {
    this.required = required;
  }

  @Override
  public boolean required() {
    return required;
  }

  @Override
  public String headerKey() {
    return "organization-import.column." + name();
  }

  /** The key of the sentence that explains what the column takes. */
  @Override
  public String ruleKey() {
    return "organization-import.rule." + name();
  }

  /** Whether the column holds a date (a spreadsheet date or text such as 2001-07-01). */
  @Override
  public boolean isDate() {
    return this == ESTABLISHED_ON;
  }

  /** Whether the column holds codes that a spreadsheet must keep as text. */
  @Override
  public boolean isText() {
    return this == PARENT || this == REGION_CODE;
  }
}
