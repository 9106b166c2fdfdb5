package org.zugong.platform.spreadsheet;

/** Where an import stands: waiting, checking every cell, writing, or finished one of three ways. */
public enum ImportStatus {
  QUEUED,
  CHECKING,
  WRITING,
  /** Every row was written in one transaction. */
  DONE,
  /** Some cells were wrong: nothing was written, and the error workbook marks each bad cell. */
  REFUSED,
  /** The file could not be read as the template (or the import broke off): nothing was written. */
  FAILED;

  public boolean finished() {
    return this == DONE || this == REFUSED || this == FAILED;
  }

  /**
   * The key of the status's name among the texts of a sheet.
   *
   * @param sheet the sheet's name, such as {@code member-import}
   */
  public String messageKey(String sheet) {
    return sheet + ".status." + name();
  }
}
