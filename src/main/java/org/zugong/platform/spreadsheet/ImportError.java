package org.zugong.platform.spreadsheet;

import java.util.List;

/**
 * One bad cell of a refused import.
 *
 * @param row the row as the spreadsheet numbers it (the header is row 1)
 * @param column the column's letter, A for the first
 * @param columnKey the message key of the column's header
 * @param messageKey the reason
 */
public record ImportError(
    int row, String column, String columnKey, String messageKey, List<String> arguments) {}
