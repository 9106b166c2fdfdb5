package org.zugong.platform.spreadsheet;

/**
 * A column of an import sheet, as an enum of a module's template declares it: its place, header and
 * explanation in the message bundle, and what the template does with its cells.
 */
public interface SheetColumn {

  /** The enum constant's position: the columns are declared in the order of the template. */
  int ordinal();

  /** The 0-based column index in the sheet. */
  default int index() {
    return ordinal();
  }

  /** The column's letter as a spreadsheet shows it: A for the first. */
  default String letter() {
    return String.valueOf((char) ('A' + ordinal()));
  }

  /** Whether a row must fill it in. */
  boolean required();

  /** The message key of the column's header. */
  String headerKey();

  /** The key of the sentence that explains what the column takes. */
  String ruleKey();

  /** Whether the column holds a date (a spreadsheet date or text such as 2001-07-01). */
  boolean isDate();

  /** Whether the column holds digits or codes that a spreadsheet must keep as text. */
  boolean isText();
}
