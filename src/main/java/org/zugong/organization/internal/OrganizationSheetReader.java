package org.zugong.organization.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.SheetCell;
import org.zugong.shared.InvalidValueException;

/**
 * Reads the first sheet of an uploaded workbook row by row, as a stream from the file: the rows are
 * never held in memory together, whatever their number.
 */
final class OrganizationSheetReader implements AutoCloseable {

  private static final int WIDTH = OrganizationColumn.values().length;

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;

  /** One row of the sheet: its number as the spreadsheet shows it and its cells from column A. */
  record SheetRow(int number, List<SheetCell> cells) {}

  private OrganizationSheetReader(Path file) {
    try {
      this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
      this.stream = workbook.getFirstSheet().openStream();
      this.rows = stream.iterator();
    } catch (IOException | ExcelReaderException | IllegalArgumentException e) {
      throw new InvalidValueException("organization-import.invalid.not-a-workbook");
    }
  }

  /** Opens the workbook; a file that is no .xlsx workbook is refused. */
  static OrganizationSheetReader open(Path file) {
    return new OrganizationSheetReader(file);
  }

  boolean date1904() {
    return workbook.isDate1904();
  }

  /** The first row's texts: the header, or nothing for an empty sheet. */
  Optional<List<String>> header() {
    if (!hasNext()) {
      return Optional.empty();
    }
    Row first = next();
    List<String> texts = new ArrayList<>();
    for (SheetCell c : cells(first, Math.max(WIDTH, first.getCellCount()))) {
      texts.add(c instanceof SheetCell.Text t ? t.value() : "");
    }
    return Optional.of(texts);
  }

  /** The next row that has anything in the template's columns, or empty at the end. */
  Optional<SheetRow> nextRow() {
    while (hasNext()) {
      Row row = next();
      List<SheetCell> cells = cells(row, WIDTH);
      if (cells.stream().anyMatch(c -> !c.isBlank())) {
        return Optional.of(new SheetRow(row.getRowNum(), cells));
      }
    }
    return Optional.empty();
  }

  private boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new InvalidValueException("organization-import.invalid.not-a-workbook");
    }
  }

  private Row next() {
    try {
      return rows.next();
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new InvalidValueException("organization-import.invalid.not-a-workbook");
    }
  }

  private static List<SheetCell> cells(Row row, int width) {
    List<SheetCell> cells = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      cells.add(row.getOptionalCell(i).map(OrganizationSheetReader::cell).orElse(SheetCell.BLANK));
    }
    return cells;
  }

  private static SheetCell cell(Cell c) {
    return switch (c.getType()) {
      case NUMBER -> new SheetCell.Number(c.asNumber());
      case STRING -> SheetCell.text(c.asString());
      case EMPTY -> SheetCell.BLANK;
      // A formula counts by the value it last computed; an error value or a boolean as its text.
      case FORMULA, ERROR, BOOLEAN -> SheetCell.text(c.getRawValue());
    };
  }

  @Override
  public void close() {
    stream.close();
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
