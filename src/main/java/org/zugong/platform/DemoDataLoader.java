package org.zugong.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on the first start: every module's part, in order, each in its own
 * transaction and recorded when done, so that an interrupted load resumes where it stopped. With
 * {@code zugong.demo.background} it runs after the web server is up and the pages show progress.
 */
@Component
class DemoDataLoader {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final List<DemoDataContributor> contributors;
  private final ZugongProperties properties;
  private final JdbcClient jdbc;
  private final BulkCopy bulkCopy;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final DemoDataStatus status;
  private final AtomicBoolean started = new AtomicBoolean();

  DemoDataLoader(
      List<DemoDataContributor> contributors,
      ZugongProperties properties,
      JdbcClient jdbc,
      BulkCopy bulkCopy,
      TransactionTemplate tx,
      Clock clock,
      DemoDataStatus status) {
    this.contributors =
        contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
    this.properties = properties;
    this.jdbc = jdbc;
    this.bulkCopy = bulkCopy;
    this.tx = tx;
    this.clock = clock;
    this.status = status;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    if (!properties.demo().enabled()) {
      DataScope.asSystem(
          () ->
              jdbc.sql(
                      "insert into platform_setting (key, value) values ('demo-data', 'off')"
                          + " on conflict (key) do nothing")
                  .update());
      return;
    }
    if (!firstStartChoseDemo()) {
      return;
    }
    Set<String> done =
        DataScope.asSystem(
            () ->
                Set.copyOf(
                    jdbc.sql("select part from platform_demo_part").query(String.class).list()));
    List<DemoDataContributor> pending =
        contributors.stream().filter(c -> !done.contains(c.name())).toList();
    if (pending.isEmpty()) {
      status.update(
          new DemoDataStatus.Snapshot("DONE", contributors.size(), contributors.size(), ""));
      return;
    }
    Runnable load = () -> load(pending, done.size());
    if (properties.demo().background()) {
      Thread.ofPlatform().name("demo-data").daemon().start(load);
    } else {
      load.run();
    }
  }

  /**
   * The first start of a database decides once whether it holds demo data; a database started empty
   * never receives demo data later, and one with demo data resumes an interrupted load.
   */
  private boolean firstStartChoseDemo() {
    return DataScope.asSystem(
        () -> {
          jdbc.sql(
                  "insert into platform_setting (key, value) values ('demo-data', 'on')"
                      + " on conflict (key) do nothing")
              .update();
          return "on"
              .equals(
                  jdbc.sql("select value from platform_setting where key = 'demo-data'")
                      .query(String.class)
                      .single());
        });
  }

  private void load(List<DemoDataContributor> pending, int alreadyDone) {
    int total = contributors.size();
    int doneCount = alreadyDone;
    long started = System.nanoTime();
    for (DemoDataContributor part : pending) {
      status.update(new DemoDataStatus.Snapshot("LOADING", doneCount, total, part.name()));
      long partStart = System.nanoTime();
      try {
        DataScope.asSystem(
            () ->
                tx.executeWithoutResult(
                    t -> {
                      part.load(context(part));
                      jdbc.sql("insert into platform_demo_part (part, loaded_at) values (?, ?)")
                          .params(part.name(), java.time.OffsetDateTime.now(clock))
                          .update();
                    }));
      } catch (RuntimeException e) {
        log.error("Demo data part {} failed", part.name(), e);
        status.update(new DemoDataStatus.Snapshot("FAILED", doneCount, total, part.name()));
        return;
      }
      doneCount++;
      log.info(
          "Demo data part {} loaded in {} ms",
          part.name(),
          (System.nanoTime() - partStart) / 1_000_000);
    }
    status.update(new DemoDataStatus.Snapshot("DONE", doneCount, total, ""));
    log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private DemoData context(DemoDataContributor part) {
    CRC32 crc = new CRC32();
    crc.update(part.name().getBytes(StandardCharsets.UTF_8));
    Random random = new Random(crc.getValue());
    return new DemoData() {
      @Override
      public JdbcClient jdbc() {
        return jdbc;
      }

      @Override
      public BulkCopy bulkCopy() {
        return bulkCopy;
      }

      @Override
      public Random random() {
        return random;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }
}
