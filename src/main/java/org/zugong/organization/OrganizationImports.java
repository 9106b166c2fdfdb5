package org.zugong.organization;

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
import java.util.Comparator;
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
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.internal.OrganizationImportFiles;
import org.zugong.organization.internal.OrganizationImportWorker;
import org.zugong.organization.internal.OrganizationSheetWriter;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;

/**
 * Imports of organizations from a spreadsheet (党组织信息导入): the template to fill in, the upload that
 * starts an import in the background, its progress, and the result — every organization established
 * in one transaction, with the history {@link Organizations#establish} keeps, or nothing and an
 * error workbook that marks each bad cell.
 */
@Service
@Transactional
public class OrganizationImports {

  private static final String COLUMNS =
      "id, file_name, status, total_rows, checked_rows, written_rows, error_count, progress,"
          + " failure_key, failure_args, error_workbook, uploaded_by, created_at, finished_at";

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final OrganizationImportFiles files;
  private final OrganizationImportWorker worker;
  private final OrganizationSheetWriter sheets;
  private final Clock clock;

  OrganizationImports(
      JdbcClient jdbc,
      Organizations organizations,
      OrganizationImportFiles files,
      OrganizationImportWorker worker,
      OrganizationSheetWriter sheets,
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
  @PreAuthorize(Organizations.EDITORS)
  public long start(String fileName, InputStream content, Locale locale) {
    String path = fileName.replace('\\', '/');
    String name = path.substring(path.lastIndexOf('/') + 1).strip();
    if (name.isEmpty()) {
      throw new InvalidValueException("organization-import.invalid.no-file");
    }
    if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      throw new InvalidValueException("organization-import.invalid.not-a-workbook");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof ZugongPrincipal me)) {
      throw new IllegalStateException("An import needs a signed-in user");
    }
    long id =
        jdbc.sql(
                """
                insert into organization_import_job (file_name, status, locale, uploaded_by,
                  scope_path, created_at)
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
  public Optional<OrganizationImportJob> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from organization_import_job where id = ?")
        .param(id)
        .query(OrganizationImports::job)
        .optional();
  }

  /** The latest imports in the caller's scope, newest first. */
  @Transactional(readOnly = true)
  public List<OrganizationImportJob> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from organization_import_job order by id desc limit ?")
        .param(limit)
        .query(OrganizationImports::job)
        .list();
  }

  /** The first errors of a refused import, by row and column. */
  @Transactional(readOnly = true)
  public List<OrganizationImportError> errors(long id, int limit) {
    return jdbc.sql(
            "select row_no, column_no, message_key, arguments from organization_import_error"
                + " where job_id = ? order by row_no, column_no limit ?")
        .params(id, limit)
        .query(
            (rs, n) -> {
              OrganizationColumn column = OrganizationColumn.values()[rs.getInt(2)];
              return new OrganizationImportError(
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
        .filter(OrganizationImportJob::errorWorkbook)
        .map(j -> files.errorWorkbook(j.id()))
        .filter(Files::isRegularFile);
  }

  /**
   * Writes the template: the sheet to fill in, how to fill it in, the allowed values, and the codes
   * of the active organizations in the caller's scope that new ones may sit under.
   */
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

  private static OrganizationImportJob job(ResultSet rs, int n) throws SQLException {
    var finished = rs.getTimestamp("finished_at");
    return new OrganizationImportJob(
        rs.getLong("id"),
        rs.getString("file_name"),
        OrganizationImportStatus.valueOf(rs.getString("status")),
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
