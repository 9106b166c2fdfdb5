package org.zugong.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.internal.MemberImportFiles;
import org.zugong.member.internal.MemberImportWorker;
import org.zugong.member.internal.MemberSheetWriter;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;

/**
 * Imports of members from a spreadsheet (党员信息导入): the template to fill in, the upload that starts
 * an import in the background, its progress, and the result — every row written in one transaction,
 * or nothing and an error workbook that marks each bad cell.
 */
@Service
@Transactional
public class MemberImports {

  private static final String COLUMNS =
      "id, file_name, status, total_rows, checked_rows, written_rows, error_count, progress,"
          + " failure_key, failure_args, error_workbook, uploaded_by, created_at, finished_at";

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final MemberImportFiles files;
  private final MemberImportWorker worker;
  private final MemberSheetWriter sheets;
  private final Clock clock;

  MemberImports(
      JdbcClient jdbc,
      Organizations organizations,
      MemberImportFiles files,
      MemberImportWorker worker,
      MemberSheetWriter sheets,
      Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.files = files;
    this.worker = worker;
    this.sheets = sheets;
    this.clock = clock;
  }

  /**
   * Saves an uploaded workbook and starts its import as the caller once this transaction commits.
   *
   * @param locale the language of the error workbook
   * @return the import's id, to follow its progress
   */
  @PreAuthorize(Members.EDITORS)
  public long start(String fileName, InputStream content, Locale locale) {
    String path = fileName.replace('\\', '/');
    String name = path.substring(path.lastIndexOf('/') + 1).strip();
    if (name.isEmpty()) {
      throw new InvalidValueException("member-import.invalid.no-file");
    }
    if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      throw new InvalidValueException("member-import.invalid.not-a-workbook");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof ZugongPrincipal me)) {
      throw new IllegalStateException("An import needs a signed-in user");
    }
    long id =
        jdbc.sql(
                """
                insert into member_import_job (file_name, status, locale, uploaded_by, scope_path, created_at)
                values (?, 'QUEUED', ?, ?, ?, ?) returning id
                """)
            .params(
                name.length() > 200 ? name.substring(name.length() - 200) : name,
                locale.toLanguageTag(),
                me.username(),
                me.scopePath().value(),
                OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    files.save(id, content);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            worker.submit(id, auth);
          }
        });
    return id;
  }

  @Transactional(readOnly = true)
  public Optional<MemberImportJob> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from member_import_job where id = ?")
        .param(id)
        .query(MemberImports::job)
        .optional();
  }

  /** The latest imports in the caller's scope, newest first. */
  @Transactional(readOnly = true)
  public List<MemberImportJob> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from member_import_job order by id desc limit ?")
        .param(limit)
        .query(MemberImports::job)
        .list();
  }

  /** The first errors of a refused import, by row and column. */
  @Transactional(readOnly = true)
  public List<MemberImportError> errors(long id, int limit) {
    return jdbc.sql(
            "select row_no, column_no, message_key, arguments from member_import_error"
                + " where job_id = ? order by row_no, column_no limit ?")
        .params(id, limit)
        .query(
            (rs, n) -> {
              MemberColumn column = MemberColumn.values()[rs.getInt(2)];
              return new MemberImportError(
                  rs.getInt(1),
                  column.letter(),
                  column.headerKey(),
                  rs.getString(3),
                  strings(rs.getArray(4)));
            })
        .list();
  }

  /** The workbook that marks the bad cells of a refused import. */
  @Transactional(readOnly = true)
  public Optional<Path> errorWorkbook(long id) {
    return find(id)
        .filter(MemberImportJob::errorWorkbook)
        .map(j -> files.errorWorkbook(j.id()))
        .filter(Files::isRegularFile);
  }

  /**
   * Writes the template: the sheet to fill in, how to fill it in, the allowed values, and the codes
   * of the organizations in the caller's scope that hold members.
   */
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
    holders.sort(java.util.Comparator.comparing(MemberSheetWriter.Organization::code));
    sheets.template(out, locale, holders);
  }

  /** The most rows one import takes. */
  public static int maxRows() {
    return MemberImportWorker.MAX_ROWS;
  }

  private static MemberImportJob job(ResultSet rs, int n) throws SQLException {
    var finished = rs.getTimestamp("finished_at");
    return new MemberImportJob(
        rs.getLong("id"),
        rs.getString("file_name"),
        MemberImportStatus.valueOf(rs.getString("status")),
        rs.getInt("total_rows"),
        rs.getInt("checked_rows"),
        rs.getInt("written_rows"),
        rs.getInt("error_count"),
        rs.getInt("progress"),
        rs.getString("failure_key"),
        strings(rs.getArray("failure_args")),
        rs.getBoolean("error_workbook"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }
}
