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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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
import org.zugong.member.imports.CellError;
import org.zugong.member.imports.ImportRow;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.OrganizationCheck;
import org.zugong.member.imports.RowRules;
import org.zugong.member.imports.Vocabulary;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DataScope;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;

/**
 * Runs an import in the background as the user who uploaded it (their scope applies to every
 * statement). It reads the sheet as a stream three times at most: to count its rows, to check every
 * cell, and either to write every row in one transaction or to copy the sheet into the error
 * workbook. Rows go to the database by COPY into a temporary table, from which persons, members and
 * their events are inserted with one statement each.
 */
@Component
public class MemberImportWorker {

  private static final Logger log = LoggerFactory.getLogger(MemberImportWorker.class);

  /** The most rows one import takes. */
  public static final int MAX_ROWS = MemberSheetWriter.MAX_ROWS;

  /** The errors kept in the database for the page; the error workbook has all of them. */
  static final int STORED_ERRORS = 200;

  private static final int PROGRESS_EVERY = 2_000;
  private static final int LOOKUP_BATCH = 1_000;

  private static final List<String> ROW_COLUMNS =
      List.of(
          "row_no",
          "person_id",
          "member_id",
          "name",
          "gender",
          "ethnicity",
          "birth_date",
          "id_number_cipher",
          "id_number_index",
          "id_number_masked",
          "phone_cipher",
          "phone_masked",
          "education",
          "occupation",
          "category",
          "new_employment_group",
          "organization_id",
          "scope_path",
          "org_path",
          "stage",
          "joined_on",
          "full_on",
          "dues_category");

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
                      progress = 100, finished_at = ? where status in ('QUEUED', 'CHECKING', 'WRITING')
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
      Scan scan = scan(upload, job.locale());
      log.info("Member import {}: {} rows counted in {} ms", jobId, scan.rows(), millis(start));
      Function<String, OrganizationCheck> lookup = organizationLookup();
      SortedMap<Integer, List<CellError>> errors = check(job, upload, scan, lookup);
      log.info(
          "Member import {}: checked, {} rows with errors, {} ms",
          jobId,
          errors.size(),
          millis(start));
      if (!errors.isEmpty()) {
        refuse(job, upload, scan, errors);
        log.info("Member import {}: refused, error workbook written, {} ms", jobId, millis(start));
        return;
      }
      try {
        write(job, upload, scan, lookup);
        log.info("Member import {}: {} members written, {} ms", jobId, scan.rows(), millis(start));
      } catch (TakenElsewhere e) {
        refuse(job, upload, scan, e.errors);
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

  // ---- the passes ------------------------------------------------------------------------------

  private record Scan(int rows, boolean date1904) {}

  /** First pass: the header is the template's, and the sheet has between 1 and MAX_ROWS rows. */
  private Scan scan(Path upload, Locale locale) {
    try (MemberSheetReader reader = MemberSheetReader.open(upload)) {
      List<String> header =
          reader
              .header()
              .orElseThrow(() -> new InvalidValueException("member-import.invalid.empty"));
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
      int rows = 0;
      while (reader.nextRow().isPresent()) {
        rows++;
        if (rows > MAX_ROWS) {
          throw new InvalidValueException("member-import.invalid.too-many", MAX_ROWS);
        }
      }
      if (rows == 0) {
        throw new InvalidValueException("member-import.invalid.empty");
      }
      return new Scan(rows, reader.date1904());
    }
  }

  /** Second pass: every cell of every row, and ID numbers already in the member register. */
  private SortedMap<Integer, List<CellError>> check(
      Job job, Path upload, Scan scan, Function<String, OrganizationCheck> lookup) {
    status(job.id(), MemberImportStatus.CHECKING, scan.rows(), 0, 2);
    RowRules rules = new RowRules(vocabulary, lookup, LocalDate.now(clock), scan.date1904());
    SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
    Map<Integer, IdCardNumber> pending = new HashMap<>();
    int checked = 0;
    try (MemberSheetReader reader = MemberSheetReader.open(upload)) {
      reader.header();
      for (Optional<MemberSheetReader.SheetRow> next = reader.nextRow();
          next.isPresent();
          next = reader.nextRow()) {
        MemberSheetReader.SheetRow row = next.get();
        switch (rules.check(row.number(), row.cells())) {
          case RowRules.Result.Valid v -> pending.put(row.number(), v.row().person().idNumber());
          case RowRules.Result.Invalid i -> errors.put(row.number(), i.errors());
        }
        if (pending.size() >= LOOKUP_BATCH) {
          alreadyMembers(pending, errors);
        }
        checked++;
        if (checked % PROGRESS_EVERY == 0) {
          status(
              job.id(),
              MemberImportStatus.CHECKING,
              scan.rows(),
              checked,
              2 + (int) (58L * checked / scan.rows()));
        }
      }
    }
    alreadyMembers(pending, errors);
    return errors;
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

  /** An ID number registered outside what the uploader may see, found only when inserting. */
  private static final class TakenElsewhere extends RuntimeException {
    final SortedMap<Integer, List<CellError>> errors;

    TakenElsewhere(SortedMap<Integer, List<CellError>> errors) {
      super("ID numbers already registered", null, false, false);
      this.errors = errors;
    }
  }

  /** Third pass: every row in one transaction, or none. */
  private void write(Job job, Path upload, Scan scan, Function<String, OrganizationCheck> lookup) {
    status(job.id(), MemberImportStatus.WRITING, scan.rows(), scan.rows(), 60);
    OffsetDateTime now = OffsetDateTime.now(clock);
    writing.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  """
                  create temp table member_import_rows (
                    row_no int not null, person_id bigint, member_id bigint, name text, gender text,
                    ethnicity text, birth_date date, id_number_cipher bytea, id_number_index text,
                    id_number_masked text, phone_cipher bytea, phone_masked text, education text,
                    occupation text, category text, new_employment_group text, organization_id bigint,
                    scope_path text collate "C", org_path text collate "C", stage text, joined_on date,
                    full_on date, dues_category text) on commit drop
                  """)
              .update();
          long[] personIds = ids("person_id_seq", scan.rows());
          long[] memberIds = ids("member_id_seq", scan.rows());
          BulkCopy.Copy copy = bulkCopy.into("member_import_rows", ROW_COLUMNS);
          RowRules rules = new RowRules(vocabulary, lookup, LocalDate.now(clock), scan.date1904());
          int copied = 0;
          try (MemberSheetReader reader = MemberSheetReader.open(upload)) {
            reader.header();
            for (Optional<MemberSheetReader.SheetRow> next = reader.nextRow();
                next.isPresent();
                next = reader.nextRow()) {
              MemberSheetReader.SheetRow row = next.get();
              if (!(rules.check(row.number(), row.cells()) instanceof RowRules.Result.Valid v)) {
                throw new IllegalStateException("Row " + row.number() + " changed after its check");
              }
              copy.row(values(v.row(), personIds[copied], memberIds[copied]));
              copied++;
              if (copied % PROGRESS_EVERY == 0) {
                status(
                    job.id(),
                    MemberImportStatus.WRITING,
                    scan.rows(),
                    scan.rows(),
                    60 + (int) (25L * copied / scan.rows()),
                    copied);
              }
            }
          }
          copy.finish();
          long copiedAt = System.nanoTime();
          log.info("Member import {}: {} rows read, checked and copied", job.id(), copied);
          status(job.id(), MemberImportStatus.WRITING, scan.rows(), scan.rows(), 88, copied);
          // The unique ID number index spans every scope: a person registered where the uploader
          // cannot see is found here, as the row that was not inserted.
          int persons =
              jdbc.sql(
                      """
                      insert into person (id, name, gender, ethnicity, birth_date, id_number_cipher,
                        id_number_index, id_number_masked, phone_cipher, phone_masked, education,
                        occupation, category, new_employment_group, scope_path, created_at, updated_at)
                      select person_id, name, gender, ethnicity, birth_date, id_number_cipher,
                        id_number_index, id_number_masked, phone_cipher, phone_masked, education,
                        occupation, category, new_employment_group, scope_path, :now, :now
                      from member_import_rows order by row_no
                      on conflict (id_number_index) do nothing
                      """)
                  .param("now", now)
                  .update();
          log.info("Member import {}: persons inserted in {} ms", job.id(), millis(copiedAt));
          if (persons < copied) {
            SortedMap<Integer, List<CellError>> taken = new TreeMap<>();
            jdbc.sql(
                    "select row_no, id_number_masked from member_import_rows r"
                        + " where not exists (select 1 from person p where p.id = r.person_id)")
                .query(
                    rs -> {
                      int row = rs.getInt(1);
                      taken.put(
                          row,
                          List.of(
                              CellError.of(
                                  row,
                                  MemberColumn.ID_NUMBER,
                                  "member-import.invalid.registered-elsewhere",
                                  rs.getString(2))));
                    });
            throw new TakenElsewhere(taken);
          }
          jdbc.sql(
                  """
                  insert into member (id, person_id, organization_id, scope_path, org_path, name, gender,
                    ethnicity, birth_date, id_number_index, id_number_masked, education, category,
                    new_employment_group, stage, status, joined_on, full_on, dues_category, created_at,
                    updated_at)
                  select member_id, person_id, organization_id, scope_path, org_path, name, gender,
                    ethnicity, birth_date, id_number_index, id_number_masked, education, category,
                    new_employment_group, stage, 'NORMAL', joined_on, full_on, dues_category, :now, :now
                  from member_import_rows order by row_no
                  """)
              .param("now", now)
              .update();
          jdbc.sql(
                  """
                  insert into member_event (member_id, kind, effective_on, organization_id, scope_path,
                    recorded_by, recorded_at)
                  select member_id, 'JOINED', joined_on, organization_id, scope_path, :by, :now
                  from member_import_rows
                  union all
                  select member_id, 'CONVERTED', full_on, organization_id, scope_path, :by, :now
                  from member_import_rows where full_on is not null
                  """)
              .param("by", job.uploadedBy())
              .param("now", now)
              .update();
          log.info(
              "Member import {}: members and events inserted in {} ms", job.id(), millis(copiedAt));
          jdbc.sql(
                  """
                  update member_import_job set status = 'DONE', total_rows = :rows, checked_rows = :rows,
                    written_rows = :rows, progress = 100, finished_at = :now where id = :id
                  """)
              .param("rows", copied)
              .param("now", OffsetDateTime.now(clock))
              .param("id", job.id())
              .update();
          events.publishEvent(
              new RecordChanged(
                  "member-import",
                  Long.toString(job.id()),
                  "import",
                  job.scopePath(),
                  Map.of(
                      "file", new RecordChanged.Change(null, job.fileName()),
                      "members", new RecordChanged.Change(null, Integer.toString(copied)))));
        });
  }

  /** Ids for {@code count} new rows, taken from the sequence in one statement. */
  private long[] ids(String sequence, int count) {
    long[] ids = new long[count];
    int[] i = {0};
    jdbc.sql("select nextval(cast(? as regclass)) from generate_series(1, ?)")
        .params(sequence, count)
        .query(
            rs -> {
              ids[i[0]++] = rs.getLong(1);
            });
    return ids;
  }

  /** The values of one row for the COPY, in the order of {@link #ROW_COLUMNS}. */
  private @Nullable Object[] values(ImportRow r, long personId, long memberId) {
    PersonFacts p = r.person();
    String id = p.idNumber().value();
    String phone = p.phone();
    return new @Nullable Object[] {
      r.row(),
      personId,
      memberId,
      p.name(),
      p.gender().name(),
      p.ethnicity().code(),
      p.birthDate(),
      cipher.encrypt(id),
      cipher.blindIndex(id),
      p.idNumber().masked(),
      phone == null ? null : cipher.encrypt(phone),
      phone == null
          ? null
          : phone.length() < 7
              ? "****"
              : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4),
      p.education().name(),
      p.occupation(),
      p.category().name(),
      p.newEmploymentGroup() == null ? null : p.newEmploymentGroup().name(),
      r.organization().id(),
      r.organization().path().value(),
      r.organization().treePath().value(),
      r.stage().name(),
      r.joinedOn(),
      r.fullOn(),
      duesCategory(p.category())
    };
  }

  /** How dues are computed follows from the occupation (2008 dues regulation, art. 5 and 6). */
  private static String duesCategory(OccupationCategory category) {
    return switch (category) {
      case RETIRED -> "RETIRED";
      case FARMER -> "FARMER";
      case STUDENT -> "STUDENT";
      default -> "SALARIED";
    };
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
                    error_count = ?, error_workbook = true, progress = 100, finished_at = ? where id = ?
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
                    update member_import_job set status = 'FAILED', failure_key = ?, failure_args = ?,
                      progress = 100, finished_at = ? where id = ?
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
