package org.zugong.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.internal.MemberImportFiles;
import org.zugong.member.internal.MemberImportJobs;
import org.zugong.member.internal.MemberImportWorker;
import org.zugong.member.internal.MemberSheetWriter;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.spreadsheet.ImportError;
import org.zugong.platform.spreadsheet.ImportJob;
import org.zugong.platform.spreadsheet.SheetImports;

/**
 * Imports of members from a spreadsheet (党员信息导入): the template to fill in, the upload that starts
 * an import in the background, its progress, and the result — every row written in one transaction,
 * or nothing and an error workbook that marks each bad cell.
 */
@Service
@Transactional
public class MemberImports implements SheetImports {

  private final Organizations organizations;
  private final MemberImportJobs jobs;
  private final MemberImportFiles files;
  private final MemberImportWorker worker;
  private final MemberSheetWriter sheets;

  MemberImports(
      Organizations organizations,
      MemberImportJobs jobs,
      MemberImportFiles files,
      MemberImportWorker worker,
      MemberSheetWriter sheets) {
    this.organizations = organizations;
    this.jobs = jobs;
    this.files = files;
    this.worker = worker;
    this.sheets = sheets;
  }

  /**
   * Saves an uploaded workbook and starts its import as the caller once this transaction commits.
   *
   * @param locale the language of the error workbook
   * @return the import's id, to follow its progress
   */
  @PreAuthorize(Members.EDITORS)
  @Override
  public long start(String fileName, InputStream content, Locale locale) {
    return jobs.start(fileName, content, locale, files, worker::submit);
  }

  @Transactional(readOnly = true)
  @Override
  public Optional<ImportJob> find(long id) {
    return jobs.find(id);
  }

  /** The latest imports in the caller's scope, newest first. */
  @Transactional(readOnly = true)
  @Override
  public List<ImportJob> recent(int limit) {
    return jobs.recent(limit);
  }

  /** The first errors of a refused import, by row and column. */
  @Transactional(readOnly = true)
  @Override
  public List<ImportError> errors(long id, int limit) {
    return jobs.errors(id, limit, List.of(MemberColumn.values()));
  }

  /** The workbook that marks the bad cells of a refused import. */
  @Transactional(readOnly = true)
  @Override
  public Optional<Path> errorWorkbook(long id) {
    return jobs.errorWorkbook(id, files);
  }

  /**
   * Writes the template: the sheet to fill in, how to fill it in, the allowed values, and the codes
   * of the organizations in the caller's scope that hold members.
   */
  @Transactional(readOnly = true)
  @Override
  public void template(OutputStream out, Locale locale) throws IOException {
    List<MemberSheetWriter.Organization> holders = new ArrayList<>();
    for (OrganizationKind kind :
        List.of(OrganizationKind.BRANCH, OrganizationKind.GENERAL_BRANCH)) {
      int page = 0;
      Organizations.Page result;
      do {
        result = organizations.search("", kind, null, page++, 5_000);
        for (OrganizationView o : result.rows()) {
          holders.add(new MemberSheetWriter.Organization(o.code(), o.name()));
        }
      } while (result.rows().size() == result.size());
    }
    holders.sort(Comparator.comparing(MemberSheetWriter.Organization::code));
    sheets.template(out, locale, holders);
  }

  /** The most rows one import takes. */
  public static int maxRows() {
    return MemberImportWorker.MAX_ROWS;
  }
}
