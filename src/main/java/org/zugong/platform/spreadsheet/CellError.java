package org.zugong.platform.spreadsheet;

import java.util.List;

/**
 * What is wrong with one cell: its row as the spreadsheet numbers it (the header is row 1), its
 * column, and the reason as a message key with its arguments.
 */
public record CellError(int row, SheetColumn column, String messageKey, List<String> arguments) {

  public CellError {
    arguments = List.copyOf(arguments);
  }

  public static CellError of(int row, SheetColumn column, String messageKey, String... arguments) {
    return new CellError(row, column, messageKey, List.of(arguments));
  }
}
