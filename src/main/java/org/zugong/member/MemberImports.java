package org.zugong.member;

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
import org.zugong.member.internal.MemberImportFiles;
import org.zugong.member.internal.MemberImportJobs;
import org.zugong.member.internal.MemberImportWorker;
import org.zugong.member.internal.MemberSheetWriter;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.spreadsheet.SheetImports;

/**
 * Imports of members from a spreadsheet (党员信息导入): the template to fill in, the upload that starts
 * an import in the background, its progress, and the result — every row written in one transaction,
 * or nothing and an error workbook that marks each bad cell.
 */
@Service
@Transactional
public class MemberImports extends SheetImports {

  private final Organizations organizations;
  private final MemberSheetWriter sheets;

  MemberImports(
      Organizations organizations,
      MemberImportJobs jobs,
      MemberImportFiles files,
      MemberImportWorker worker,
      MemberSheetWriter sheets) {
    super(jobs, files, worker);
    this.organizations = organizations;
    this.sheets = sheets;
  }

  @Override
  @PreAuthorize(Members.EDITORS)
  public long start(String fileName, InputStream content, Locale locale) {
    return save(fileName, content, locale);
  }

  /**
   * Writes the template: the sheet to fill in, how to fill it in, the allowed values, and the codes
   * of the organizations in the caller's scope that hold members.
   */
  @Override
  @Transactional(readOnly = true)
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
