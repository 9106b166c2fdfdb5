package org.zugong.organization.internal;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.zugong.organization.OrganizationEvent;
import org.zugong.organization.OrganizationImportStatus;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.organization.imports.ImportRow;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.ParentCheck;
import org.zugong.organization.imports.RowRules;
import org.zugong.organization.imports.Vocabulary;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DataScope;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.SheetReader;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;

/**
 * Runs an organization import in the background as the user who uploaded it (their scope applies to
 * every statement). It reads the sheet as a stream three times at most: to count its rows, to check
 * every cell, and either to write every row in one transaction or to copy the sheet into the error
 * workbook. The organizations are written as {@link Organizations#establish} writes one — the
 * organization row, its first version (the tree as it stands from its establishment) and its
 * ESTABLISHED event — by COPY, three statements for the whole sheet.
 */
@Component
public class OrganizationImportWorker {

  private static final Logger log = LoggerFactory.getLogger(OrganizationImportWorker.class);

  /** The most rows one import takes. */
  public static final int MAX_ROWS = OrganizationSheetWriter.MAX_ROWS;

  /** The errors kept in the database for the page; the error workbook has all of them. */
  static final int STORED_ERRORS = 200;

  private static final int PROGRESS_EVERY = 2_000;

  private static final List<String> ORGANIZATION_COLUMNS =
      List.of(
          "id",
          "code",
          "name",
          "kind",
          "category",
          "unit_type",
          "unit_name",
          "trade",
          "region_code",
          "parent_id",
          "path",
          "tree_path",
          "depth",
          "established_on",
          "secretary_name");
  private static final List<String> VERSION_COLUMNS =
      List.of(
          "organization_id",
          "valid_from",
          "name",
          "kind",
          "category",
          "parent_id",
          "path",
          "region_code");
  private static final List<String> EVENT_COLUMNS =
      List.of(
          "organization_id",
          "effective_on",
          "kind",
          "old_value",
          "new_value",
          "path",
          "recorded_by",
          "recorded_at");

  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final TransactionTemplate separately;
  private final BulkCopy bulkCopy;
  private final Organizations organizations;
  private final Regions regions;
  private final OrganizationImportFiles files;
  private final OrganizationSheetWriter sheets;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Vocabulary vocabulary;
  // One import at a time, the rest wait in the queue (status QUEUED). An import cut off by a stop
  // has written nothing (its transaction dies with the connection); see failInterrupted.
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("organization-import-", 1).daemon(true).factory());

  OrganizationImportWorker(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      BulkCopy bulkCopy,
      Organizations organizations,
      Regions regions,
      OrganizationImportFiles files,
      OrganizationSheetWriter sheets,
      MessageSource messages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.bulkCopy = bulkCopy;
    this.organizations = organizations;
    this.regions = regions;
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
      log.warn(
          "{} organization imports were cut off by the last stop and are marked failed", cutOff);
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
                    update organization_import_job set status = 'FAILED',
                      failure_key = 'organization-import.interrupted', progress = 100, finished_at = ?
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
                "select id, file_name, locale, scope_path, uploaded_by from organization_import_job"
                    + " where id = ?")
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
      status(jobId, OrganizationImportStatus.CHECKING, 0, 0, 1);
      Scan scan = scan(upload, job.locale());
      log.info(
          "Organization import {}: {} rows counted in {} ms", jobId, scan.rows(), millis(start));
      Lookups lookups = new Lookups();
      SortedMap<Integer, List<CellError>> errors = check(job, upload, scan, lookups);
      log.info(
          "Organization import {}: checked, {} rows with errors, {} ms",
          jobId,
          errors.size(),
          millis(start));
      if (!errors.isEmpty()) {
        refuse(job, upload, scan, errors);
        return;
      }
      write(job, upload, scan, lookups);
      log.info(
          "Organization import {}: {} organizations written, {} ms",
          jobId,
          scan.rows(),
          millis(start));
    } catch (InvalidValueException e) {
      fail(jobId, e.messageKey(), e.arguments());
    } catch (RuntimeException e) {
      log.error("Organization import {} failed", jobId, e);
      fail(jobId, "organization-import.failed");
    } finally {
      files.deleteUpload(jobId);
    }
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  // ---- the passes ------------------------------------------------------------------------------

  private record Scan(int rows, boolean date1904) {}

  /** First pass: the header is the template's, and the sheet has between 1 and MAX_ROWS rows. */
  private Scan scan(Path upload, Locale locale) {
    try (SheetReader reader = sheets.workbooks().open(upload)) {
      List<String> header =
          reader
              .header()
              .orElseThrow(() -> new InvalidValueException("organization-import.invalid.empty"));
      for (OrganizationColumn c : OrganizationColumn.values()) {
        String found = normalize(header.get(c.index()));
        if (labels(c.headerKey()).stream()
            .map(OrganizationImportWorker::normalize)
            .noneMatch(found::equals)) {
          throw new InvalidValueException(
              "organization-import.invalid.header",
              c.letter(),
              messages.getMessage(c.headerKey(), null, locale));
        }
      }
      int rows = 0;
      while (reader.nextRow().isPresent()) {
        rows++;
        if (rows > MAX_ROWS) {
          throw new InvalidValueException("organization-import.invalid.too-many", MAX_ROWS);
        }
      }
      if (rows == 0) {
        throw new InvalidValueException("organization-import.invalid.empty");
      }
      return new Scan(rows, reader.date1904());
    }
  }

  /** Second pass: every cell of every row. */
  private SortedMap<Integer, List<CellError>> check(
      Job job, Path upload, Scan scan, Lookups lookups) {
    status(job.id(), OrganizationImportStatus.CHECKING, scan.rows(), 0, 2);
    RowRules rules = lookups.rules(scan.date1904());
    SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
    int checked = 0;
    try (SheetReader reader = sheets.workbooks().open(upload)) {
      reader.header();
      for (Optional<SheetReader.SheetRow> next = reader.nextRow();
          next.isPresent();
          next = reader.nextRow()) {
        SheetReader.SheetRow row = next.get();
        if (rules.check(row.number(), row.cells()) instanceof RowRules.Result.Invalid i) {
          errors.put(row.number(), i.errors());
        }
        checked++;
        if (checked % PROGRESS_EVERY == 0) {
          status(
              job.id(),
              OrganizationImportStatus.CHECKING,
              scan.rows(),
              checked,
              2 + (int) (58L * checked / scan.rows()));
        }
      }
    }
    return errors;
  }

  /** Where an organization of the sheet went: what its children need to be placed under it. */
  private record Placed(long id, String regionCode, ScopePath path, ScopePath treePath) {}

  /** Third pass: every row in one transaction, or none. */
  private void write(Job job, Path upload, Scan scan, Lookups lookups) {
    status(job.id(), OrganizationImportStatus.WRITING, scan.rows(), scan.rows(), 60);
    OffsetDateTime now = OffsetDateTime.now(clock);
    writing.executeWithoutResult(
        tx -> {
          long[] ids = ids(scan.rows());
          BulkCopy.Copy orgs = bulkCopy.into("organization", ORGANIZATION_COLUMNS);
          BulkCopy.Copy versions = bulkCopy.into("organization_version", VERSION_COLUMNS);
          BulkCopy.Copy established = bulkCopy.into("organization_event", EVENT_COLUMNS);
          Map<Integer, Placed> placed = new HashMap<>();
          RowRules rules = lookups.rules(scan.date1904());
          int copied = 0;
          try (SheetReader reader = sheets.workbooks().open(upload)) {
            reader.header();
            for (Optional<SheetReader.SheetRow> next = reader.nextRow();
                next.isPresent();
                next = reader.nextRow()) {
              SheetReader.SheetRow row = next.get();
              if (!(rules.check(row.number(), row.cells()) instanceof RowRules.Result.Valid v)) {
                throw new IllegalStateException("Row " + row.number() + " changed after its check");
              }
              ImportRow r = v.row();
              long id = ids[copied];
              Placed parent =
                  switch (r.parent()) {
                    case ImportRow.Top t -> null;
                    case ImportRow.Existing e ->
                        new Placed(
                            e.organization().id(),
                            e.organization().regionCode(),
                            e.organization().path(),
                            e.organization().treePath());
                    case ImportRow.InSheet s -> placed.get(s.row());
                  };
              // Placed as Organizations.establish places one: under its parent's path where they
              // share a region, else under its region's.
              ScopePath base =
                  parent != null && parent.regionCode().equals(r.regionCode())
                      ? parent.path()
                      : r.regionPath();
              ScopePath path = base.child("o" + id);
              ScopePath treePath =
                  (parent == null ? ScopePath.ROOT : parent.treePath()).child("o" + id);
              if (r.kind() != OrganizationKind.GROUP) {
                placed.put(r.row(), new Placed(id, r.regionCode(), path, treePath));
              }
              Long parentId = parent == null ? null : parent.id();
              orgs.row(
                  id,
                  String.format("O%06d", id),
                  r.name(),
                  r.kind().name(),
                  r.category().name(),
                  r.unitType().name(),
                  r.unitName(),
                  r.trade(),
                  r.regionCode(),
                  parentId,
                  path.value(),
                  treePath.value(),
                  path.value().split("/").length - 1,
                  r.establishedOn(),
                  r.secretaryName());
              versions.row(
                  id,
                  r.establishedOn(),
                  r.name(),
                  r.kind().name(),
                  r.category().name(),
                  parentId,
                  path.value(),
                  r.regionCode());
              established.row(
                  id,
                  r.establishedOn(),
                  OrganizationEvent.Kind.ESTABLISHED.name(),
                  null,
                  r.name(),
                  path.value(),
                  job.uploadedBy(),
                  now);
              copied++;
              if (copied % PROGRESS_EVERY == 0) {
                status(
                    job.id(),
                    OrganizationImportStatus.WRITING,
                    scan.rows(),
                    scan.rows(),
                    60 + (int) (30L * copied / scan.rows()),
                    copied);
              }
            }
          }
          orgs.finish();
          versions.finish();
          established.finish();
          jdbc.sql(
                  """
                  update organization_import_job set status = 'DONE', total_rows = :rows,
                    checked_rows = :rows, written_rows = :rows, progress = 100, finished_at = :now
                  where id = :id
                  """)
              .param("rows", copied)
              .param("now", OffsetDateTime.now(clock))
              .param("id", job.id())
              .update();
          events.publishEvent(
              new RecordChanged(
                  "organization-import",
                  Long.toString(job.id()),
                  "import",
                  job.scopePath(),
                  Map.of(
                      "file", new RecordChanged.Change(null, job.fileName()),
                      "organizations", new RecordChanged.Change(null, Integer.toString(copied)))));
        });
  }

  /** Ids for {@code count} new organizations, taken from the sequence in one statement. */
  private long[] ids(int count) {
    long[] ids = new long[count];
    int[] i = {0};
    jdbc.sql("select nextval('organization_id_seq') from generate_series(1, ?)")
        .param(count)
        .query(
            rs -> {
              ids[i[0]++] = rs.getLong(1);
            });
    return ids;
  }

  /** Writes the error workbook and records the refusal: nothing of the sheet was written. */
  private void refuse(Job job, Path upload, Scan scan, SortedMap<Integer, List<CellError>> errors) {
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
                      insert into organization_import_error (job_id, row_no, column_no, message_key,
                        arguments, scope_path) values (?, ?, ?, ?, ?, ?)
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
                  update organization_import_job set status = 'REFUSED', total_rows = ?,
                    checked_rows = ?, error_count = ?, error_workbook = true, progress = 100,
                    finished_at = ? where id = ?
                  """)
              .params(scan.rows(), scan.rows(), count, OffsetDateTime.now(clock), job.id())
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
                    update organization_import_job set status = 'FAILED', failure_key = ?,
                      failure_args = ?, progress = 100, finished_at = ? where id = ?
                    """)
                .params(messageKey, args, OffsetDateTime.now(clock), jobId)
                .update());
  }

  private void status(
      long jobId, OrganizationImportStatus status, int total, int checked, int progress) {
    status(jobId, status, total, checked, progress, 0);
  }

  /** Records progress in a transaction of its own, so the page sees it while the import runs. */
  private void status(
      long jobId,
      OrganizationImportStatus status,
      int total,
      int checked,
      int progress,
      int written) {
    separately.executeWithoutResult(
        tx ->
            jdbc.sql(
                    """
                    update organization_import_job set status = ?, total_rows = ?, checked_rows = ?,
                      written_rows = ?, progress = ?, started_at = coalesce(started_at, ?) where id = ?
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

  // ---- organizations, regions and texts --------------------------------------------------------

  /**
   * What the sheet's codes name in the uploader's scope, each looked up once per import: parent
   * organizations by code, regions by code, and the names of a parent's active children.
   */
  private final class Lookups {
    private final Map<String, ParentCheck> parents = new HashMap<>();
    private final Map<String, Optional<ScopePath>> regionPaths = new HashMap<>();
    private final Map<Long, Set<String>> childNames = new HashMap<>();

    RowRules rules(boolean date1904) {
      return new RowRules(
          vocabulary,
          code -> parents.computeIfAbsent(code, this::parent),
          code -> regionPaths.computeIfAbsent(code, regions::pathOf),
          id -> childNames.computeIfAbsent(id, this::childNames),
          LocalDate.now(clock),
          date1904);
    }

    private ParentCheck parent(String code) {
      return organizations
          .findByCode(code)
          .map(OrganizationImportWorker::check)
          .orElseGet(ParentCheck.Unknown::new);
    }

    private Set<String> childNames(long parentId) {
      return new HashSet<>(
          jdbc.sql("select name from organization where parent_id = ? and dissolved_on is null")
              .param(parentId)
              .query(String.class)
              .list());
    }
  }

  private static ParentCheck check(OrganizationView o) {
    if (!o.active()) {
      return new ParentCheck.Dissolved(o.name());
    }
    return new ParentCheck.Existing(
        o.id(), o.name(), o.kind(), o.regionCode(), o.path(), o.treePath(), o.establishedOn());
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
