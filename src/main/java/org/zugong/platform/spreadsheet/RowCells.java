package org.zugong.platform.spreadsheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;

/**
 * The cells of one row as a sheet's row rules read them, and the errors found in them, at most one
 * per cell: a cell that is required, one of the coded values, or a date.
 *
 * @param <C> the sheet's columns
 */
public final class RowCells<C extends SheetColumn> {

  private final String sheet;
  private final SheetVocabulary<C> vocabulary;
  private final boolean date1904;
  private final int row;
  private final List<SheetCell> cells;
  private final List<CellError> errors = new ArrayList<>();

  /**
   * @param sheet the sheet's name ({@code member-import}), the prefix of its messages
   * @param date1904 whether the workbook counts dates from 1904 (old Mac spreadsheets)
   * @param row the row's number as the spreadsheet shows it
   * @param cells the row's cells from column A on; missing cells are blank
   */
  public RowCells(
      String sheet,
      SheetVocabulary<C> vocabulary,
      boolean date1904,
      int row,
      List<SheetCell> cells) {
    this.sheet = sheet;
    this.vocabulary = vocabulary;
    this.date1904 = date1904;
    this.row = row;
    this.cells = cells;
  }

  /** The errors found so far, in the order found. */
  public List<CellError> errors() {
    return errors;
  }

  public SheetCell cell(C column) {
    return column.index() < cells.size() ? cells.get(column.index()) : SheetCell.BLANK;
  }

  /** Records an error of a cell, unless the cell has one already. */
  public void fail(C column, String key, String... arguments) {
    if (errors.stream().noneMatch(e -> e.column() == column)) {
      errors.add(CellError.of(row, column, key, arguments));
    }
  }

  /** Records a refusal of a rule as the cell's error. */
  public void decide(C column, Decision decision) {
    if (decision instanceof Decision.Refused r) {
      fail(
          column,
          r.messageKey(),
          Arrays.stream(r.arguments()).map(String::valueOf).toArray(String[]::new));
    }
  }

  /** The cell's text, or {@code null} for a blank cell. */
  public @Nullable String optional(C column) {
    return switch (cell(column)) {
      case SheetCell.Blank b -> null;
      case SheetCell.Text t -> t.value();
      case SheetCell.Number n -> n.display(column, date1904);
    };
  }

  /** The cell's text; a blank cell is an error. */
  public @Nullable String required(C column) {
    String value = optional(column);
    if (value == null) {
      fail(column, sheet + ".invalid.required");
    }
    return value;
  }

  /** The value the cell names; a blank cell or an unknown value is an error. */
  public <E extends Enum<E>> @Nullable E coded(C column, Class<E> type) {
    String text = required(column);
    if (text == null) {
      return null;
    }
    E value = vocabulary.find(column, text, type);
    if (value == null) {
      fail(column, sheet + ".invalid.choice", text);
    }
    return value;
  }

  /** The date the cell holds or names; a blank cell or one that names no date is an error. */
  public @Nullable LocalDate date(C column) {
    LocalDate date =
        switch (cell(column)) {
          case SheetCell.Blank b -> {
            fail(column, sheet + ".invalid.required");
            yield null;
          }
          case SheetCell.Number n -> ExcelDates.fromSerial(n.value(), date1904);
          case SheetCell.Text t -> ExcelDates.parse(t.value());
        };
    if (date == null && !cell(column).isBlank()) {
      fail(column, sheet + ".invalid.date", cell(column).display(column, date1904));
    }
    return date;
  }
}
