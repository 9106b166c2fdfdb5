package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * Writes the workbooks of one kind of import sheet with fastexcel, row by row to the stream: the
 * template (the sheet, how to fill it in, the allowed values as drop-downs, and a module's sheet of
 * reference codes) and the error workbook (the uploaded sheet again with every bad cell filled red,
 * a comment on it and a column saying row, column and reason, and a list of all errors).
 *
 * <p>The texts are the bundle's under the sheet's name ({@code member-import.sheet.data}, …).
 *
 * @param <C> the sheet's columns
 */
public final class ImportWorkbooks<C extends SheetColumn> {

  static final String BAD_FILL = "FFFFC7CE";
  static final String BAD_FONT = "FF9C0006";
  private static final String HEADER_FILL = "FFDDEBF7";
  private static final String REQUIRED_FONT = "FFC00000";
  // Comments are drawn shapes that Excel keeps in memory; past this many the fill and the error
  // column still mark every bad cell.
  private static final int MAX_COMMENTS = 5_000;

  private final MessageSource messages;
  private final String name;
  private final List<C> columns;
  private final int maxRows;
  private final ToDoubleFunction<C> width;
  private final Function<C, List<? extends Enum<?>>> choices;
  private final Function<Enum<?>, String> keyOf;

  /**
   * @param name the sheet's name, the prefix of its message keys and of the import's table ({@code
   *     member-import})
   * @param columns the template's columns in their order
   * @param maxRows the rows of the template that offer drop-downs: the most one import takes
   * @param width a column's width in the data sheet
   * @param choices the values a coded column allows, in the order the template lists them
   * @param keyOf the message key of such a value's name
   */
  public ImportWorkbooks(
      MessageSource messages,
      String name,
      List<C> columns,
      int maxRows,
      ToDoubleFunction<C> width,
      Function<C, List<? extends Enum<?>>> choices,
      Function<Enum<?>, String> keyOf) {
    this.messages = messages;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.maxRows = maxRows;
    this.width = width;
    this.choices = choices;
    this.keyOf = keyOf;
  }

  /** What a module writes into a sheet of the template. */
  @FunctionalInterface
  public interface SheetPart {
    void write(Worksheet sheet) throws IOException;
  }

  /** The template's columns in their order. */
  public List<C> columns() {
    return columns;
  }

  /** The most rows one import takes. */
  public int maxRows() {
    return maxRows;
  }

  /** Opens an uploaded workbook to read it as this template; a file that is none is refused. */
  public SheetReader open(Path upload) {
    return SheetReader.open(upload, columns.size(), name + ".invalid.not-a-workbook");
  }

  /**
   * Writes the template: the data sheet, the instructions, the allowed values, and last the sheet
   * of reference codes that the module writes.
   *
   * @param noteHeight the height of the instructions' first row, the note
   * @param moreHelp writes what the module adds below the columns' instructions
   * @param referenceKey the message key of the reference sheet's name
   * @param reference writes the reference sheet (the other sheets are finished by then)
   */
  public void template(
      OutputStream out,
      Locale locale,
      double noteHeight,
      SheetPart moreHelp,
      String referenceKey,
      SheetPart reference)
      throws IOException {
    Workbook wb = new Workbook(out, "Zugong", "1.0");
    Worksheet data = wb.newWorksheet(text(name + ".sheet.data", locale));
    Worksheet help = wb.newWorksheet(text(name + ".sheet.instructions", locale));
    Worksheet lists = wb.newWorksheet(text(name + ".sheet.choices", locale));
    Worksheet codes = wb.newWorksheet(text(referenceKey, locale));

    header(data, locale);
    for (C c : columns) {
      if (c.isText()) {
        data.style(c.index()).format("@").set();
      } else if (c.isDate()) {
        data.style(c.index()).format("yyyy-mm-dd").set();
      }
    }

    int list = 0;
    for (C c : columns) {
      List<? extends Enum<?>> values = choices.apply(c);
      if (values.isEmpty()) {
        continue;
      }
      lists.value(0, list, text(c.headerKey(), locale));
      lists.style(0, list).bold().fillColor(HEADER_FILL).set();
      lists.width(list, 22);
      for (int i = 0; i < values.size(); i++) {
        lists.value(i + 1, list, text(keyOf.apply(values.get(i)), locale));
      }
      data.range(1, c.index(), maxRows, c.index())
          .validateWithList(lists.range(1, list, values.size(), list))
          .allowBlank(true)
          .showErrorMessage(true)
          .errorTitle(text(c.headerKey(), locale))
          .error(text(name + ".invalid.choice-short", locale));
      list++;
    }

    help.value(0, 0, text(name + ".instructions.note", locale, maxRows));
    help.style(0, 0).wrapText(true).set();
    help.range(0, 0, 0, 4).merge();
    help.rowHeight(0, noteHeight);
    headings(
        help,
        2,
        locale,
        new double[] {6, 14, 10, 60, 60},
        name + ".instructions.letter",
        name + ".instructions.column",
        name + ".instructions.required",
        name + ".instructions.rule",
        name + ".instructions.choices");
    String separator = separator(locale);
    for (C c : columns) {
      int r = 3 + c.index();
      help.value(r, 0, c.letter());
      help.value(r, 1, text(c.headerKey(), locale));
      help.value(
          r,
          2,
          text(
              c.required()
                  ? name + ".instructions.required.yes"
                  : name + ".instructions.required.no",
              locale));
      help.value(r, 3, text(c.ruleKey(), locale));
      List<String> names =
          choices.apply(c).stream().map(v -> text(keyOf.apply(v), locale)).toList();
      help.value(r, 4, String.join(separator, names));
      help.style(r, 3).wrapText(true).verticalAlignment("top").set();
      help.style(r, 4).wrapText(true).verticalAlignment("top").set();
    }
    moreHelp.write(help);

    data.finish();
    help.finish();
    lists.finish();
    reference.write(codes);
    wb.finish();
  }

  /**
   * The uploaded sheet again, each row where it was, with the bad cells filled red and commented
   * and a last column giving row, column and reason; then a sheet listing every error.
   *
   * @param errors the errors by row number
   */
  public void errorWorkbook(
      Path upload, OutputStream out, Locale locale, Map<Integer, List<CellError>> errors)
      throws IOException {
    Workbook wb = new Workbook(out, "Zugong", "1.0");
    Worksheet data = wb.newWorksheet(text(name + ".sheet.data", locale));
    Worksheet list = wb.newWorksheet(text(name + ".sheet.errors", locale));
    header(data, locale);
    int reasonColumn = columns.size();
    data.value(0, reasonColumn, text(name + ".errors.column", locale));
    data.style(0, reasonColumn).bold().fontColor(BAD_FONT).fillColor(BAD_FILL).set();
    data.width(reasonColumn, 80);
    headings(
        list,
        0,
        locale,
        new double[] {8, 6, 14, 80},
        name + ".errors.row",
        name + ".errors.column-letter",
        name + ".errors.field",
        name + ".errors.reason");

    // fastexcel streams one sheet at a time: the data sheet is written and closed before the list.
    int comments = 0;
    try (SheetReader reader = open(upload)) {
      boolean date1904 = reader.date1904();
      reader.header();
      for (Optional<SheetReader.SheetRow> next = reader.nextRow();
          next.isPresent();
          next = reader.nextRow()) {
        SheetReader.SheetRow row = next.get();
        int r = row.number() - 1;
        for (C c : columns) {
          SheetCell cell = row.cells().get(c.index());
          if (!cell.isBlank()) {
            data.inlineString(r, c.index(), cell.display(c, date1904));
          }
        }
        List<CellError> bad = errors.getOrDefault(row.number(), List.of());
        StringBuilder reasons = new StringBuilder();
        for (CellError e : bad) {
          String line = line(e, locale);
          data.style(r, e.column().index()).fillColor(BAD_FILL).fontColor(BAD_FONT).set();
          if (comments < MAX_COMMENTS) {
            data.comment(r, e.column().index(), line);
            comments++;
          }
          reasons.append(reasons.isEmpty() ? "" : "\n").append(line);
        }
        if (!bad.isEmpty()) {
          data.inlineString(r, reasonColumn, reasons.toString());
          data.style(r, reasonColumn).wrapText(true).fontColor(BAD_FONT).set();
        }
        if (r % 1000 == 0) {
          data.flush();
        }
      }
    }
    data.finish();

    int listed = 1;
    for (List<CellError> row : errors.values()) {
      for (CellError e : row) {
        list.value(listed, 0, e.row());
        list.value(listed, 1, e.column().letter());
        list.value(listed, 2, text(e.column().headerKey(), locale));
        list.inlineString(listed, 3, reason(e, locale));
        listed++;
        if (listed % 1000 == 0) {
          list.flush();
        }
      }
    }
    wb.finish();
  }

  /** Row, column, header and reason of one bad cell in the user's language. */
  public String line(CellError e, Locale locale) {
    return text(
        name + ".error.cell",
        locale,
        Integer.toString(e.row()),
        e.column().letter(),
        text(e.column().headerKey(), locale),
        reason(e, locale));
  }

  /** The reason for one bad cell in the user's language. */
  public String reason(CellError e, Locale locale) {
    return text(e.messageKey(), locale, e.arguments().toArray());
  }

  /** A row of bold, shaded headings from message keys, with the widths of their columns. */
  public void headings(Worksheet ws, int row, Locale locale, double[] widths, String... keys) {
    for (int i = 0; i < keys.length; i++) {
      ws.value(row, i, text(keys[i], locale));
      ws.style(row, i).bold().fillColor(HEADER_FILL).set();
      ws.width(i, widths[i]);
    }
  }

  /** What separates the allowed values of a column in the instructions. */
  public String separator(Locale locale) {
    return text(name + ".instructions.separator", locale);
  }

  /** A message in the given language; the key itself where the bundles lack it. */
  public String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
  }

  private void header(Worksheet ws, Locale locale) {
    for (C c : columns) {
      ws.value(0, c.index(), text(c.headerKey(), locale));
      ws.style(0, c.index())
          .bold()
          .fillColor(HEADER_FILL)
          .fontColor(c.required() ? REQUIRED_FONT : "FF000000")
          .set();
      ws.width(c.index(), width.applyAsDouble(c));
    }
    ws.freezePane(0, 1);
  }
}
