package org.zugong.member.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.Vocabulary;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.ImportWorkbooks;

/**
 * The member sheet's workbooks: the template (the sheet, how to fill it in, the allowed values as
 * drop-downs, the uploader's organization codes) and the error workbook, written by the platform's
 * {@link ImportWorkbooks} with the member sheet's columns.
 */
@Component
public class MemberSheetWriter {

  /** The rows of the template that offer drop-downs: the most one import takes. */
  public static final int MAX_ROWS = 100_000;

  private final ImportWorkbooks<MemberColumn> workbooks;

  MemberSheetWriter(MessageSource messages) {
    this.workbooks =
        new ImportWorkbooks<>(
            messages,
            "member-import",
            List.of(MemberColumn.values()),
            MAX_ROWS,
            c -> c == MemberColumn.ID_NUMBER ? 22 : c.isDate() ? 13 : 14,
            Vocabulary::choices,
            Vocabulary::keyOf);
  }

  /** An organization the template lists, with the code the sheet refers to it by. */
  public record Organization(String code, String name) {}

  /** The member sheet's workbooks and reader. */
  public ImportWorkbooks<MemberColumn> workbooks() {
    return workbooks;
  }

  public void template(OutputStream out, Locale locale, List<Organization> organizations)
      throws IOException {
    workbooks.template(
        out,
        locale,
        60,
        help -> {},
        "member-import.sheet.organizations",
        orgs -> {
          workbooks.headings(
              orgs,
              0,
              locale,
              new double[] {14, 50},
              "organization.column.code",
              "organization.column.name");
          int r = 1;
          for (Organization o : organizations) {
            orgs.value(r, 0, o.code());
            orgs.value(r, 1, o.name());
            r++;
            if (r % 1000 == 0) {
              orgs.flush();
            }
          }
        });
  }

  /**
   * The uploaded sheet again with the bad cells filled red and commented, and a list of every
   * error.
   *
   * @param errors the errors by row number
   */
  public void errorWorkbook(
      Path upload, OutputStream out, Locale locale, Map<Integer, List<CellError>> errors)
      throws IOException {
    workbooks.errorWorkbook(upload, out, locale, errors);
  }
}
