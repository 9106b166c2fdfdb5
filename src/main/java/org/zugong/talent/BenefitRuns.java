package org.zugong.talent;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.platform.DataScope;
import org.zugong.platform.WorkLocks;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;
import org.zugong.talent.rules.BatchResult;
import org.zugong.talent.rules.Benefit;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.Schedule;

/**
 * Benefits granted without application (免申即享): a run decides every talent the starter sees with the
 * policies in force on its date, proposes one grant per talent × benefit × period instalment (its
 * idempotency key unique in the database), flags risks, and after approval writes the payment
 * ledger; its results are then published (公示) and archived.
 *
 * <p>A run is cut into chunks of talent ids. Any number of workers, in this process or in another
 * instance on the same database, work a run: each claims a pending chunk with {@code for update
 * skip locked}, inserts its grants with {@code on conflict do nothing} on the key and marks it done
 * in one transaction. A worker killed mid-chunk leaves it pending; so a run started again, or
 * started twice, pays nobody twice and misses nobody.
 */
@Service
public class BenefitRuns {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BenefitRuns.class);

  /** The kind of the advisory lock a live worker holds on a run, in shared mode. */
  private static final String LOCK = "benefit_run";

  /** Talents per chunk: one transaction each. */
  public static final int CHUNK = 2000;

  public enum Status {
    PROPOSING,
    PROPOSED,
    PAID,
    PUBLISHED,
    ARCHIVED
  }

  /** A risk a grant is flagged with; those marked {@code holds} keep the grant from payment. */
  public enum Risk {
    NO_BANK_ACCOUNT(true),
    SAME_PERSON_TWICE(true),
    CAP_EXCEEDED(true),
    FUND_POOL_WARNING(false),
    FUND_POOL_STOPPED(true);

    private final boolean holds;

    Risk(boolean holds) {
      this.holds = holds;
    }

    public boolean holds() {
      return holds;
    }

    public String messageKey() {
      return "benefit.risk." + name();
    }
  }

  public record Run(
      long id,
      LocalDate runDate,
      Status status,
      int chunksTotal,
      int chunksDone,
      int talentsTotal,
      int talentsDone,
      int grants,
      long amount,
      String startedBy,
      OffsetDateTime startedAt,
      @Nullable String approvedBy,
      @Nullable OffsetDateTime paidAt,
      @Nullable OffsetDateTime publishedAt,
      @Nullable LocalDate publicityUntil,
      @Nullable OffsetDateTime archivedAt,
      ScopePath scopePath,
      int autoResumes,
      @Nullable OffsetDateTime resumedAt) {

    public int percent() {
      return chunksTotal == 0 ? 100 : chunksDone * 100 / chunksTotal;
    }
  }

  public record Grant(
      long id,
      String key,
      long runId,
      long talentId,
      String talentName,
      String policyCode,
      int policyVersion,
      String clauseId,
      String benefit,
      int instalment,
      LocalDate periodStart,
      @Nullable LocalDate periodEnd,
      long amount,
      String status,
      List<String> risks) {}

  /** How many grants of a run carry each risk. */
  public record RiskCount(String risk, long grants, long amount) {}

  public record Payment(
      long id, long grantId, String policyCode, long amount, String account, LocalDate paidOn) {}

  private static final String RUN_COLUMNS =
      "id, run_date, status, chunks_total, chunks_done, talents_total, talents_done, grants, amount,"
          + " started_by, started_at, approved_by, paid_at, published_at, publicity_until,"
          + " archived_at, scope_path, auto_resumes, resumed_at";

  private final JdbcClient jdbc;
  private final WorkLocks locks;
  private final Policies policies;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().name("benefit-run-", 1).daemon(true).factory());

  /** The runs this instance has a background worker for (queued or working). */
  private final Set<Long> working = ConcurrentHashMap.newKeySet();

  /** Names this instance in the chunks its background workers do. */
  private final String instance = UUID.randomUUID().toString().substring(0, 8);

  BenefitRuns(
      JdbcClient jdbc,
      WorkLocks locks,
      Policies policies,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.policies = policies;
    this.tx = new TransactionTemplate(transactions);
    this.events = events;
    this.clock = clock;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /**
   * Creates a run over every talent the caller sees, for the policies in force on the date, cut
   * into chunks; returns its id. Nothing is decided yet: see {@link #work} and {@link #startAsync}.
   */
  public long create(LocalDate date) {
    return create(date, scope());
  }

  /** Creates a run over the talents below a node within the caller's scope (demo data, tests). */
  public long create(LocalDate date, ScopePath scope) {
    return create(date, scope, CHUNK);
  }

  /** Creates a run with chunks of the given number of talents. */
  public long create(LocalDate date, ScopePath scope, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size " + chunkSize);
    }
    ScopePath caller = DataScope.current();
    if (caller == null || !scope.value().startsWith(caller.value())) {
      throw new InvalidValueException("benefit.invalid.region", scope.value());
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("benefit.invalid.run-date", date);
    }
    String actor = Talents.actor();
    return tx.execute(
        s -> {
          List<long[]> chunks =
              jdbc.sql(
                      """
                      select min(id), max(id), count(*) from (
                        select id, (row_number() over (order by id) - 1) / :chunk as c from talent
                        where starts_with(scope_path, :under)) x
                      group by c order by c
                      """)
                  .param("chunk", chunkSize)
                  .param("under", scope.value())
                  .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                  .list();
          long talents = chunks.stream().mapToLong(c -> c[2]).sum();
          long id =
              jdbc.sql(
                      """
                      insert into benefit_run (run_date, status, chunks_total, talents_total, started_by,
                        started_at, scope_path) values (?, 'PROPOSING', ?, ?, ?, ?, ?) returning id
                      """)
                  .params(
                      date,
                      chunks.size(),
                      (int) talents,
                      actor,
                      OffsetDateTime.now(clock),
                      scope.value())
                  .query(Long.class)
                  .single();
          for (int i = 0; i < chunks.size(); i++) {
            jdbc.sql(
                    "insert into benefit_run_chunk (run_id, chunk_no, first_id, last_id, scope_path)"
                        + " values (?, ?, ?, ?, ?)")
                .params(id, i, chunks.get(i)[0], chunks.get(i)[1], scope.value())
                .update();
          }
          Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
          changes.put("runDate", new RecordChanged.Change(null, date.toString()));
          changes.put("talents", new RecordChanged.Change(null, Long.toString(talents)));
          events.publishEvent(
              new RecordChanged("benefit_run", Long.toString(id), "start", scope.value(), changes));
          return id;
        });
  }

  /** Creates a run and works it in the background; returns its id at once. */
  public long start(LocalDate date) {
    return start(date, scope());
  }

  /** Creates a run over the talents below a node within the caller's scope and works it. */
  public long start(LocalDate date, ScopePath under) {
    long id = create(date, under);
    resumeAsync(id);
    return id;
  }

  /**
   * Works a run (again) in the background, within the run's scope; returns at once. Nothing more
   * happens where a live worker, here or in another instance, already works it.
   */
  public void resumeAsync(long id) {
    Run run = find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
    submit(run.id(), run.scopePath(), false);
  }

  /**
   * Gives a background worker to every run left proposing that no live worker holds, in any scope:
   * the instance that worked it crashed, or stopped. Called at the application's start and by a
   * periodic sweep; each run so taken up records that it was resumed automatically. Safe from any
   * number of instances at once: of those sweeping one run, one works it. Returns how many runs
   * were handed to a worker here (each checks again, taking the lock, that nobody took it since).
   */
  public int resumeStalled() {
    List<Run> proposing =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select "
                            + RUN_COLUMNS
                            + " from benefit_run where status = 'PROPOSING' order by id")
                    .query(BenefitRuns::run)
                    .list());
    int handed = 0;
    for (Run run : proposing) {
      if (!working.contains(run.id()) && !locks.isHeld(LOCK, run.id())) {
        handed += submit(run.id(), run.scopePath(), true) ? 1 : 0;
      }
    }
    return handed;
  }

  /** Whether this instance has a background worker for the run, queued or working. */
  public boolean workingHere(long id) {
    return working.contains(id);
  }

  private boolean submit(long id, ScopePath scope, boolean automatic) {
    if (!working.add(id)) {
      return false;
    }
    try {
      executor.execute(
          () -> {
            String worker =
                (automatic ? "auto-" : "") + instance + "-" + Thread.currentThread().getName();
            try {
              DataScope.within(scope, () -> workIfIdle(id, worker, automatic));
            } catch (RuntimeException e) {
              log.warn("run {}: background worker {} stopped: {}", id, worker, e.toString());
            } finally {
              working.remove(id);
            }
          });
      return true;
    } catch (RuntimeException e) {
      working.remove(id);
      throw e;
    }
  }

  /**
   * Works a run where no live worker holds it (see {@link WorkLocks#shareIfFree}): of instances
   * trying at once, one works it. An automatic resume is recorded on the run.
   */
  private int workIfIdle(long id, String worker, boolean automatic) {
    Optional<WorkLocks.Held> lock = locks.shareIfFree(LOCK, id);
    if (lock.isEmpty()) {
      return 0;
    }
    try (WorkLocks.Held held = lock.get()) {
      if (automatic && !recordAutomaticResume(id, worker)) {
        return 0;
      }
      return workHolding(id, worker, Integer.MAX_VALUE);
    }
  }

  private boolean recordAutomaticResume(long id, String worker) {
    Boolean recorded =
        tx.execute(
            s -> {
              List<String> scope =
                  jdbc.sql(
                          "update benefit_run set auto_resumes = auto_resumes + 1, resumed_at = ?"
                              + " where id = ? and status = 'PROPOSING' returning scope_path")
                      .params(OffsetDateTime.now(clock), id)
                      .query(String.class)
                      .list();
              if (scope.isEmpty()) {
                return false;
              }
              events.publishEvent(
                  new RecordChanged(
                      "benefit_run",
                      Long.toString(id),
                      "resume",
                      scope.getFirst(),
                      Map.of("resumedBy", new RecordChanged.Change(null, worker))));
              return true;
            });
    if (Boolean.TRUE.equals(recorded)) {
      log.info("run {}: left proposing with no live worker, resumed by {}", id, worker);
    }
    return Boolean.TRUE.equals(recorded);
  }

  /**
   * Works a run until no chunk is left to claim: decides each claimed chunk's talents, proposes
   * their due grants and stores their matches and changed decisions, then (the worker that finds
   * the last chunk done) checks risks. Safe to call from any number of threads and instances at
   * once, and again after a crash. Returns how many chunks this worker did.
   */
  public int work(long id, String worker) {
    return work(id, worker, Integer.MAX_VALUE);
  }

  /**
   * Works at most {@code max} chunks of a run (a paced worker; tests). While it works it holds the
   * run's advisory lock in shared mode on a connection of its own: the sign, for {@link
   * #resumeStalled}, that a live worker is on the run; the lock goes with the connection when the
   * worker or its instance dies.
   */
  public int work(long id, String worker, int max) {
    try (WorkLocks.Held held = locks.share(LOCK, id)) {
      return workHolding(id, worker, max);
    }
  }

  private int workHolding(long id, String worker, int max) {
    Run run = find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
    if (run.status() != Status.PROPOSING) {
      return 0;
    }
    CompiledRules rules = policies.compiled(run.runDate());
    int done = 0;
    while (done < max && !Thread.currentThread().isInterrupted()) {
      Boolean claimed = tx.execute(s -> workOneChunk(run, rules, worker));
      if (claimed == null || !claimed) {
        break;
      }
      done++;
    }
    if (!Thread.currentThread().isInterrupted()) {
      long f0 = System.nanoTime();
      tx.executeWithoutResult(s -> finishProposing(id));
      log.debug("run {}: risk checks {} ms", id, (System.nanoTime() - f0) / 1_000_000);
    }
    return done;
  }

  private boolean workOneChunk(Run run, CompiledRules rules, String worker) {
    List<long[]> claimed =
        jdbc.sql(
                """
                select chunk_no, first_id, last_id from benefit_run_chunk
                where run_id = ? and not done order by chunk_no limit 1 for update skip locked
                """)
            .param(run.id())
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .list();
    if (claimed.isEmpty()) {
      return false;
    }
    long[] chunk = claimed.getFirst();
    String under = run.scopePath().value();
    FactColumns facts = facts(chunk[1], chunk[2], under);
    Map<Long, Long> personOf = new LinkedHashMap<>();
    Map<Long, String> scopeOf = new LinkedHashMap<>();
    jdbc.sql(
            "select id, person_id, scope_path from talent where id between ? and ?"
                + " and starts_with(scope_path, ?)")
        .params(chunk[1], chunk[2], under)
        .query(
            rs -> {
              personOf.put(rs.getLong(1), rs.getLong(2));
              scopeOf.put(rs.getLong(1), rs.getString(3));
            });
    // The schedules the chunk's talents began, where an earlier version of a policy in force may
    // carry or end them (ADR 0012, addendum).
    Map<Long, List<Schedule>> begun =
        rules.carries() ? schedules(chunk[1], chunk[2], under) : Map.of();
    long t0 = System.nanoTime();
    BatchResult batch = rules.evaluate(facts);
    GrantRows grants = new GrantRows();
    DecisionRows decisions = new DecisionRows();
    for (int row = 0; row < facts.size(); row++) {
      long talent = facts.id(row);
      List<Schedule> schedules = begun.getOrDefault(talent, List.of());
      boolean any = !schedules.isEmpty();
      for (int c = 0; !any && c < batch.clauses().size(); c++) {
        any = batch.clauses().get(c).granted(row);
      }
      if (!any) {
        continue;
      }
      for (BenefitDecision d : rules.explain(facts, row, schedules)) {
        if (d.outcome() != BenefitDecision.Outcome.GRANTED) {
          continue;
        }
        decisions.add(talent, d, scopeOf.get(talent));
        for (BenefitDecision.Instalment i : d.instalments()) {
          if (!i.periodStart().isAfter(run.runDate())) {
            grants.add(talent, personOf.get(talent), d, i, scopeOf.get(talent));
          }
        }
      }
    }
    long t1 = System.nanoTime();
    long[] inserted = grants.insert(run.id());
    long t2 = System.nanoTime();
    decisions.upsert(run);
    long t3 = System.nanoTime();
    // Decisions that no longer grant: a match of an earlier run whose clause this run did not
    // grant.
    List<String> granted = new ArrayList<>(decisions.talents.size());
    for (int k = 0; k < decisions.talents.size(); k++) {
      granted.add(
          decisions.talents.get(k)
              + "|"
              + decisions.policies.get(k)
              + "|"
              + decisions.clauses.get(k));
    }
    jdbc.sql(
            """
            update benefit_decision d set outcome = 'NOT_GRANTED', amount = 0, run_id = :run,
              decided_on = :date
            where d.talent_id between :first and :last and starts_with(d.scope_path, :under)
              and d.outcome = 'GRANTED' and d.run_id <> :run
              and (d.talent_id::text || '|' || d.policy_code || '|' || d.clause_id)
                not in (select unnest(cast(:granted as text[])))
            """)
        .param("run", run.id())
        .param("date", run.runDate())
        .param("under", under)
        .param("first", chunk[1])
        .param("last", chunk[2])
        .param("granted", granted.toArray(new String[0]))
        .update();
    long t4 = System.nanoTime();
    log.debug(
        "run {} chunk {}: decide {} ms, grants {} ms, decisions {} ms, no longer granted {} ms",
        run.id(),
        chunk[0],
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000);
    jdbc.sql(
            "update benefit_run_chunk set done = true, worker = ?, done_at = ? where run_id = ? and"
                + " chunk_no = ?")
        .params(worker, OffsetDateTime.now(clock), run.id(), (int) chunk[0])
        .update();
    jdbc.sql(
            """
            update benefit_run set chunks_done = chunks_done + 1, talents_done = talents_done + ?,
              grants = grants + ?, amount = amount + ? where id = ?
            """)
        .params(facts.size(), (int) inserted[0], inserted[1], run.id())
        .update();
    return true;
  }

  /** The schedules begun by the talents of an id range below a node: their grants on record. */
  private Map<Long, List<Schedule>> schedules(long first, long last, String under) {
    Map<Long, List<Schedule>> out = new HashMap<>();
    jdbc.sql(
            """
            select distinct talent_id, policy_code, policy_version, clause_id, benefit
            from benefit_grant where talent_id between ? and ? and starts_with(scope_path, ?)
            """)
        .params(first, last, under)
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Schedule(
                          rs.getString(2),
                          rs.getInt(3),
                          rs.getString(4),
                          Benefit.valueOf(rs.getString(5))));
            });
    return out;
  }

  /** The schedules one talent began: its grants on record. */
  public List<Schedule> schedulesOf(long talentId) {
    return jdbc.sql(
            "select distinct policy_code, policy_version, clause_id, benefit from benefit_grant"
                + " where talent_id = ?")
        .param(talentId)
        .query(
            (rs, n) ->
                new Schedule(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    Benefit.valueOf(rs.getString(4))))
        .list();
  }

  /** Columns of grants to insert in one statement. */
  private final class GrantRows {
    final List<String> keys = new ArrayList<>();
    final List<Long> talents = new ArrayList<>();
    final List<Long> persons = new ArrayList<>();
    final List<String> policies = new ArrayList<>();
    final List<Integer> versions = new ArrayList<>();
    final List<String> clauses = new ArrayList<>();
    final List<String> benefits = new ArrayList<>();
    final List<Integer> numbers = new ArrayList<>();
    final List<String> starts = new ArrayList<>();
    final List<@Nullable String> ends = new ArrayList<>();
    final List<Long> amounts = new ArrayList<>();
    final List<Long> clauseAmounts = new ArrayList<>();
    final List<String> scopes = new ArrayList<>();

    void add(
        long talent, long person, BenefitDecision d, BenefitDecision.Instalment i, String scope) {
      keys.add(i.key());
      talents.add(talent);
      persons.add(person);
      policies.add(d.policyCode());
      versions.add(d.policyVersion());
      clauses.add(d.clauseId());
      benefits.add(d.benefit().name());
      numbers.add(i.number());
      starts.add(i.periodStart().toString());
      ends.add(i.periodEnd() == null ? null : i.periodEnd().toString());
      amounts.add(i.amount());
      clauseAmounts.add(d.amount());
      scopes.add(scope);
    }

    /** Inserts the rows whose key is new; returns how many and their amount. */
    long[] insert(long run) {
      if (keys.isEmpty()) {
        return new long[] {0, 0};
      }
      return jdbc.sql(
              """
              with ins as (
                insert into benefit_grant (idempotency_key, run_id, talent_id, person_id, policy_code,
                  policy_version, clause_id, benefit, instalment, period_start, period_end, amount,
                  clause_amount, status, scope_path)
                select k, :run, t, p, pc, v, c, b, n, cast(s as date), cast(e as date), a, ca,
                  'PROPOSED', sp
                from unnest(cast(:keys as text[]), cast(:talents as bigint[]), cast(:persons as bigint[]),
                  cast(:policies as text[]), cast(:versions as int[]), cast(:clauses as text[]),
                  cast(:benefits as text[]), cast(:numbers as int[]), cast(:starts as text[]),
                  cast(:ends as text[]), cast(:amounts as bigint[]), cast(:clauseAmounts as bigint[]),
                  cast(:scopes as text[])) as x(k, t, p, pc, v, c, b, n, s, e, a, ca, sp)
                order by k
                on conflict (idempotency_key) do nothing
                returning amount)
              select count(*), coalesce(sum(amount), 0) from ins
              """)
          .param("run", run)
          .param("keys", keys.toArray(new String[0]))
          .param("talents", talents.toArray(new Long[0]))
          .param("persons", persons.toArray(new Long[0]))
          .param("policies", policies.toArray(new String[0]))
          .param("versions", versions.toArray(new Integer[0]))
          .param("clauses", clauses.toArray(new String[0]))
          .param("benefits", benefits.toArray(new String[0]))
          .param("numbers", numbers.toArray(new Integer[0]))
          .param("starts", starts.toArray(new String[0]))
          .param("ends", ends.toArray(new String[0]))
          .param("amounts", amounts.toArray(new Long[0]))
          .param("clauseAmounts", clauseAmounts.toArray(new Long[0]))
          .param("scopes", scopes.toArray(new String[0]))
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
          .single();
    }
  }

  /** The matches of a chunk, stored where new or changed. */
  private final class DecisionRows {
    final List<Long> talents = new ArrayList<>();
    final List<String> policies = new ArrayList<>();
    final List<String> clauses = new ArrayList<>();
    final List<Long> amounts = new ArrayList<>();
    final List<String> scopes = new ArrayList<>();

    void add(long talent, BenefitDecision d, String scope) {
      talents.add(talent);
      policies.add(d.policyCode());
      clauses.add(d.clauseId());
      amounts.add(d.amount());
      scopes.add(scope);
    }

    void upsert(Run run) {
      if (talents.isEmpty()) {
        return;
      }
      jdbc.sql(
              """
              insert into benefit_decision (talent_id, policy_code, clause_id, outcome, amount, run_id,
                decided_on, scope_path)
              select t, p, c, 'GRANTED', a, :run, :date, s
              from unnest(cast(:talents as bigint[]), cast(:policies as text[]), cast(:clauses as text[]),
                cast(:amounts as bigint[]), cast(:scopes as text[])) as x(t, p, c, a, s)
              on conflict (talent_id, policy_code, clause_id) do update
                set outcome = excluded.outcome, amount = excluded.amount, run_id = excluded.run_id,
                  decided_on = excluded.decided_on
                where benefit_decision.outcome <> excluded.outcome
                  or benefit_decision.amount <> excluded.amount
              """)
          .param("run", run.id())
          .param("date", run.runDate())
          .param("talents", talents.toArray(new Long[0]))
          .param("policies", policies.toArray(new String[0]))
          .param("clauses", clauses.toArray(new String[0]))
          .param("amounts", amounts.toArray(new Long[0]))
          .param("scopes", scopes.toArray(new String[0]))
          .update();
    }
  }

  private FactColumns facts(long first, long last, String under) {
    FactColumns.Builder b = FactColumns.builder(CHUNK);
    jdbc.sql(
            TalentFactRows.SELECT
                + " where id between ? and ? and starts_with(scope_path, ?) order by id")
        .params(first, last, under)
        .query(
            rs -> {
              b.add(TalentFactRows.read(rs));
            });
    return b.build();
  }

  /**
   * Once every chunk is done: flags the run's grants with their risks (held where a risk holds) and
   * marks the run proposed. Only the first worker to get here does it.
   */
  private void finishProposing(long id) {
    List<Long> won =
        jdbc.sql(
                """
                update benefit_run set status = 'PROPOSED', proposed_at = ? where id = ?
                  and status = 'PROPOSING' and chunks_done = chunks_total returning id
                """)
            .params(OffsetDateTime.now(clock), id)
            .query(Long.class)
            .list();
    if (won.isEmpty()) {
      return;
    }
    // The grants were just written, often in one transaction with the demo data: without fresh
    // statistics the planner takes the table for empty and the checks below for nested loops.
    jdbc.sql("analyze benefit_grant").update();
    flag(
        id,
        Risk.NO_BANK_ACCOUNT,
        "",
        "exists (select 1 from talent t where t.id = g.talent_id and t.bank_account_cipher is null)");
    // The same person granted one benefit twice: two schedules of it (two first instalments).
    flag(
        id,
        Risk.SAME_PERSON_TWICE,
        "",
        "g.instalment = 1 and exists (select 1 from benefit_grant o where o.person_id = g.person_id"
            + " and o.benefit = g.benefit and o.instalment = 1 and o.id <> g.id)");
    // All grants of one clause to one person together more than the clause grants after its cap.
    flag(
        id,
        Risk.CAP_EXCEEDED,
        ", (select o.talent_id, o.policy_code, o.clause_id, sum(o.amount) as total"
            + " from benefit_grant o where o.talent_id in (select talent_id from benefit_grant"
            + " where run_id = :run) group by 1, 2, 3) x",
        "x.talent_id = g.talent_id and x.policy_code = g.policy_code and x.clause_id = g.clause_id"
            + " and x.total > g.clause_amount");
    // Fund pools: what the run would pay from each pool (grants not held) against its levels.
    String pools =
        ", (select o.policy_code, sum(o.amount) as total from benefit_grant o where o.run_id ="
            + " :run and o.status = 'PROPOSED' group by 1) x join benefit_fund_pool f on"
            + " f.policy_code = x.policy_code";
    flag(
        id,
        Risk.FUND_POOL_STOPPED,
        pools,
        "x.policy_code = g.policy_code and f.balance - x.total < f.stop_level");
    flag(
        id,
        Risk.FUND_POOL_WARNING,
        pools,
        "x.policy_code = g.policy_code and f.balance - x.total < f.warning_level");
    Run run = find(id).orElseThrow();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("status", new RecordChanged.Change("PROPOSING", "PROPOSED"));
    changes.put("grants", new RecordChanged.Change(null, Integer.toString(run.grants())));
    events.publishEvent(
        new RecordChanged(
            "benefit_run", Long.toString(id), "propose", run.scopePath().value(), changes));
  }

  private void flag(long run, Risk risk, String from, String condition) {
    jdbc.sql(
            "update benefit_grant g set risks = array_append(g.risks, cast(:risk as text)),"
                + " status = case when :holds then 'HELD' else g.status end from (select 1) one"
                + from
                + " where g.run_id = :run and g.status <> 'PAID'"
                + " and not (cast(:risk as text) = any(g.risks)) and "
                + condition)
        .param("risk", risk.name())
        .param("holds", risk.holds())
        .param("run", run)
        .update();
  }

  /**
   * Approves a proposed run: writes the payment ledger for every grant not held, takes the amounts
   * from the fund pools and marks the run paid.
   */
  public void approve(long id) {
    tx.executeWithoutResult(
        s -> {
          Run run = find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
          if (run.status() != Status.PROPOSED) {
            throw new InvalidValueException("benefit.invalid.not-proposed", id);
          }
          LocalDate today = LocalDate.now(clock);
          OffsetDateTime now = OffsetDateTime.now(clock);
          int updated =
              jdbc.sql(
                      "update benefit_run set status = 'PAID', approved_by = ?, paid_at = ? where id = ?"
                          + " and status = 'PROPOSED'")
                  .params(Talents.actor(), now, id)
                  .update();
          if (updated == 0) {
            throw new InvalidValueException("benefit.invalid.not-proposed", id);
          }
          long paid =
              jdbc.sql(
                      """
                      insert into benefit_payment (grant_id, run_id, talent_id, policy_code, amount,
                        bank_account_masked, paid_on, scope_path)
                      select g.id, g.run_id, g.talent_id, g.policy_code, g.amount, t.bank_account_masked,
                        cast(:today as date), g.scope_path
                      from benefit_grant g join talent t on t.id = g.talent_id
                      where g.run_id = :run and g.status = 'PROPOSED' and t.bank_account_masked is not null
                      order by g.id
                      on conflict (grant_id) do nothing
                      """)
                  .param("today", today)
                  .param("run", id)
                  .update();
          jdbc.sql(
                  "update benefit_grant g set status = 'PAID' where g.run_id = ? and exists (select 1"
                      + " from benefit_payment p where p.grant_id = g.id)")
              .param(id)
              .update();
          jdbc.sql(
                  """
                  update benefit_fund_pool f set balance = greatest(0, f.balance - x.total)
                  from (select policy_code, sum(amount) as total from benefit_payment where run_id = ?
                    group by policy_code) x where x.policy_code = f.policy_code
                  """)
              .param(id)
              .update();
          Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
          changes.put("status", new RecordChanged.Change("PROPOSED", "PAID"));
          changes.put("payments", new RecordChanged.Change(null, Long.toString(paid)));
          events.publishEvent(
              new RecordChanged(
                  "benefit_run", Long.toString(id), "approve", run.scopePath().value(), changes));
        });
  }

  /** Publishes a paid run's grants (公示) for five working days from today. */
  public void publish(long id) {
    tx.executeWithoutResult(
        s -> {
          Run run = find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
          if (run.status() != Status.PAID) {
            throw new InvalidValueException("benefit.invalid.not-paid", id);
          }
          LocalDate today = LocalDate.now(clock);
          LocalDate until = workingDaysAfter(today, 5);
          jdbc.sql(
                  "update benefit_run set status = 'PUBLISHED', published_by = ?, published_at = ?,"
                      + " publicity_until = ? where id = ?")
              .params(Talents.actor(), OffsetDateTime.now(clock), until, id)
              .update();
          events.publishEvent(
              new RecordChanged(
                  "benefit_run",
                  Long.toString(id),
                  "publish",
                  run.scopePath().value(),
                  Map.of("publicityUntil", new RecordChanged.Change(null, until.toString()))));
        });
  }

  /** Archives a published run once its publicity period is over. */
  public void archive(long id) {
    tx.executeWithoutResult(
        s -> {
          Run run = find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
          if (run.status() != Status.PUBLISHED
              || run.publicityUntil() == null
              || !LocalDate.now(clock).isAfter(run.publicityUntil())) {
            throw new InvalidValueException("benefit.invalid.not-archivable", id);
          }
          jdbc.sql("update benefit_run set status = 'ARCHIVED', archived_at = ? where id = ?")
              .params(OffsetDateTime.now(clock), id)
              .update();
          events.publishEvent(
              new RecordChanged(
                  "benefit_run",
                  Long.toString(id),
                  "archive",
                  run.scopePath().value(),
                  Map.of("status", new RecordChanged.Change("PUBLISHED", "ARCHIVED"))));
        });
  }

  static LocalDate workingDaysAfter(LocalDate from, int days) {
    LocalDate d = from;
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
  }

  public Optional<Run> find(long id) {
    return jdbc.sql("select " + RUN_COLUMNS + " from benefit_run where id = ?")
        .param(id)
        .query(BenefitRuns::run)
        .optional();
  }

  /** The runs the caller sees, newest first. */
  public List<Run> list() {
    return jdbc.sql("select " + RUN_COLUMNS + " from benefit_run order by id desc limit 100")
        .query(BenefitRuns::run)
        .list();
  }

  /** Per risk, how many of the run's grants the caller sees carry it. */
  public List<RiskCount> risks(long id) {
    return jdbc.sql(
            """
            select r, count(*), sum(g.amount) from benefit_grant g, unnest(g.risks) r
            where g.run_id = ? group by r order by r
            """)
        .param(id)
        .query((rs, n) -> new RiskCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** A page of a run's grants the caller sees, optionally only those flagged with a risk. */
  public List<Grant> grants(long id, @Nullable String risk, int page, int size) {
    return jdbc.sql(
            """
            select g.id, g.idempotency_key, g.run_id, g.talent_id, t.name, g.policy_code, g.clause_id,
              g.benefit, g.instalment, g.period_start, g.period_end, g.amount, g.status,
              array_to_string(g.risks, ','), g.policy_version
            from benefit_grant g join talent t on t.id = g.talent_id
            where g.run_id = :run and (cast(:risk as text) is null or cast(:risk as text) = any(g.risks))
            order by g.id limit :size offset :offset
            """)
        .param("run", id)
        .param("risk", risk)
        .param("size", size)
        .param("offset", (long) page * size)
        .query(BenefitRuns::grant)
        .list();
  }

  /** How many of a run's grants the caller sees. */
  public long grantCount(long id) {
    return jdbc.sql("select count(*) from benefit_grant where run_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** The grants of one talent, every run, newest first. */
  public List<Grant> grantsOf(long talentId) {
    return jdbc.sql(
            """
            select g.id, g.idempotency_key, g.run_id, g.talent_id, t.name, g.policy_code, g.clause_id,
              g.benefit, g.instalment, g.period_start, g.period_end, g.amount, g.status,
              array_to_string(g.risks, ','), g.policy_version
            from benefit_grant g join talent t on t.id = g.talent_id
            where g.talent_id = ? order by g.period_start desc, g.id
            """)
        .param(talentId)
        .query(BenefitRuns::grant)
        .list();
  }

  /** The payments of one talent. */
  public List<Payment> paymentsOf(long talentId) {
    return jdbc.sql(
            """
            select id, grant_id, policy_code, amount, bank_account_masked, paid_on
            from benefit_payment where talent_id = ? order by paid_on desc, id
            """)
        .param(talentId)
        .query(
            (rs, n) ->
                new Payment(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class)))
        .list();
  }

  private static Grant grant(ResultSet rs, int n) throws SQLException {
    String risks = rs.getString(14);
    return new Grant(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(15),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getObject(10, LocalDate.class),
        rs.getObject(11, LocalDate.class),
        rs.getLong(12),
        rs.getString(13),
        risks == null || risks.isEmpty() ? List.of() : List.of(risks.split(",")));
  }

  private static Run run(ResultSet rs, int n) throws SQLException {
    return new Run(
        rs.getLong("id"),
        rs.getObject("run_date", LocalDate.class),
        Status.valueOf(rs.getString("status")),
        rs.getInt("chunks_total"),
        rs.getInt("chunks_done"),
        rs.getInt("talents_total"),
        rs.getInt("talents_done"),
        rs.getInt("grants"),
        rs.getLong("amount"),
        rs.getString("started_by"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getString("approved_by"),
        rs.getObject("paid_at", OffsetDateTime.class),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getObject("publicity_until", LocalDate.class),
        rs.getObject("archived_at", OffsetDateTime.class),
        new ScopePath(rs.getString("scope_path")),
        rs.getInt("auto_resumes"),
        rs.getObject("resumed_at", OffsetDateTime.class));
  }

  private static ScopePath scope() {
    ScopePath s = DataScope.current();
    if (s == null) {
      throw new IllegalStateException("No data scope");
    }
    return s;
  }
}
