package org.zugong.organization.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.organization.OrganizationEvent;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.organization.imports.ImportRow;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.ParentCheck;
import org.zugong.organization.imports.RowRules;
import org.zugong.organization.imports.Vocabulary;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.ImportJobs;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.platform.spreadsheet.SheetImportWorker;
import org.zugong.platform.spreadsheet.SheetReader;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
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
public class OrganizationImportWorker extends SheetImportWorker<OrganizationColumn> {

  /** The most rows one import takes. */
  public static final int MAX_ROWS = OrganizationSheetWriter.MAX_ROWS;

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
  private final BulkCopy bulkCopy;
  private final Organizations organizations;
  private final Regions regions;
  private final Clock clock;
  private final Vocabulary vocabulary;

  OrganizationImportWorker(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      BulkCopy bulkCopy,
      Organizations organizations,
      Regions regions,
      OrganizationImportJobs jobs,
      OrganizationImportFiles files,
      OrganizationSheetWriter sheets,
      MessageSource messages,
      Clock clock) {
    // One import at a time.
    super(jobs, files, sheets.workbooks(), messages, 1, "Organization");
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.bulkCopy = bulkCopy;
    this.organizations = organizations;
    this.regions = regions;
    this.clock = clock;
    this.vocabulary = new Vocabulary(this::labels);
  }

  @Override
  protected void importSheet(ImportJobs.Job job, Path upload, long start) {
    Scan scan = scan(upload, job.locale());
    log.info(
        "Organization import {}: {} rows counted in {} ms", job.id(), scan.rows(), millis(start));
    Lookups lookups = new Lookups();
    SortedMap<Integer, List<CellError>> errors = check(job, upload, scan, lookups);
    log.info(
        "Organization import {}: checked, {} rows with errors, {} ms",
        job.id(),
        errors.size(),
        millis(start));
    if (!errors.isEmpty()) {
      jobs.refuse(job, upload, scan.rows(), errors, workbooks, files);
      return;
    }
    write(job, upload, scan, lookups);
    log.info(
        "Organization import {}: {} organizations written, {} ms",
        job.id(),
        scan.rows(),
        millis(start));
  }

  // ---- the passes ------------------------------------------------------------------------------

  private record Scan(int rows, boolean date1904) {}

  /** First pass: the header is the template's, and the sheet has between 1 and MAX_ROWS rows. */
  private Scan scan(Path upload, Locale locale) {
    try (SheetReader reader = workbooks.open(upload)) {
      header(reader, locale);
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
      ImportJobs.Job job, Path upload, Scan scan, Lookups lookups) {
    jobs.status(job.id(), ImportStatus.CHECKING, scan.rows(), 0, 2);
    RowRules rules = lookups.rules(scan.date1904());
    SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
    int checked = 0;
    try (SheetReader reader = workbooks.open(upload)) {
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
          jobs.status(
              job.id(),
              ImportStatus.CHECKING,
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
  private void write(ImportJobs.Job job, Path upload, Scan scan, Lookups lookups) {
    jobs.status(job.id(), ImportStatus.WRITING, scan.rows(), scan.rows(), 60);
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
          try (SheetReader reader = workbooks.open(upload)) {
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
                jobs.status(
                    job.id(),
                    ImportStatus.WRITING,
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
          jobs.done(job, copied, "organizations");
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

  // ---- organizations and regions --------------------------------------------------------------

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
}
