package org.zugong.member.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.OrganizationCheck;
import org.zugong.member.imports.RowRules;
import org.zugong.member.imports.Vocabulary;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.ImportJobs;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.platform.spreadsheet.SheetImportWorker;
import org.zugong.platform.spreadsheet.SheetReader;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Runs a member import in the background as the user who uploaded it (their scope applies to every
 * statement). It reads the sheet as a stream once to check every cell, while a {@link
 * MemberImportWriter} writes the valid rows in one transaction as they come; a sheet with a bad
 * cell is read a second time, to copy it into the error workbook. Before that, a scan of the
 * sheet's XML (no parse) counts its rows for the progress.
 */
@Component
public class MemberImportWorker extends SheetImportWorker<MemberColumn> {

  /** The most rows one import takes. */
  public static final int MAX_ROWS = MemberSheetWriter.MAX_ROWS;

  private static final long PROGRESS_NANOS = 500_000_000L;
  private static final int LOOKUP_BATCH = 1_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final BulkCopy bulkCopy;
  private final PersonalDataCipher cipher;
  private final Organizations organizations;
  private final Clock clock;
  private final Vocabulary vocabulary;

  MemberImportWorker(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      BulkCopy bulkCopy,
      PersonalDataCipher cipher,
      Organizations organizations,
      MemberImportJobs jobs,
      MemberImportFiles files,
      MemberSheetWriter sheets,
      MessageSource messages,
      Clock clock) {
    // Two imports at a time.
    super(jobs, files, sheets.workbooks(), messages, 2, "Member");
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.bulkCopy = bulkCopy;
    this.cipher = cipher;
    this.organizations = organizations;
    this.clock = clock;
    this.vocabulary = new Vocabulary(this::labels);
  }

  @Override
  protected void importSheet(ImportJobs.Job job, Path upload, long start) {
    Pass pass = pass(job, upload, start);
    if (pass.errors().isEmpty()) {
      log.info("Member import {}: {} members written, {} ms", job.id(), pass.rows(), millis(start));
    } else {
      jobs.refuse(job, upload, pass.rows(), pass.errors(), workbooks, files);
      log.info(
          "Member import {}: {} rows with errors, refused, error workbook written, {} ms",
          job.id(),
          pass.errors().size(),
          millis(start));
    }
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
  private Pass pass(ImportJobs.Job job, Path upload, long start) {
    // A quick scan of the sheet's XML for its rows gives the progress its total. It runs beside the
    // pass, while the database still waits for the first rows.
    CompletableFuture<Integer> estimate =
        CompletableFuture.supplyAsync(
            () -> Math.max(0, SheetReader.rowTags(upload, MAX_ROWS + 2) - 1),
            task -> Thread.ofVirtual().name("member-import-count-" + job.id()).start(task));
    try (SheetReader reader = workbooks.open(upload)) {
      header(reader, job.locale());
      RowRules rules =
          new RowRules(vocabulary, organizationLookup(), LocalDate.now(clock), reader.date1904());
      SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
      Map<Integer, IdCardNumber> pending = new HashMap<>();
      MemberImportWriter writer =
          new MemberImportWriter(jdbc, writing, bulkCopy, cipher, jobs, clock, job).start();
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
        jobs.status(
            jobId,
            ImportStatus.CHECKING,
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
      jobs.status(
          jobId, ImportStatus.WRITING, rows, rows, 90 + (int) (9L * written / rows), written);
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

  // ---- organizations --------------------------------------------------------------------------

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
}
