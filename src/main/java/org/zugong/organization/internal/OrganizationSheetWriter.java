package org.zugong.organization.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.Vocabulary;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.ImportWorkbooks;

/**
 * The organization sheet's workbooks: the template (the sheet, how to fill it in with which kind
 * may sit under which, the allowed values as drop-downs, the codes of the organizations in the
 * uploader's scope that new ones may sit under) and the error workbook, written by the platform's
 * {@link ImportWorkbooks} with the organization sheet's columns.
 */
@Component
public class OrganizationSheetWriter {

  /** The rows of the template that offer drop-downs: the most one import takes. */
  public static final int MAX_ROWS = 100_000;

  private final ImportWorkbooks<OrganizationColumn> workbooks;

  OrganizationSheetWriter(MessageSource messages) {
    this.workbooks =
        new ImportWorkbooks<>(
            messages,
            "organization-import",
            List.of(OrganizationColumn.values()),
            MAX_ROWS,
            c ->
                c == OrganizationColumn.NAME || c == OrganizationColumn.PARENT
                    ? 30
                    : c == OrganizationColumn.UNIT_NAME ? 24 : 14,
            Vocabulary::choices,
            Vocabulary::keyOf);
  }

  public record Parent(String code, String name, OrganizationKind kind, String regionCode) {}

  /** The organization sheet's workbooks and reader. */
  public ImportWorkbooks<OrganizationColumn> workbooks() {
    return workbooks;
  }

  public void template(OutputStream out, Locale locale, List<Parent> parents) throws IOException {
    workbooks.template(
        out,
        locale,
        90,
        help -> {
          // Which kind may sit under which: the rule the sheet is checked by.
          String separator = workbooks.separator(locale);
          int r = 5 + OrganizationColumn.values().length;
          help.value(r, 0, text("organization-import.instructions.kinds", locale));
          help.style(r, 0).bold().set();
          help.range(r, 0, r, 4).merge();
          for (OrganizationKind kind : OrganizationKind.values()) {
            r++;
            help.value(r, 1, text(kind.messageKey(), locale));
            help.value(
                r,
                3,
                String.join(
                    separator,
                    kind.allowedParents().stream()
                        .map(k -> text(k.messageKey(), locale))
                        .toList()));
            help.range(r, 3, r, 4).merge();
          }
        },
        "organization-import.sheet.parents",
        orgs -> {
          workbooks.headings(
              orgs,
              0,
              locale,
              new double[] {14, 50, 12, 16},
              "organization.column.code",
              "organization.column.name",
              "organization.column.kind",
              "organization.column.region");
          int row = 1;
          for (Parent p : parents) {
            orgs.value(row, 0, p.code());
            orgs.value(row, 1, p.name());
            orgs.value(row, 2, text(p.kind().messageKey(), locale));
            orgs.value(row, 3, p.regionCode());
            row++;
            if (row % 1000 == 0) {
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

  private String text(String key, Locale locale) {
    return workbooks.text(key, locale);
  }
}
