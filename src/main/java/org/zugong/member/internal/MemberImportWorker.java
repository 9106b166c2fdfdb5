package org.zugong.member.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.MemberImportStatus;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.OrganizationCheck;
import org.zugong.member.imports.RowRules;
import org.zugong.member.imports.Vocabulary;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DataScope;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.SheetReader;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Runs an import in the background as the user who uploaded it (their scope applies to every
 * statement). It reads the sheet as a stream once to check every cell, while a {@link
 * MemberImportWriter} writes the valid rows in one transaction as they come; a sheet with a bad
 * cell is read a second time, to copy it into the error workbook. Before that, a scan of the
 * sheet's XML (no parse) counts its rows for the progress.
 */
@Component
public class MemberImportWorker {

  private static final Logger log = LoggerFactory.getLogger(MemberImportWorker.class);

  /** The most rows one import takes. */
  public static final int MAX_ROWS = MemberSheetWriter.MAX_ROWS;

  /** The errors kept in the database for the page; the error workbook has all of them. */
  static final int STORED_ERRORS = 200;

  private static final long PROGRESS_NANOS = 500_000_000L;
  private static final int LOOKUP_BATCH = 1_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final TransactionTemplate separately;
  private final BulkCopy bulkCopy;
  private final PersonalDataCipher cipher;
  private final Organizations organizations;
  private final MemberImportFiles files;
  private final MemberSheetWriter sheets;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Vocabulary vocabulary;
  // Imports are heavy: two at a time, the rest wait in the queue (status QUEUED). An import cut off
  // by a stop has written nothing (its transaction dies with the connection); see failInterrupted.
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().name("member-import-", 1).daemon(true).factory());

  MemberImportWorker(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      BulkCopy bulkCopy,
      PersonalDataCipher cipher,
      Organizations organizations,
      MemberImportFiles files,
      MemberSheetWriter sheets,
      MessageSource messages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.bulkCopy = bulkCopy;
    this.cipher = cipher;
    this.organizations = organizations;
    this.files = files;
    this.sheets = sheets;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
    this.vocabulary = new Vocabulary(this::labels);
  }

  /** Starts the import of a saved upload as the given user; returns at once. */
  public void submit(long jobId, Authentication uploader) {
    // A context of its own: the request's context is cleared at sign-out while the import runs.
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(uploader);
    executor.execute(new DelegatingSecurityContextRunnable(() -> run(jobId), context));
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    int cutOff = failInterrupted();
    if (cutOff > 0) {
      log.warn("{} member imports were cut off by the last stop and are marked failed", cutOff);
    }
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
                    """
                    update member_import_job set status = 'FAILED', failure_key = 'member-import.interrupted',
                      written_rows = 0, progress = 100, finished_at = ?
                    where status in ('QUEUED', 'CHECKING', 'WRITING')
                    """)
                .param(OffsetDateTime.now(clock))
                .update());
  }

  /** What the worker needs of the job row. */
  private record Job(
      long id, String fileName, Locale locale, String scopePath, String uploadedBy) {}

  void run(long jobId) {
    Job job =
        jdbc.sql(
                "select id, file_name, locale, scope_path, uploaded_by from member_import_job where id = ?")
            .param(jobId)
            .query(
                (rs, n) ->
                    new Job(
                        rs.getLong(1),
                        rs.getString(2),
                        Locale.forLanguageTag(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
            .optional()
            .orElse(null);
    if (job == null) {
      return;
    }
    Path upload = files.upload(jobId);
    long start = System.nanoTime();
    try {
      status(jobId, MemberImportStatus.CHECKING, 0, 0, 1);
      Pass pass = pass(job, upload, start);
      if (pass.errors().isEmpty()) {
        log.info("Member import {}: {} members written, {} ms", jobId, pass.rows(), millis(start));
      } else {
        refuse(job, upload, pass.rows(), pass.errors());
        log.info(
            "Member import {}: {} rows with errors, refused, error workbook written, {} ms",
            jobId,
            pass.errors().size(),
            millis(start));
      }
    } catch (InvalidValueException e) {
      fail(jobId, e.messageKey(), e.arguments());
    } catch (RuntimeException e) {
      log.error("Member import {} failed", jobId, e);
      fail(jobId, "member-import.failed");
    } finally {
      files.deleteUpload(jobId);
    }
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  // ---- the pass -------------------------------------------------------------------------------

  /** The rows of the sheet and the errors found in them (none: every row was written). */
  private record Pass(int rows, SortedMap<Integer, List<CellError>> errors) {}

  /**
   * The one pass over the sheet. Every cell of every row is checked; while no bad cell has been
   * found, the valid rows stream to the {@link MemberImportWriter}, which writes them in one
   * transaction as they come. At the first bad cell the writer rolls back and the pass goes on
   * checking, to name every bad cell; the ID numbers of the later valid rows are looked up here.
   * The transaction commits only after the last row, if no row was refused.
   */
  private Pass pass(Job job, Path upload, long start) {
    // A quick scan of the sheet's XML for its rows gives the progress its total. It runs beside the
    // pass, while the database still waits for the first rows.
    CompletableFuture<Integer> estimate =
        CompletableFuture.supplyAsync(
            () -> Math.max(0, SheetReader.rowTags(upload, MAX_ROWS + 2) - 1),
            task -> Thread.ofVirtual().name("member-import-count-" + job.id()).start(task));
    try (SheetReader reader = sheets.workbooks().open(upload)) {
      header(reader, job.locale());
      RowRules rules =
          new RowRules(vocabulary, organizationLookup(), LocalDate.now(clock), reader.date1904());
      SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
      Map<Integer, IdCardNumber> pending = new HashMap<>();
      MemberImportWriter writer =
          new MemberImportWriter(
                  jdbc,
                  writing,
                  bulkCopy,
                  cipher,
                  events,
                  clock,
                  new MemberImportWriter.Job(
                      job.id(), job.fileName(), job.scopePath(), job.uploadedBy()))
              .start();
      try {
        Progress progress = new Progress(job.id(), estimate, writer);
        int rows = 0;
        for (Optional<SheetReader.SheetRow> next = reader.nextRow();
            next.isPresent();
            next = reader.nextRow()) {
          SheetReader.SheetRow row = next.get();
          if (++rows > MAX_ROWS) {
            throw new InvalidValueException("member-import.invalid.too-many", MAX_ROWS);
          }
          switch (rules.check(row.number(), row.cells())) {
            case RowRules.Result.Valid v -> {
              if (errors.isEmpty()) {
                writer.add(v.row());
              } else {
                pending.put(row.number(), v.row().person().idNumber());
                if (pending.size() >= LOOKUP_BATCH) {
                  alreadyMembers(pending, errors);
                }
              }
            }
            case RowRules.Result.Invalid i -> {
              if (errors.isEmpty()) {
                writer.abort();
                log.info(
                    "Member import {}: a bad cell in row {}, writing stopped, {} ms",
                    job.id(),
                    row.number(),
                    millis(start));
              }
              errors.put(row.number(), i.errors());
            }
          }
          progress.checked(rows);
        }
        if (rows == 0) {
          throw new InvalidValueException("member-import.invalid.empty");
        }
        log.info(
            "Member import {}: {} rows read and checked, {} ms", job.id(), rows, millis(start));
        if (errors.isEmpty()) {
          writer.finish();
          progress.writing(rows);
        } else {
          alreadyMembers(pending, errors);
        }
        int total = rows;
        MemberImportWriter.Outcome outcome = writer.outcome(() -> progress.writing(total));
        errors.putAll(outcome.errors());
        return new Pass(rows, errors);
      } finally {
        writer.close();
      }
    }
  }

  /** The header is the template's. */
  private void header(SheetReader reader, Locale locale) {
    List<String> header =
        reader.header().orElseThrow(() -> new InvalidValueException("member-import.invalid.empty"));
    for (MemberColumn c : MemberColumn.values()) {
      String found = normalize(header.get(c.index()));
      if (labels(c.headerKey()).stream()
          .map(MemberImportWorker::normalize)
          .noneMatch(found::equals)) {
        throw new InvalidValueException(
            "member-import.invalid.header",
            c.letter(),
            messages.getMessage(c.headerKey(), null, locale));
      }
    }
  }

  /** The progress of one import, recorded about twice a second. */
  private final class Progress {
    private final long jobId;
    private final CompletableFuture<Integer> estimate;
    private final MemberImportWriter writer;
    private long next = System.nanoTime() + PROGRESS_NANOS;

    Progress(long jobId, CompletableFuture<Integer> estimate, MemberImportWriter writer) {
      this.jobId = jobId;
      this.estimate = estimate;
      this.writer = writer;
    }

    /** While reading: rows checked (and written, as far as the writer has come) of the total. */
    void checked(int rows) {
      if ((rows & 0xFF) == 0 && System.nanoTime() >= next) {
        // Until the scan has counted the rows (or where it could not), the share stays at 1 %.
        int counted = estimate.getNow(0);
        int total = Math.max(rows, counted);
        status(
            jobId,
            MemberImportStatus.CHECKING,
            total,
            rows,
            counted > 0 ? 1 + (int) (89L * rows / total) : 1,
            writer.written());
        next = System.nanoTime() + PROGRESS_NANOS;
      }
    }

    /** After the last row: the writer writes the last chunks and commits. */
    void writing(int rows) {
      int written = writer.written();
      status(
          jobId, MemberImportStatus.WRITING, rows, rows, 90 + (int) (9L * written / rows), written);
    }
  }

  /** Marks the rows whose ID number belongs to a member the uploader can see. */
  private void alreadyMembers(
      Map<Integer, IdCardNumber> pending, SortedMap<Integer, List<CellError>> errors) {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, Integer> rowOfIndex = new HashMap<>();
    pending.forEach((row, id) -> rowOfIndex.put(cipher.blindIndex(id.value()), row));
    Set<String> taken =
        new HashSet<>(
            jdbc.sql("select id_number_index from member where id_number_index = any(?)")
                .param(rowOfIndex.keySet().toArray(String[]::new))
                .query(String.class)
                .list());
    for (String index : taken) {
      int row = rowOfIndex.get(index);
      errors.put(
          row,
          List.of(
              CellError.of(
                  row,
                  MemberColumn.ID_NUMBER,
                  "member-import.invalid.registered",
                  pending.get(row).masked())));
    }
    pending.clear();
  }

  /** Writes the error workbook and records the refusal: nothing of the sheet was written. */
  private void refuse(Job job, Path upload, int rows, SortedMap<Integer, List<CellError>> errors) {
    Path target = files.errorWorkbook(job.id());
    try (OutputStream out = Files.newOutputStream(target)) {
      sheets.errorWorkbook(upload, out, job.locale(), errors);
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
                      """
                      insert into member_import_error (job_id, row_no, column_no, message_key, arguments, scope_path)
                      values (?, ?, ?, ?, ?, ?)
                      """)
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
                  """
                  update member_import_job set status = 'REFUSED', total_rows = ?, checked_rows = ?,
                    written_rows = 0, error_count = ?, error_workbook = true, progress = 100,
                    finished_at = ? where id = ?
                  """)
              .params(rows, rows, count, OffsetDateTime.now(clock), job.id())
              .update();
        });
  }

  private void fail(long jobId, String messageKey, Object... arguments) {
    String[] args = new String[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      args[i] = String.valueOf(arguments[i]);
    }
    separately.executeWithoutResult(
        tx ->
            jdbc.sql(
                    """
                    update member_import_job set status = 'FAILED', failure_key = ?, failure_args = ?,
                      written_rows = 0, progress = 100, finished_at = ? where id = ?
                    """)
                .params(messageKey, args, OffsetDateTime.now(clock), jobId)
                .update());
  }

  private void status(long jobId, MemberImportStatus status, int total, int checked, int progress) {
    status(jobId, status, total, checked, progress, 0);
  }

  /** Records progress in a transaction of its own, so the page sees it while the import runs. */
  private void status(
      long jobId, MemberImportStatus status, int total, int checked, int progress, int written) {
    separately.executeWithoutResult(
        tx ->
            jdbc.sql(
                    """
                    update member_import_job set status = ?, total_rows = ?, checked_rows = ?,
                      written_rows = ?, progress = ?, started_at = coalesce(started_at, ?)
                    where id = ? and status not in ('DONE', 'REFUSED', 'FAILED')
                    """)
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

  // ---- organizations and texts -----------------------------------------------------------------

  /**
   * What an organization code names in the uploader's scope. The active branches and general
   * branches in scope are read at once (a sheet spreads its rows over many); any other code is
   * looked up on its own, once.
   */
  private Function<String, OrganizationCheck> organizationLookup() {
    Map<String, OrganizationCheck> known = new HashMap<>();
    for (OrganizationKind kind :
        List.of(OrganizationKind.BRANCH, OrganizationKind.GENERAL_BRANCH)) {
      int page = 0;
      Organizations.Page result;
      do {
        result = organizations.search("", kind, null, page++, 10_000);
        for (OrganizationView o : result.rows()) {
          known.put(o.code(), check(o));
        }
      } while (result.rows().size() == result.size());
    }
    return code ->
        known.computeIfAbsent(
            code,
            c ->
                organizations
                    .findByCode(c)
                    .map(MemberImportWorker::check)
                    .orElseGet(OrganizationCheck.Unknown::new));
  }

  private static OrganizationCheck check(OrganizationView o) {
    if (!o.active()) {
      return new OrganizationCheck.Dissolved(o.name());
    }
    if (!o.kind().holdsMembers()) {
      return new OrganizationCheck.CannotHold(o.name());
    }
    return new OrganizationCheck.Holds(o.id(), o.name(), o.path(), o.treePath());
  }

  /** A key's text in Chinese and in English: a sheet may be filled in either. */
  private List<String> labels(String key) {
    List<String> labels = new ArrayList<>(2);
    for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
      String text = messages.getMessage(key, null, null, l);
      if (text != null) {
        labels.add(text);
      }
    }
    return labels;
  }

  private static String normalize(String header) {
    return header.replace("*", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
