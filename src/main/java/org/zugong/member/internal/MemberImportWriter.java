package org.zugong.member.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.imports.ImportRow;
import org.zugong.member.imports.MemberColumn;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.spreadsheet.CellError;
import org.zugong.platform.spreadsheet.ImportJobs;

/**
 * The writing half of one import. While the worker reads and checks the sheet, the rows it found
 * valid come here in chunks; a thread of this writer holds the import's one transaction and, for
 * each chunk, copies the rows into a temporary table and inserts persons, members and their events
 * from it with one statement each. The database thus works on one chunk while the worker reads the
 * next.
 *
 * <p>The transaction commits only when the worker has read the last row without finding a bad cell
 * and no ID number was already registered; otherwise it is rolled back and nothing of the sheet is
 * written.
 */
final class MemberImportWriter {

  private static final Logger log = LoggerFactory.getLogger(MemberImportWriter.class);

  /** Rows per chunk: a chunk is about 1 MB of text, and at most {@link #QUEUED} wait. */
  static final int CHUNK_ROWS = 2_000;

  private static final int QUEUED = 2;

  /** The columns the worker fills; the ids come from the sequences, as the table's defaults. */
  static final List<String> COLUMNS =
      List.of(
          "row_no",
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

  /** What the writer did: rows written (and committed), or the ID numbers it found registered. */
  record Outcome(int written, SortedMap<Integer, List<CellError>> errors) {}

  private sealed interface Message {}

  /**
   * Rows to write; or, with {@code lookUpOnly}, only to look up for ID numbers already registered:
   * the last rows read before the worker found a bad cell.
   */
  private record Chunk(BulkCopy.CsvRows rows, boolean lookUpOnly) implements Message {}

  /** The worker read the last row and found every cell good: commit if the writer agrees. */
  private record End() implements Message {}

  /** The worker found a bad cell, or gave up: roll back. */
  private record Abort() implements Message {}

  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final BulkCopy bulkCopy;
  private final PersonalDataCipher cipher;
  private final ImportJobs jobs;
  private final Clock clock;
  private final ImportJobs.Job job;
  private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(QUEUED);
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final AtomicInteger written = new AtomicInteger();
  private final Thread thread;
  private BulkCopy.CsvRows current = new BulkCopy.CsvRows(COLUMNS.size());

  // Touched by the writer's thread only.
  private final SortedMap<Integer, List<CellError>> errors = new TreeMap<>();
  private boolean stagingHasRows;

  /** Where the time goes, in nanoseconds, for the log: what the worker waited and each step. */
  private final AtomicLong workerWaited = new AtomicLong();

  private final long[] spent = new long[Step.values().length];

  private enum Step {
    IDLE,
    COPY,
    LOOK_UP,
    PERSONS,
    MEMBERS,
    EVENTS,
    COMMIT
  }

  private long lap = System.nanoTime();

  /** Adds the time since the last lap to a step. */
  private void lap(Step step) {
    long now = System.nanoTime();
    spent[step.ordinal()] += now - lap;
    lap = now;
  }

  MemberImportWriter(
      JdbcClient jdbc,
      TransactionTemplate writing,
      BulkCopy bulkCopy,
      PersonalDataCipher cipher,
      ImportJobs jobs,
      Clock clock,
      ImportJobs.Job job) {
    this.jdbc = jdbc;
    this.writing = writing;
    this.bulkCopy = bulkCopy;
    this.cipher = cipher;
    this.jobs = jobs;
    this.clock = clock;
    this.job = job;
    // As the uploader: their scope applies to every statement of the transaction.
    this.thread =
        Thread.ofPlatform()
            .name("member-import-writer-" + job.id())
            .daemon(true)
            .unstarted(
                new DelegatingSecurityContextRunnable(
                    this::run, SecurityContextHolder.getContext()));
  }

  /** Starts the writer's thread and its transaction. */
  MemberImportWriter start() {
    thread.start();
    return this;
  }

  /** Rows written so far (not yet committed). */
  int written() {
    return written.get();
  }

  /**
   * Takes a valid row: encrypts its ID number and phone and sends it with the next chunk. Called by
   * the worker's thread.
   */
  void add(ImportRow row) {
    current.row(values(row));
    if (current.rows() >= CHUNK_ROWS) {
      send(new Chunk(current, false));
      current = new BulkCopy.CsvRows(COLUMNS.size());
    }
  }

  /**
   * The sheet was read to its end without a bad cell: the writer writes what is left and commits,
   * unless it found an ID number already registered. See {@link #outcome}.
   */
  void finish() {
    if (current.rows() > 0) {
      send(new Chunk(current, false));
    }
    send(new End());
  }

  /**
   * A bad cell was found: the writer looks up the rows it has been sent for ID numbers already
   * registered (to report them too) and rolls back; the worker looks up the rows it reads from now
   * on itself. See {@link #outcome}.
   */
  void abort() {
    if (current.rows() > 0) {
      send(new Chunk(current, true));
    }
    send(new Abort());
  }

  /**
   * Waits for the end of the writer's transaction, calling {@code meanwhile} about every half
   * second; rethrows what made it fail.
   */
  Outcome outcome(Runnable meanwhile) {
    try {
      while (true) {
        try {
          return outcome.get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          meanwhile.run();
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Import " + job.id() + " interrupted", e);
    }
  }

  /** Stops the writer if it is still running (its transaction is rolled back); for a failure. */
  void close() {
    if (!outcome.isDone()) {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void send(Message message) {
    long start = System.nanoTime();
    try {
      while (!queue.offer(message, 200, TimeUnit.MILLISECONDS)) {
        if (outcome.isDone()) {
          outcome.join(); // rethrows the writer's failure
          throw new IllegalStateException("The writer of import " + job.id() + " stopped early");
        }
      }
      workerWaited.addAndGet(System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Import " + job.id() + " interrupted", e);
    }
  }

  // ---- the writer's thread ---------------------------------------------------------------------

  private void run() {
    try {
      Outcome result = writing.execute(this::write);
      lap(Step.COMMIT);
      log.info(
          "Member import {}: the worker waited {} ms for the writer; the writer spent {}",
          job.id(),
          workerWaited.get() / 1_000_000,
          spent());
      outcome.complete(result);
    } catch (Throwable e) {
      outcome.completeExceptionally(e);
    }
  }

  private String spent() {
    StringBuilder text = new StringBuilder();
    for (Step step : Step.values()) {
      text.append(text.isEmpty() ? "" : ", ")
          .append(step.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(' ')
          .append(spent[step.ordinal()] / 1_000_000)
          .append(" ms");
    }
    return text.toString();
  }

  private Outcome write(TransactionStatus tx) {
    lap = System.nanoTime();
    // Each chunk's events are checked against its members as they are inserted, not all at commit.
    jdbc.sql("set constraints all immediate").update();
    // The tally of the members is added once, when every row is written (done()).
    jdbc.sql("select set_config('zugong.member_tally_deferred', 'on', true)")
        .query(String.class)
        .single();
    jdbc.sql("create temp table member_import_ids (member_id bigint not null) on commit drop")
        .update();
    jdbc.sql(
            """
            create temp table member_import_rows (
              row_no int not null,
              person_id bigint not null default nextval('person_id_seq'),
              member_id bigint not null default nextval('member_id_seq'),
              name text, gender text, ethnicity text, birth_date date, id_number_cipher bytea,
              id_number_index text, id_number_masked text, phone_cipher bytea, phone_masked text,
              education text, occupation text, category text, new_employment_group text,
              organization_id bigint, scope_path text collate "C", org_path text collate "C",
              stage text, joined_on date, full_on date, dues_category text) on commit drop
            """)
        .update();
    OffsetDateTime now = OffsetDateTime.now(clock);
    while (true) {
      Message message;
      try {
        message = queue.take();
        lap(Step.IDLE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Import " + job.id() + " interrupted", e);
      }
      switch (message) {
        case Chunk c -> write(tx, c.rows(), c.lookUpOnly(), now);
        case Abort a -> {
          tx.setRollbackOnly();
          return new Outcome(0, errors);
        }
        case End e -> {
          if (!errors.isEmpty()) {
            tx.setRollbackOnly();
            return new Outcome(0, errors);
          }
          done();
          return new Outcome(written.get(), errors);
        }
      }
    }
  }

  /**
   * One chunk: into the temporary table, then persons, members and events from there. Once an ID
   * number was found registered (or the worker found a bad cell) nothing will be committed, and the
   * rows are only looked up, to report every such ID number.
   */
  private void write(
      TransactionStatus tx, BulkCopy.CsvRows rows, boolean lookUpOnly, OffsetDateTime now) {
    if (stagingHasRows) {
      jdbc.sql("truncate member_import_rows").update();
    }
    bulkCopy.copy("member_import_rows", COLUMNS, rows);
    stagingHasRows = true;
    lap(Step.COPY);
    boolean taken = false;
    if (errors.isEmpty() && !lookUpOnly) {
      // A plain insert costs less than one that resolves conflicts; should an ID number be taken,
      // the savepoint undoes the chunk's persons and the look-ups below say which.
      Object savepoint = tx.createSavepoint();
      try {
        insertPersons(now, false);
        tx.releaseSavepoint(savepoint);
        lap(Step.PERSONS);
        insertMembersAndEvents(now);
        written.addAndGet(rows.rows());
        return;
      } catch (DuplicateKeyException e) {
        tx.rollbackToSavepoint(savepoint);
        tx.releaseSavepoint(savepoint);
        taken = true;
        lap(Step.PERSONS);
      }
    }
    // A member the uploader can see has this ID number already.
    jdbc.sql(
            """
            select row_no, id_number_masked from member_import_rows r
            where exists (select 1 from member m where m.id_number_index = r.id_number_index)
            """)
        .query(
            rs -> {
              error(rs.getInt(1), "member-import.invalid.registered", rs.getString(2));
            });
    if (!lookUpOnly && insertPersons(now, true) < rows.rows()) {
      // The unique ID number index spans every scope: a person registered where the uploader
      // cannot see is found here, as the row that was not inserted.
      jdbc.sql(
              """
              select row_no, id_number_masked from member_import_rows r
              where not exists (select 1 from person p where p.id = r.person_id)
              """)
          .query(
              rs -> {
                error(rs.getInt(1), "member-import.invalid.registered-elsewhere", rs.getString(2));
              });
    }
    lap(Step.LOOK_UP);
    if (taken && errors.isEmpty()) {
      // Only an import of the same ID number committed meanwhile could do that: start again.
      throw new IllegalStateException(
          "An ID number of import " + job.id() + " was taken meanwhile");
    }
  }

  /** Inserts the chunk's persons; returns how many. */
  private int insertPersons(OffsetDateTime now, boolean skipTaken) {
    return jdbc.sql(
            """
            insert into person (id, name, gender, ethnicity, birth_date, id_number_cipher,
              id_number_index, id_number_masked, phone_cipher, phone_masked, education,
              occupation, category, new_employment_group, scope_path, created_at, updated_at)
            select person_id, name, gender, ethnicity, birth_date, id_number_cipher,
              id_number_index, id_number_masked, phone_cipher, phone_masked, education,
              occupation, category, new_employment_group, scope_path, :now, :now
            from member_import_rows
            """
                + (skipTaken ? " on conflict (id_number_index) do nothing" : ""))
        .param("now", now)
        .update();
  }

  private void insertMembersAndEvents(OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member (id, person_id, organization_id, scope_path, org_path, name, gender,
              ethnicity, birth_date, id_number_index, id_number_masked, education, category,
              new_employment_group, stage, status, joined_on, full_on, dues_category, created_at,
              updated_at)
            select member_id, person_id, organization_id, scope_path, org_path, name, gender,
              ethnicity, birth_date, id_number_index, id_number_masked, education, category,
              new_employment_group, stage, 'NORMAL', joined_on, full_on, dues_category, :now, :now
            from member_import_rows
            """)
        .param("now", now)
        .update();
    jdbc.sql("insert into member_import_ids select member_id from member_import_rows").update();
    lap(Step.MEMBERS);
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
    lap(Step.EVENTS);
  }

  private void error(int row, String key, String masked) {
    errors.putIfAbsent(row, List.of(CellError.of(row, MemberColumn.ID_NUMBER, key, masked)));
  }

  /** Every row is written: the job is done in the same transaction, with its audit record. */
  private void done() {
    int rows = written.get();
    jdbc.sql("select set_config('zugong.member_tally_deferred', 'off', true)")
        .query(String.class)
        .single();
    jdbc.sql("select member_tally_add_inserted('member_import_ids')").query((rs, n) -> 0).list();
    jobs.done(job, rows, "members");
  }

  // ---- the worker's thread: one row's values ---------------------------------------------------

  /** The values of one row for the COPY, in the order of {@link #COLUMNS}. */
  private @Nullable Object[] values(ImportRow r) {
    PersonFacts p = r.person();
    String id = p.idNumber().value();
    String phone = p.phone();
    return new @Nullable Object[] {
      r.row(),
      p.name(),
      p.gender().name(),
      p.ethnicity().code(),
      p.birthDate(),
      cipher.encrypt(id),
      cipher.blindIndex(id),
      p.idNumber().masked(),
      phone == null ? null : cipher.encrypt(phone),
      Persons.maskPhone(phone),
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
}
