package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.platform.DataScope;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;

/**
 * The jobs of one kind of import, in the module's tables {@code <name>_job} and {@code
 * <name>_error} (row-level security shows them within the uploader's scope): a job is created by an
 * upload, follows its progress in transactions of its own so the page sees it while the import
 * runs, and ends done, refused (its first errors stored, every one in the error workbook) or
 * failed. Nothing of a refused or failed import is written, so they show no written rows.
 */
public class ImportJobs {

  /** The errors kept in the database for the page; the error workbook has all of them. */
  public static final int STORED_ERRORS = 200;

  private static final String COLUMNS =
      "id, file_name, status, total_rows, checked_rows, written_rows, error_count, progress,"
          + " failure_key, failure_args, error_workbook, uploaded_by, created_at, finished_at";

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String name;
  private final String jobTable;
  private final String errorTable;

  /**
   * @param name the sheet's name ({@code member-import}): the prefix of its message keys, its audit
   *     records' kind, and with an underscore that of its tables
   */
  public ImportJobs(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock,
      String name) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.clock = clock;
    this.name = name;
    String table = name.replace('-', '_');
    this.jobTable = table + "_job";
    this.errorTable = table + "_error";
  }

  /** The sheet's name, the prefix of its message keys. */
  public String name() {
    return name;
  }

  /** What the import itself needs of its job. */
  public record Job(long id, String fileName, Locale locale, String scopePath, String uploadedBy) {}

  // ---- the module's API ------------------------------------------------------------------------

  /**
   * Checks and saves an uploaded workbook as a new job of the caller's and hands it to the worker
   * once the caller's transaction commits.
   *
   * @param submit starts the import of the saved upload, as the given user
   * @return the job's id
   */
  public long start(
      String fileName,
      InputStream content,
      Locale locale,
      ImportFiles files,
      BiConsumer<Long, Authentication> submit) {
    String path = fileName.replace('\\', '/');
    String file = path.substring(path.lastIndexOf('/') + 1).strip();
    if (file.isEmpty()) {
      throw new InvalidValueException(name + ".invalid.no-file");
    }
    if (!file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      throw new InvalidValueException(name + ".invalid.not-a-workbook");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof ZugongPrincipal me)) {
      throw new IllegalStateException("An import needs a signed-in user");
    }
    long id =
        jdbc.sql(
                "insert into "
                    + jobTable
                    + " (file_name, status, locale, uploaded_by, scope_path, created_at)"
                    + " values (?, 'QUEUED', ?, ?, ?, ?) returning id")
            .params(
                file.length() > 200 ? file.substring(file.length() - 200) : file,
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
            submit.accept(id, auth);
          }
        });
    return id;
  }

  public Optional<ImportJob> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from " + jobTable + " where id = ?")
        .param(id)
        .query(ImportJobs::job)
        .optional();
  }

  /** The latest imports in the caller's scope, newest first. */
  public List<ImportJob> recent(int limit) {
    return jdbc.sql("select " + COLUMNS + " from " + jobTable + " order by id desc limit ?")
        .param(limit)
        .query(ImportJobs::job)
        .list();
  }

  /**
   * The first errors of a refused import, by row and column.
   *
   * @param columns the sheet's columns in their order
   */
  public List<ImportError> errors(long id, int limit, List<? extends SheetColumn> columns) {
    return jdbc.sql(
            "select row_no, column_no, message_key, arguments from "
                + errorTable
                + " where job_id = ? order by row_no, column_no limit ?")
        .params(id, limit)
        .query(
            (rs, n) -> {
              SheetColumn column = columns.get(rs.getInt(2));
              return new ImportError(
                  rs.getInt(1),
                  column.letter(),
                  column.headerKey(),
                  rs.getString(3),
                  strings(rs.getArray(4)));
            })
        .list();
  }

  /** The workbook that marks the bad cells of a refused import. */
  public Optional<Path> errorWorkbook(long id, ImportFiles files) {
    return find(id)
        .filter(ImportJob::errorWorkbook)
        .map(j -> files.errorWorkbook(j.id()))
        .filter(Files::isRegularFile);
  }

  // ---- the worker ------------------------------------------------------------------------------

  /** The job, as the worker starts it. */
  public Optional<Job> job(long id) {
    return jdbc.sql(
            "select id, file_name, locale, scope_path, uploaded_by from "
                + jobTable
                + " where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Job(
                    rs.getLong(1),
                    rs.getString(2),
                    Locale.forLanguageTag(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5)))
        .optional();
  }

  public void status(long jobId, ImportStatus status, int total, int checked, int progress) {
    status(jobId, status, total, checked, progress, 0);
  }

  /**
   * Records progress in a transaction of its own, so the page sees it while the import runs; a job
   * that has ended keeps its end.
   */
  public void status(
      long jobId, ImportStatus status, int total, int checked, int progress, int written) {
    separately.executeWithoutResult(
        tx ->
            jdbc.sql(
                    "update "
                        + jobTable
                        + " set status = ?, total_rows = ?, checked_rows = ?, written_rows = ?,"
                        + " progress = ?, started_at = coalesce(started_at, ?)"
                        + " where id = ? and status not in ('DONE', 'REFUSED', 'FAILED')")
                .params(
                    status.name(),
                    total,
                    checked,
                    written,
                    progress,
                    OffsetDateTime.now(clock),
                    jobId)
                .update());
  }

  /**
   * Every row is written: the job is done, with its audit record, in the import's transaction.
   *
   * @param counted what the audit record counts ({@code members})
   */
  public void done(Job job, int rows, String counted) {
    jdbc.sql(
            "update "
                + jobTable
                + " set status = 'DONE', total_rows = :rows, checked_rows = :rows,"
                + " written_rows = :rows, progress = 100, finished_at = :now where id = :id")
        .param("rows", rows)
        .param("now", OffsetDateTime.now(clock))
        .param("id", job.id())
        .update();
    events.publishEvent(
        new RecordChanged(
            name,
            Long.toString(job.id()),
            "import",
            job.scopePath(),
            Map.of(
                "file",
                new RecordChanged.Change(null, job.fileName()),
                counted,
                new RecordChanged.Change(null, Integer.toString(rows)))));
  }

  /**
   * Writes the error workbook and records the refusal with the first errors: nothing of the sheet
   * was written.
   */
  public void refuse(
      Job job,
      Path upload,
      int rows,
      SortedMap<Integer, List<CellError>> errors,
      ImportWorkbooks<?> workbooks,
      ImportFiles files) {
    Path target = files.errorWorkbook(job.id());
    try (OutputStream out = Files.newOutputStream(target)) {
      workbooks.errorWorkbook(upload, out, job.locale(), errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int count = errors.values().stream().mapToInt(List::size).sum();
    separately.executeWithoutResult(
        tx -> {
          int stored = 0;
          for (List<CellError> row : errors.values()) {
            for (CellError e : row) {
              if (stored++ >= STORED_ERRORS) {
                break;
              }
              jdbc.sql(
                      "insert into "
                          + errorTable
                          + " (job_id, row_no, column_no, message_key, arguments, scope_path)"
                          + " values (?, ?, ?, ?, ?, ?)")
                  .params(
                      job.id(),
                      e.row(),
                      e.column().index(),
                      e.messageKey(),
                      e.arguments().toArray(String[]::new),
                      job.scopePath())
                  .update();
            }
          }
          jdbc.sql(
                  "update "
                      + jobTable
                      + " set status = 'REFUSED', total_rows = ?, checked_rows = ?,"
                      + " written_rows = 0, error_count = ?, error_workbook = true, progress = 100,"
                      + " finished_at = ? where id = ?")
              .params(rows, rows, count, OffsetDateTime.now(clock), job.id())
              .update();
        });
  }

  /** The import failed as a whole (not a workbook, not the template, or broken off). */
  public void fail(long jobId, String messageKey, Object... arguments) {
    String[] args = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      args[i] = String.valueOf(arguments[i]);
    }
    separately.executeWithoutResult(
        tx ->
            jdbc.sql(
                    "update "
                        + jobTable
                        + " set status = 'FAILED', failure_key = ?, failure_args = ?,"
                        + " written_rows = 0, progress = 100, finished_at = ? where id = ?")
                .params(messageKey, args, OffsetDateTime.now(clock), jobId)
                .update());
  }

  /**
   * Marks the imports that a stop of the application cut off as failed, so that nobody waits for
   * them: their transaction was rolled back, nothing of them was written. Work of the system
   * itself, over every scope.
   *
   * @return how many imports were cut off
   */
  public int failInterrupted() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "update "
                        + jobTable
                        + " set status = 'FAILED', failure_key = ?, written_rows = 0,"
                        + " progress = 100, finished_at = ?"
                        + " where status in ('QUEUED', 'CHECKING', 'WRITING')")
                .params(name + ".interrupted", OffsetDateTime.now(clock))
                .update());
  }

  private static ImportJob job(ResultSet rs, int n) throws SQLException {
    var finished = rs.getTimestamp("finished_at");
    return new ImportJob(
        rs.getLong("id"),
        rs.getString("file_name"),
        ImportStatus.valueOf(rs.getString("status")),
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
