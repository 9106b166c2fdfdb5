package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.InvalidValueException;

/**
 * Reads the first sheet of an uploaded workbook row by row, as a stream from the file: the rows are
 * never held in memory together, whatever their number.
 */
public final class SheetReader implements AutoCloseable {

  private final int width;
  private final String notAWorkbook;
  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;

  /** One row of the sheet: its number as the spreadsheet shows it and its cells from column A. */
  public record SheetRow(int number, List<SheetCell> cells) {}

  private SheetReader(Path file, int width, String notAWorkbook) {
    this.width = width;
    this.notAWorkbook = notAWorkbook;
    try {
      this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
      this.stream = workbook.getFirstSheet().openStream();
      this.rows = stream.iterator();
    } catch (IOException | ExcelReaderException | IllegalArgumentException e) {
      throw new InvalidValueException(notAWorkbook);
    }
  }

  /**
   * Opens the workbook; a file that is no .xlsx workbook is refused.
   *
   * @param width how many columns the template has: the cells a row is read into
   * @param notAWorkbook the message key that refuses a file that is no workbook
   */
  public static SheetReader open(Path file, int width, String notAWorkbook) {
    return new SheetReader(file, width, notAWorkbook);
  }

  public boolean date1904() {
    return workbook.isDate1904();
  }

  /** The first row's texts: the header, or nothing for an empty sheet. */
  public Optional<List<String>> header() {
    if (!hasNext()) {
      return Optional.empty();
    }
    Row first = next();
    List<String> texts = new ArrayList<>();
    for (SheetCell c : cells(first, Math.max(width, first.getCellCount()))) {
      texts.add(c instanceof SheetCell.Text t ? t.value() : "");
    }
    return Optional.of(texts);
  }

  /** The next row that has anything in the template's columns, or empty at the end. */
  public Optional<SheetRow> nextRow() {
    while (hasNext()) {
      Row row = next();
      List<SheetCell> cells = cells(row, width);
      for (SheetCell c : cells) {
        if (!c.isBlank()) {
          return Optional.of(new SheetRow(row.getRowNum(), cells));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * How many rows the first sheet's XML holds, the header and empty rows included: an upper bound
   * of the rows to check, for the progress shown while they are checked. The decompressed sheet is
   * scanned for {@code <row} tags without being parsed, in a fraction of the time a parse takes.
   *
   * @param limit where to stop counting
   * @return the number of rows up to {@code limit}, or 0 where the workbook does not say which part
   *     is its first sheet
   */
  public static int rowTags(Path file, int limit) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String sheet = firstSheetPart(zip);
      ZipEntry entry = sheet == null ? null : zip.getEntry(sheet);
      if (entry == null) {
        return 0;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return countRowTags(in, limit);
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return 0;
    }
  }

  /** The part of the first sheet: {@code xl/workbook.xml} names it, its relationships place it. */
  private static @Nullable String firstSheetPart(ZipFile zip)
      throws IOException, XMLStreamException {
    String id = firstAttribute(zip, "xl/workbook.xml", "sheet", "id", null);
    if (id == null) {
      return null;
    }
    String target = firstAttribute(zip, "xl/_rels/workbook.xml.rels", "Relationship", "Target", id);
    if (target == null) {
      return null;
    }
    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
  }

  /**
   * The value of an attribute (by local name) of the first element with the given local name, or of
   * the first whose {@code Id} is {@code withId}.
   */
  private static @Nullable String firstAttribute(
      ZipFile zip, String part, String element, String attribute, @Nullable String withId)
      throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      return null;
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT
              && xml.getLocalName().equals(element)
              && (withId == null || withId.equals(xml.getAttributeValue(null, "Id")))) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
              if (xml.getAttributeLocalName(i).equals(attribute)) {
                return xml.getAttributeValue(i);
              }
            }
          }
        }
        return null;
      } finally {
        xml.close();
      }
    }
  }

  /** Counts the start tags whose local name is {@code row}, prefixed or not, up to a limit. */
  static int countRowTags(InputStream in, int limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    byte[] name = new byte[16];
    int length = -1; // the name's length within a start tag; -1 outside of one
    int rows = 0;
    for (int n = in.read(buffer); n >= 0 && rows < limit; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '<') {
          length = 0;
        } else if (length >= 0) {
          if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\r' || b == '\n') {
            if (isRow(name, length) && ++rows >= limit) {
              return rows;
            }
            length = -1;
          } else if (length == 0 && (b == '?' || b == '!')) {
            length = -1;
          } else if (length < name.length) {
            name[length++] = b;
          } else {
            length = -1;
          }
        }
      }
    }
    return rows;
  }

  private static boolean isRow(byte[] name, int length) {
    return length >= 3
        && name[length - 3] == 'r'
        && name[length - 2] == 'o'
        && name[length - 1] == 'w'
        && (length == 3 || name[length - 4] == ':');
  }

  private boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new InvalidValueException(notAWorkbook);
    }
  }

  private Row next() {
    try {
      return rows.next();
    } catch (ExcelReaderException | UncheckedIOException e) {
      throw new InvalidValueException(notAWorkbook);
    }
  }

  private static List<SheetCell> cells(Row row, int width) {
    List<SheetCell> cells = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      cells.add(row.hasCell(i) ? cell(row.getCell(i)) : SheetCell.BLANK);
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
