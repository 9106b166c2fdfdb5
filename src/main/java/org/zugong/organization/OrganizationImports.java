package org.zugong.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.internal.OrganizationImportFiles;
import org.zugong.organization.internal.OrganizationImportJobs;
import org.zugong.organization.internal.OrganizationImportWorker;
import org.zugong.organization.internal.OrganizationSheetWriter;
import org.zugong.platform.spreadsheet.SheetImports;

/**
 * Imports of organizations from a spreadsheet (党组织信息导入): the template to fill in, the upload that
 * starts an import in the background, its progress, and the result — every organization established
 * in one transaction, with the history {@link Organizations#establish} keeps, or nothing and an
 * error workbook that marks each bad cell.
 */
@Service
@Transactional
public class OrganizationImports extends SheetImports {

  private final Organizations organizations;
  private final OrganizationSheetWriter sheets;

  OrganizationImports(
      Organizations organizations,
      OrganizationImportJobs jobs,
      OrganizationImportFiles files,
      OrganizationImportWorker worker,
      OrganizationSheetWriter sheets) {
    super(jobs, files, worker);
    this.organizations = organizations;
    this.sheets = sheets;
  }

  @Override
  @PreAuthorize(Organizations.EDITORS)
  public long start(String fileName, InputStream content, Locale locale) {
    return save(fileName, content, locale);
  }

  /**
   * Writes the template: the sheet to fill in, how to fill it in, the allowed values, and the codes
   * of the active organizations in the caller's scope that new ones may sit under.
   */
  @Override
  @Transactional(readOnly = true)
  public void template(OutputStream out, Locale locale) throws IOException {
    List<OrganizationSheetWriter.Parent> parents = new ArrayList<>();
    for (OrganizationKind kind : OrganizationKind.values()) {
      if (kind == OrganizationKind.GROUP) {
        continue;
      }
      int page = 0;
      Organizations.Page result;
      do {
        result = organizations.search("", kind, null, page++, 5_000);
        for (OrganizationView o : result.rows()) {
          parents.add(
              new OrganizationSheetWriter.Parent(o.code(), o.name(), o.kind(), o.regionCode()));
        }
      } while (result.rows().size() == result.size());
    }
    parents.sort(Comparator.comparing(OrganizationSheetWriter.Parent::code));
    sheets.template(out, locale, parents);
  }

  /** The most rows one import takes. */
  public static int maxRows() {
    return OrganizationImportWorker.MAX_ROWS;
  }
}
