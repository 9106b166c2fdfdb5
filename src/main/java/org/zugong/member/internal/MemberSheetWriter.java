package org.zugong.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.Vocabulary;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.SheetCell;
import org.zugong.platform.spreadsheet.SheetReader;

/**
 * Writes the member sheet's workbooks with fastexcel, row by row to the stream: the template (the
 * sheet, how to fill it in, the allowed values as drop-downs, the uploader's organization codes)
 * and the error workbook (the uploaded sheet again with every bad cell filled red, a comment on it
 * and a column saying row, column and reason, and a list of all errors).
 */
@Component
public class MemberSheetWriter {

  /** The rows of the template that offer drop-downs: the most one import takes. */
  public static final int MAX_ROWS = 100_000;

  static final String BAD_FILL = "FFFFC7CE";
  static final String BAD_FONT = "FF9C0006";
  private static final String HEADER_FILL = "FFDDEBF7";
  private static final String REQUIRED_FONT = "FFC00000";
  // Comments are drawn shapes that Excel keeps in memory; past this many the fill and the error
  // column still mark every bad cell.
  private static final int MAX_COMMENTS = 5_000;

  private final MessageSource messages;

  MemberSheetWriter(MessageSource messages) {
    this.messages = messages;
  }

  /** An organization the template lists, with the code the sheet refers to it by. */
  public record Organization(String code, String name) {}

  public void template(OutputStream out, Locale locale, List<Organization> organizations)
      throws IOException {
    Workbook wb = new Workbook(out, "Zugong", "1.0");
    Worksheet data = wb.newWorksheet(text("member-import.sheet.data", locale));
    Worksheet help = wb.newWorksheet(text("member-import.sheet.instructions", locale));
    Worksheet choices = wb.newWorksheet(text("member-import.sheet.choices", locale));
    Worksheet orgs = wb.newWorksheet(text("member-import.sheet.organizations", locale));

    header(data, locale);
    for (MemberColumn c : MemberColumn.values()) {
      if (c.isText()) {
        data.style(c.index()).format("@").set();
      } else if (c.isDate()) {
        data.style(c.index()).format("yyyy-mm-dd").set();
      }
    }

    int list = 0;
    for (MemberColumn c : MemberColumn.values()) {
      List<? extends Enum<?>> values = Vocabulary.choices(c);
      if (values.isEmpty()) {
        continue;
      }
      choices.value(0, list, text(c.headerKey(), locale));
      choices.style(0, list).bold().fillColor(HEADER_FILL).set();
      choices.width(list, 22);
      for (int i = 0; i < values.size(); i++) {
        choices.value(i + 1, list, text(Vocabulary.keyOf(values.get(i)), locale));
      }
      data.range(1, c.index(), MAX_ROWS, c.index())
          .validateWithList(choices.range(1, list, values.size(), list))
          .allowBlank(true)
          .showErrorMessage(true)
          .errorTitle(text(c.headerKey(), locale))
          .error(text("member-import.invalid.choice-short", locale));
      list++;
    }

    help.value(0, 0, text("member-import.instructions.note", locale, MAX_ROWS));
    help.style(0, 0).wrapText(true).set();
    help.range(0, 0, 0, 4).merge();
    help.rowHeight(0, 60);
    String[] heads = {
      "member-import.instructions.letter",
      "member-import.instructions.column",
      "member-import.instructions.required",
      "member-import.instructions.rule",
      "member-import.instructions.choices"
    };
    double[] widths = {6, 14, 10, 60, 60};
    for (int i = 0; i < heads.length; i++) {
      help.value(2, i, text(heads[i], locale));
      help.style(2, i).bold().fillColor(HEADER_FILL).set();
      help.width(i, widths[i]);
    }
    String separator = text("member-import.instructions.separator", locale);
    for (MemberColumn c : MemberColumn.values()) {
      int r = 3 + c.index();
      help.value(r, 0, c.letter());
      help.value(r, 1, text(c.headerKey(), locale));
      help.value(
          r,
          2,
          text(
              c.required()
                  ? "member-import.instructions.required.yes"
                  : "member-import.instructions.required.no",
              locale));
      help.value(r, 3, text(c.ruleKey(), locale));
      List<String> names =
          Vocabulary.choices(c).stream().map(v -> text(Vocabulary.keyOf(v), locale)).toList();
      help.value(r, 4, String.join(separator, names));
      help.style(r, 3).wrapText(true).verticalAlignment("top").set();
      help.style(r, 4).wrapText(true).verticalAlignment("top").set();
    }

    data.finish();
    help.finish();
    choices.finish();
    orgs.value(0, 0, text("organization.column.code", locale));
    orgs.value(0, 1, text("organization.column.name", locale));
    orgs.style(0, 0).bold().fillColor(HEADER_FILL).set();
    orgs.style(0, 1).bold().fillColor(HEADER_FILL).set();
    orgs.width(0, 14);
    orgs.width(1, 50);
    int r = 1;
    for (Organization o : organizations) {
      orgs.value(r, 0, o.code());
      orgs.value(r, 1, o.name());
      r++;
      if (r % 1000 == 0) {
        orgs.flush();
      }
    }
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
    Worksheet data = wb.newWorksheet(text("member-import.sheet.data", locale));
    Worksheet list = wb.newWorksheet(text("member-import.sheet.errors", locale));
    header(data, locale);
    int reasonColumn = MemberColumn.values().length;
    data.value(0, reasonColumn, text("member-import.errors.column", locale));
    data.style(0, reasonColumn).bold().fontColor(BAD_FONT).fillColor(BAD_FILL).set();
    data.width(reasonColumn, 80);
    String[] heads = {
      "member-import.errors.row",
      "member-import.errors.column-letter",
      "member-import.errors.field",
      "member-import.errors.reason"
    };
    double[] widths = {8, 6, 14, 80};
    for (int i = 0; i < heads.length; i++) {
      list.value(0, i, text(heads[i], locale));
      list.style(0, i).bold().fillColor(HEADER_FILL).set();
      list.width(i, widths[i]);
    }

    // fastexcel streams one sheet at a time: the data sheet is written and closed before the list.
    int comments = 0;
    try (SheetReader reader =
        SheetReader.open(
            upload, MemberColumn.values().length, "member-import.invalid.not-a-workbook")) {
      boolean date1904 = reader.date1904();
      reader.header();
      for (Optional<SheetReader.SheetRow> next = reader.nextRow();
          next.isPresent();
          next = reader.nextRow()) {
        SheetReader.SheetRow row = next.get();
        int r = row.number() - 1;
        for (MemberColumn c : MemberColumn.values()) {
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
        "member-import.error.cell",
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

  private void header(Worksheet ws, Locale locale) {
    for (MemberColumn c : MemberColumn.values()) {
      ws.value(0, c.index(), text(c.headerKey(), locale));
      ws.style(0, c.index())
          .bold()
          .fillColor(HEADER_FILL)
          .fontColor(c.required() ? REQUIRED_FONT : "FF000000")
          .set();
      ws.width(c.index(), c == MemberColumn.ID_NUMBER ? 22 : c.isDate() ? 13 : 14);
    }
    ws.freezePane(0, 1);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
  }
}
