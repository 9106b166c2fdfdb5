package org.zugong.talent.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zugong.talent.BenefitRuns;

/**
 * Resumes runs that a crash left proposing, without anyone pressing "resume": once when the
 * application has started ({@code zugong.benefit.resume-on-start}) and then every {@code
 * zugong.benefit.resume-every} (30 s). Each sweep hands every run that no live worker holds to a
 * background worker ({@link BenefitRuns#resumeStalled}); instances sweeping at once do not both
 * work one run.
 */
@Component
public class BenefitRunSweeper {

  private static final Logger log = LoggerFactory.getLogger(BenefitRunSweeper.class);

  private final BenefitRuns runs;
  private final BenefitProperties properties;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("benefit-run-sweep").daemon(true).factory());
  private @Nullable ScheduledFuture<?> periodic;

  BenefitRunSweeper(BenefitRuns runs, BenefitProperties properties) {
    this.runs = runs;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    if (properties.resumeOnStart()) {
      timer.execute(this::sweep);
    }
    every(properties.resumeEvery());
  }

  /** Sweeps every {@code period} from now on, in place of the schedule before; zero stops it. */
  public synchronized void every(Duration period) {
    if (periodic != null) {
      periodic.cancel(false);
      periodic = null;
    }
    if (period.isPositive()) {
      long millis = period.toMillis();
      periodic = timer.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Gives a worker to each run left proposing that no live worker holds; returns how many. */
  public int sweep() {
    try {
      int resumed = runs.resumeStalled();
      if (resumed > 0) {
        log.info("{} benefit runs left proposing were handed to a worker", resumed);
      }
      return resumed;
    } catch (RuntimeException e) {
      // The next sweep tries again; a run waits meanwhile, it is not harmed.
      log.warn("Sweeping for benefit runs left proposing failed: {}", e.toString());
      return 0;
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
