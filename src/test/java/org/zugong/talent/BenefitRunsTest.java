package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zugong.ZugongApplication;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;
import org.zugong.support.ZugongTest;
import org.zugong.talent.internal.BenefitRunSweeper;
import org.zugong.talent.rules.Benefit;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.Schedule;

/**
 * 免申即享 runs: the demo's completed 2022 run, exactly-once grants after a worker dies mid-chunk and
 * when two workers race the same run, and the risk checks that hold grants back from payment.
 */
class BenefitRunsTest extends ZugongTest {

  @Autowired BenefitRuns runs;
  @Autowired Policies policies;
  @Autowired Talents talents;
  @Autowired DataSource dataSource;
  @Autowired BenefitRunSweeper sweeper;
  @Autowired HikariDataSource pool;

  /**
   * The keys a run of the scope on the date must propose: due instalments not granted before, the
   * engine given each talent's schedules on record.
   */
  private Set<String> expectedKeys(ScopePath scope, LocalDate date) {
    return DataScope.within(
        scope,
        () -> {
          CompiledRules rules = policies.compiled(date);
          FactColumns facts = talents.facts();
          Set<String> existing =
              new HashSet<>(
                  jdbc.sql("select idempotency_key from benefit_grant").query(String.class).list());
          Map<Long, List<Schedule>> begun = new HashMap<>();
          jdbc.sql(
                  "select distinct talent_id, policy_code, policy_version, clause_id, benefit"
                      + " from benefit_grant")
              .query(
                  rs -> {
                    begun
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(
                            new Schedule(
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                Benefit.valueOf(rs.getString(5))));
                  });
          Set<String> keys = new TreeSet<>();
          for (int row = 0; row < facts.size(); row++) {
            List<Schedule> schedules = begun.getOrDefault(facts.id(row), List.of());
            for (BenefitDecision d : rules.explain(facts, row, schedules)) {
              if (d.outcome() != BenefitDecision.Outcome.GRANTED) {
                continue;
              }
              for (BenefitDecision.Instalment i : d.instalments()) {
                if (!i.periodStart().isAfter(date) && !existing.contains(i.key())) {
                  keys.add(i.key());
                }
              }
            }
          }
          return keys;
        });
  }

  private List<String> keysOf(long run) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select idempotency_key from benefit_grant where run_id = ? order by 1")
                .param(run)
                .query(String.class)
                .list());
  }

  private BenefitRuns.Run run(long id) {
    return DataScope.asSystem(() -> runs.find(id).orElseThrow());
  }

  @Test
  void theDemoHasACompleted2022RunWithItsGrantsAndLedger() {
    Long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from benefit_run where run_date = '2022-12-31' and status ="
                            + " 'PUBLISHED' order by id limit 1")
                    .query(Long.class)
                    .single());
    BenefitRuns.Run run = run(id);
    assertThat(run.chunksDone()).isEqualTo(run.chunksTotal());
    assertThat(run.talentsDone()).isEqualTo(run.talentsTotal()).isPositive();
    assertThat(run.grants()).isPositive();
    assertThat(run.publicityUntil()).isNotNull();
    long paid =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from benefit_payment where run_id = ?")
                    .param(id)
                    .query(Long.class)
                    .single());
    long paidGrants =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from benefit_grant where run_id = ? and status = 'PAID'")
                    .param(id)
                    .query(Long.class)
                    .single());
    long held =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from benefit_grant where run_id = ? and status = 'HELD'"
                            + " and 'NO_BANK_ACCOUNT' = any(risks)")
                    .param(id)
                    .query(Long.class)
                    .single());
    assertThat(paid).isEqualTo(paidGrants).isPositive();
    // Some demo talents have no bank account: their grants are held, not paid.
    assertThat(held).isPositive();
    assertThat(paid + held).isLessThanOrEqualTo(run.grants());
  }

  @Test
  void aWorkerKilledMidChunkLeavesNothingAndTheRunResumedGrantsEachKeyOnce() throws Exception {
    ScopePath beilun = new ScopePath("/330200/330206/");
    LocalDate date = LocalDate.of(2024, 6, 30);
    Set<String> expected = expectedKeys(beilun, date);
    assertThat(expected).hasSizeGreaterThan(20);
    long id = DataScope.within(beilun, () -> runs.create(date, beilun, 100));
    assertThat(run(id).chunksTotal()).isGreaterThan(2);

    // Two chunks done and committed; then a worker blocks on the run's row (held here) with the
    // third chunk's grants written but not committed, and its connection is killed, as a crash
    // would.
    assertThat(DataScope.within(beilun, () -> runs.work(id, "first", 2))).isEqualTo(2);
    int committed = keysOf(id).size();
    assertThat(committed).isPositive();
    killAWorkerMidChunk(id, beilun);
    BenefitRuns.Run cut = run(id);
    assertThat(cut.status()).isEqualTo(BenefitRuns.Status.PROPOSING);
    assertThat(cut.chunksDone()).isLessThan(cut.chunksTotal());
    // What was committed is exactly the chunks marked done: no half chunk survived.
    assertThat(cut.chunksDone()).isEqualTo(2);
    assertThat(keysOf(id)).hasSize(cut.grants()).hasSize(committed);

    int resumed = DataScope.within(beilun, () -> runs.work(id, "resumed"));
    assertThat(resumed).isEqualTo(cut.chunksTotal() - cut.chunksDone());
    BenefitRuns.Run done = run(id);
    assertThat(done.status()).isEqualTo(BenefitRuns.Status.PROPOSED);
    assertThat(done.talentsDone()).isEqualTo(done.talentsTotal());
    assertThat(keysOf(id)).containsExactlyElementsOf(expected);
    assertThat(done.grants()).isEqualTo(expected.size());

    // Started once more: nothing new, nobody twice.
    assertThat(DataScope.within(beilun, () -> runs.work(id, "again"))).isZero();
    long again = DataScope.within(beilun, () -> runs.create(date, beilun, 100));
    DataScope.within(beilun, () -> runs.work(again, "again"));
    assertThat(keysOf(again)).isEmpty();
  }

  @Test
  void twoWorkersRacingOneRunGrantEachKeyOnce() throws Exception {
    ScopePath zhenhai = new ScopePath("/330200/330211/");
    LocalDate date = LocalDate.of(2024, 6, 30);
    Set<String> expected = expectedKeys(zhenhai, date);
    assertThat(expected).hasSizeGreaterThan(20);
    long id = DataScope.within(zhenhai, () -> runs.create(date, zhenhai, 40));
    int chunks = run(id).chunksTotal();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (String name : List.of("instance-a", "instance-b")) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  return DataScope.within(zhenhai, () -> runs.work(id, name));
                }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get(120, TimeUnit.SECONDS);
      }
      assertThat(total).as("each chunk done by one worker").isEqualTo(chunks);
    } finally {
      pool.shutdownNow();
    }
    BenefitRuns.Run run = run(id);
    assertThat(run.status()).isEqualTo(BenefitRuns.Status.PROPOSED);
    assertThat(keysOf(id)).containsExactlyElementsOf(expected);
    assertThat(run.grants()).isEqualTo(expected.size());
    List<String> workers =
        DataScope.asSystem(
            () ->
                jdbc.sql("select distinct worker from benefit_run_chunk where run_id = ?")
                    .param(id)
                    .query(String.class)
                    .list());
    assertThat(workers).isNotEmpty();
  }

  @Test
  void risksHoldGrantsAndApprovalPaysTheRestOnce() {
    ScopePath cixi = new ScopePath("/330200/330282/");
    LocalDate date = LocalDate.of(2024, 12, 31);
    DataScope.asSystem(
        () ->
            jdbc.sql(
                    "update benefit_fund_pool set balance = 1000, warning_level = 900, stop_level"
                        + " = 500 where policy_code = 'NB-DISTRICT-330282'")
                .update());
    long id = DataScope.within(cixi, () -> runs.create(date, cixi, 500));
    DataScope.within(cixi, () -> runs.work(id, "test"));
    List<BenefitRuns.RiskCount> risks = DataScope.within(cixi, () -> runs.risks(id));
    assertThat(risks).extracting(BenefitRuns.RiskCount::risk).contains("NO_BANK_ACCOUNT");
    long stoppedPool =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from benefit_grant where run_id = ? and policy_code ="
                            + " 'NB-DISTRICT-330282'")
                    .param(id)
                    .query(Long.class)
                    .single());
    if (stoppedPool > 0) {
      assertThat(risks).extracting(BenefitRuns.RiskCount::risk).contains("FUND_POOL_STOPPED");
    }
    assertThatThrownBy(
            () ->
                DataScope.within(
                    cixi,
                    () -> {
                      runs.archive(id);
                      return null;
                    }))
        .isInstanceOf(InvalidValueException.class);
    DataScope.within(
        cixi,
        () -> {
          runs.approve(id);
          return null;
        });
    assertThatThrownBy(
            () ->
                DataScope.within(
                    cixi,
                    () -> {
                      runs.approve(id);
                      return null;
                    }))
        .isInstanceOf(InvalidValueException.class);
    List<Long> wrongly =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select p.id from benefit_payment p join benefit_grant g on g.id = p.grant_id
                        where p.run_id = ? and (g.status <> 'PAID' or cardinality(array_remove(array_remove(
                          g.risks, 'FUND_POOL_WARNING'), null)) > 0)
                        """)
                    .param(id)
                    .query(Long.class)
                    .list());
    assertThat(wrongly).as("payments of held grants").isEmpty();
    long held =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from benefit_grant where run_id = ? and status = 'HELD'")
                    .param(id)
                    .query(Long.class)
                    .single());
    long paid =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from benefit_payment where run_id = ?")
                    .param(id)
                    .query(Long.class)
                    .single());
    assertThat(held).isPositive();
    assertThat(paid + held).isEqualTo(run(id).grants());
  }

  /**
   * A policy of 象山县 in two versions: version 1 (from 2021-01-19) grants talents with a master's
   * degree or more 90,000 as 4:3:3 a year apart; version 2 (from 2022-08-23) grants everyone who
   * arrived as early 120,000 the same way. The odd dates keep its keys apart from the demo's.
   */
  private static String carryPolicy(int version, String from) {
    String degree =
        version == 1 ? ", {\"field\": \"degree\", \"op\": \"ge\", \"value\": \"MASTER\"}" : "";
    return """
        {"code": "NB-TEST-CARRY", "kind": "SPECIAL", "name": {"zh": "分期跨版本测试", "en": "Carry test"},
         "issuer": "象山县", "source": "demo: amounts are illustrative", "version": %d,
         "effectiveFrom": "%s", "clauses": [{"id": "home", "benefit": "HOME_PURCHASE",
           "name": {"zh": "购房补贴", "en": "Home purchase"},
           "when": [{"field": "district", "op": "eq", "value": "330225"},
                    {"field": "arrival", "op": "before", "value": "2021-01-19"}%s],
           "amount": {"fixed": %d}, "instalments": {"shares": [4, 3, 3], "everyMonths": 12}}]}
        """
        .formatted(version, from, degree, version == 1 ? 90000 : 120000);
  }

  @Test
  void nobodyIsPaidTwiceAcrossVersions() {
    ScopePath xiangshan = new ScopePath("/330200/330225/");
    DataScope.within(
        xiangshan,
        () -> {
          policies.saveDraft(carryPolicy(1, "2021-01-19"), xiangshan);
          policies.publish("NB-TEST-CARRY", 1);
          return null;
        });
    LocalDate first = LocalDate.of(2022, 6, 30);
    long r1 = DataScope.within(xiangshan, () -> runs.create(first, xiangshan, 100));
    DataScope.within(xiangshan, () -> runs.work(r1, "first"));
    DataScope.within(
        xiangshan,
        () -> {
          runs.approve(r1);
          policies.saveDraft(carryPolicy(2, "2022-08-23"), xiangshan);
          policies.publish("NB-TEST-CARRY", 2);
          return null;
        });
    List<Long> begunUnderV1 =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select distinct talent_id from benefit_grant where policy_code ="
                            + " 'NB-TEST-CARRY' order by 1")
                    .query(Long.class)
                    .list());
    assertThat(begunUnderV1).hasSizeGreaterThan(3);

    LocalDate later = LocalDate.of(2024, 6, 30);
    Set<String> expected = expectedKeys(xiangshan, later);
    long r2 = DataScope.within(xiangshan, () -> runs.create(later, xiangshan, 100));
    DataScope.within(xiangshan, () -> runs.work(r2, "later"));
    DataScope.within(
        xiangshan,
        () -> {
          runs.approve(r2);
          return null;
        });
    assertThat(keysOf(r2)).containsExactlyElementsOf(expected);

    record Row(long talent, int version, int instalment, long amount, boolean paid) {}
    List<Row> rows =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select g.talent_id, g.policy_version, g.instalment, g.amount,
                          exists (select 1 from benefit_payment p where p.grant_id = g.id)
                        from benefit_grant g where g.policy_code = 'NB-TEST-CARRY'
                        order by g.talent_id, g.period_start
                        """)
                    .query(
                        (rs, n) ->
                            new Row(
                                rs.getLong(1),
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getLong(4),
                                rs.getBoolean(5)))
                    .list());
    Map<Long, List<Row>> byTalent = new HashMap<>();
    rows.forEach(r -> byTalent.computeIfAbsent(r.talent(), k -> new ArrayList<>()).add(r));
    // Those begun under version 1 got its third instalment and nothing of version 2.
    for (long talent : begunUnderV1) {
      assertThat(byTalent.get(talent))
          .as("talent %d", talent)
          .extracting(Row::version, Row::instalment, Row::amount)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, 1, 36000L),
              org.assertj.core.groups.Tuple.tuple(1, 2, 27000L),
              org.assertj.core.groups.Tuple.tuple(1, 3, 27000L));
    }
    // Those version 1 did not grant began version 2's schedule: two instalments due by the date.
    List<Long> newcomers =
        byTalent.keySet().stream().filter(t -> !begunUnderV1.contains(t)).toList();
    assertThat(newcomers).isNotEmpty();
    for (long talent : newcomers) {
      assertThat(byTalent.get(talent))
          .extracting(Row::version, Row::instalment, Row::amount)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(2, 1, 48000L),
              org.assertj.core.groups.Tuple.tuple(2, 2, 36000L));
    }
    // Nobody is paid more than the one schedule holds.
    byTalent.forEach(
        (talent, grants) ->
            assertThat(grants.stream().filter(Row::paid).mapToLong(Row::amount).sum())
                .as("paid to talent %d", talent)
                .isLessThanOrEqualTo(grants.getFirst().version() == 1 ? 90000 : 120000));
    assertThat(rows).anyMatch(Row::paid);
  }

  @Test
  void aCrashedRunResumesByItself() throws Exception {
    ScopePath ninghai = new ScopePath("/330200/330226/");
    LocalDate date = LocalDate.of(2024, 6, 30);
    Set<String> expected = expectedKeys(ninghai, date);
    assertThat(expected).hasSizeGreaterThan(20);
    long id = DataScope.within(ninghai, () -> runs.create(date, ninghai, 100));
    assertThat(DataScope.within(ninghai, () -> runs.work(id, "first", 1))).isEqualTo(1);
    killAWorkerMidChunk(id, ninghai);
    assertThat(run(id).status()).isEqualTo(BenefitRuns.Status.PROPOSING);
    assertThat(run(id).chunksDone()).isEqualTo(1);
    assertThat(run(id).autoResumes()).isZero();

    // Nobody presses "resume": the periodic sweep, off in the suite, is turned on for this test.
    sweeper.every(java.time.Duration.ofMillis(100));
    try {
      waitUntil(() -> run(id).status() == BenefitRuns.Status.PROPOSED);
    } finally {
      sweeper.every(java.time.Duration.ZERO);
    }
    BenefitRuns.Run done = run(id);
    assertThat(done.talentsDone()).isEqualTo(done.talentsTotal());
    assertThat(keysOf(id)).containsExactlyElementsOf(expected);
    assertThat(done.grants()).isEqualTo(expected.size());
    assertThat(done.autoResumes()).isEqualTo(1);
    assertThat(done.resumedAt()).isNotNull();
    List<String> workers =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select distinct worker from benefit_run_chunk where run_id = ? and"
                            + " worker <> 'first'")
                    .param(id)
                    .query(String.class)
                    .list());
    assertThat(workers).singleElement().asString().startsWith("auto-");
    // The run's page says so.
    var page = signedIn(org.zugong.support.DemoAccounts.CITY_ADMIN).get("/benefit-runs/" + id);
    assertThat(page.body()).contains("run-resumed").contains("中断后已自动继续运行 1 次");
  }

  /**
   * A second instance of the application on the same PostgreSQL: its own Spring context, connection
   * pool and workers, no web traffic, no demo data, no sweep of its own unless called.
   */
  private ConfigurableApplicationContext secondInstance() {
    return new SpringApplicationBuilder(ZugongApplication.class)
        .run(
            "--spring.datasource.url=" + pool.getJdbcUrl(),
            "--spring.datasource.username=" + pool.getUsername(),
            "--spring.datasource.password=",
            "--zugong.data-dir=" + ZugongTest.dataDir(),
            "--zugong.db.pool-size=6",
            "--zugong.demo.enabled=false",
            "--zugong.benefit.resume-on-start=false",
            "--zugong.benefit.resume-every=0s",
            "--zugong.member.tally.fold-every=1h",
            "--spring.modulith.republish-outstanding-events-on-restart=false",
            "--server.port=0");
  }

  @Test
  void twoInstancesOnOneDatabasePayNobodyTwiceAndMissNobody() throws Exception {
    ScopePath yuyao = new ScopePath("/330200/330281/");
    ScopePath fenghua = new ScopePath("/330200/330213/");
    LocalDate date = LocalDate.of(2024, 6, 30);
    Set<String> expected = expectedKeys(yuyao, date);
    assertThat(expected).hasSizeGreaterThan(20);
    long id = DataScope.within(yuyao, () -> runs.create(date, yuyao, 40));
    int chunks = run(id).chunksTotal();
    assertThat(chunks).isGreaterThan(3);
    try (ConfigurableApplicationContext other = secondInstance()) {
      BenefitRuns there = other.getBean(BenefitRuns.class);
      assertThat(there).isNotSameAs(runs);

      // The same run worked from both instances at once: each takes a first chunk, then both go on.
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (var instance :
            List.of(java.util.Map.entry("here", runs), java.util.Map.entry("there", there))) {
          done.add(
              threads.submit(
                  () -> {
                    go.await();
                    return DataScope.within(
                        yuyao,
                        () ->
                            instance.getValue().work(id, instance.getKey(), 1)
                                + instance.getValue().work(id, instance.getKey()));
                  }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : done) {
          total += f.get(120, TimeUnit.SECONDS);
        }
        assertThat(total).as("each chunk done once, by one instance").isEqualTo(chunks);
      } finally {
        threads.shutdownNow();
      }
      BenefitRuns.Run run = run(id);
      assertThat(run.status()).isEqualTo(BenefitRuns.Status.PROPOSED);
      assertThat(keysOf(id)).containsExactlyElementsOf(expected);
      assertThat(run.grants()).isEqualTo(expected.size());
      assertThat(
              DataScope.asSystem(
                  () ->
                      jdbc.sql(
                              "select distinct worker from benefit_run_chunk where run_id = ?"
                                  + " order by 1")
                          .param(id)
                          .query(String.class)
                          .list()))
          .containsExactly("here", "there");

      // A run left proposing, swept by both instances at once: one of them works it.
      Set<String> expectedThere = expectedKeys(fenghua, date);
      long stalled = DataScope.within(fenghua, () -> runs.create(date, fenghua, 100));
      CountDownLatch sweep = new CountDownLatch(1);
      Thread a =
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(sweep);
                    runs.resumeStalled();
                  });
      Thread b =
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(sweep);
                    there.resumeStalled();
                  });
      sweep.countDown();
      a.join(30_000);
      b.join(30_000);
      waitUntil(
          () ->
              run(stalled).status() == BenefitRuns.Status.PROPOSED
                  && !runs.workingHere(stalled)
                  && !there.workingHere(stalled));
      assertThat(run(stalled).autoResumes()).isEqualTo(1);
      assertThat(keysOf(stalled)).containsExactlyElementsOf(expectedThere);
      List<String> sweepers =
          DataScope.asSystem(
              () ->
                  jdbc.sql(
                          "select distinct split_part(worker, '-', 2) from benefit_run_chunk"
                              + " where run_id = ?")
                      .param(stalled)
                      .query(String.class)
                      .list());
      assertThat(sweepers).as("the instance that worked it").hasSize(1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts a worker on the run, lets it decide and write a chunk's grants, and kills its connection
   * before it commits, as a crash would: the worker blocks on the run's row (held here) and its
   * backend is terminated.
   */
  private void killAWorkerMidChunk(long id, ScopePath scope) throws Exception {
    AtomicReference<Throwable> died = new AtomicReference<>();
    Thread worker;
    try (Connection lock = DataScope.asSystem(() -> connection())) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("select set_config('zugong.scope', '/', false)");
      }
      try (PreparedStatement p =
          lock.prepareStatement("select id from benefit_run where id = ? for update")) {
        p.setLong(1, id);
        p.executeQuery().close();
      }
      worker =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      DataScope.within(scope, () -> runs.work(id, "doomed"));
                    } catch (Throwable e) {
                      died.set(e);
                    }
                  });
      int workerPid;
      try {
        workerPid = waitForBlockedWorker(lock);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " worker: " + died.get(), e);
      }
      try (PreparedStatement kill = lock.prepareStatement("select pg_terminate_backend(?)")) {
        kill.setInt(1, workerPid);
        kill.executeQuery().close();
      }
      lock.rollback();
    }
    worker.join(30_000);
    assertThat(died.get()).as("the worker died with its connection").isNotNull();
  }

  private Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The backend of the worker waiting for the run's row lock. */
  private static int waitForBlockedWorker(Connection c) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select pid from pg_stat_activity where wait_event_type = 'Lock'"
                      + " and pid <> pg_backend_pid()")) {
        if (rs.next()) {
          return rs.getInt(1);
        }
      }
      Thread.sleep(20);
    }
    List<String> activity = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ' '"
                    + " || left(query, 120) from pg_stat_activity where backend_type = 'client"
                    + " backend'")) {
      while (rs.next()) {
        activity.add(rs.getString(1));
      }
    }
    throw new AssertionError("the worker never blocked: " + activity);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(5);
    }
  }
}
