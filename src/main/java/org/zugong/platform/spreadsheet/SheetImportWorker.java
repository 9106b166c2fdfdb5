package org.zugong.platform.spreadsheet;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.shared.InvalidValueException;

/**
 * Runs the imports of one kind of sheet in the background, each as the user who uploaded it (their
 * scope applies to every statement): the queue, the job's start and end, the check of the header
 * against the template, and the failures. What the module does with the sheet — checking its rows
 * and writing them, or refusing it with {@link ImportJobs#refuse} — is {@link #importSheet}.
 *
 * @param <C> the sheet's columns
 */
public abstract class SheetImportWorker<C extends SheetColumn> {

  /** The module's logger: the import logs as its module. */
  protected final Logger log = LoggerFactory.getLogger(getClass());

  protected final ImportJobs jobs;
  protected final ImportFiles files;
  protected final ImportWorkbooks<C> workbooks;
  protected final MessageSource messages;
  private final String what;
  // Imports are heavy: a few at a time, the rest wait in the queue (status QUEUED). An import cut
  // off by a stop has written nothing (its transaction dies with the connection); see
  // failInterrupted.
  private final ExecutorService executor;

  /**
   * @param threads how many imports run at once
   * @param what what is imported, as the log names it ({@code Member})
   */
  protected SheetImportWorker(
      ImportJobs jobs,
      ImportFiles files,
      ImportWorkbooks<C> workbooks,
      MessageSource messages,
      int threads,
      String what) {
    this.jobs = jobs;
    this.files = files;
    this.workbooks = workbooks;
    this.messages = messages;
    this.what = what;
    this.executor =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name(jobs.name() + "-", 1).daemon(true).factory());
  }

  /** The sheet's columns in their order. */
  public List<C> columns() {
    return workbooks.columns();
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
          "{} {} imports were cut off by the last stop and are marked failed",
          cutOff,
          what.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Marks the imports that a stop of the application cut off as failed.
   *
   * @return how many imports were cut off
   */
  public int failInterrupted() {
    return jobs.failInterrupted();
  }

  void run(long jobId) {
    ImportJobs.Job job = jobs.job(jobId).orElse(null);
    if (job == null) {
      return;
    }
    Path upload = files.upload(jobId);
    long start = System.nanoTime();
    try {
      jobs.status(jobId, ImportStatus.CHECKING, 0, 0, 1);
      importSheet(job, upload, start);
    } catch (InvalidValueException e) {
      jobs.fail(jobId, e.messageKey(), e.arguments());
    } catch (RuntimeException e) {
      log.error("{} import {} failed", what, jobId, e);
      jobs.fail(jobId, jobs.name() + ".failed");
    } finally {
      files.deleteUpload(jobId);
    }
  }

  /**
   * Imports the saved upload: every row written in one transaction that ends the job as done, or
   * nothing and the job refused. An {@link org.zugong.shared.InvalidValueException} fails the job
   * with its message.
   *
   * @param start when the import started ({@link System#nanoTime}), for the log
   */
  protected abstract void importSheet(ImportJobs.Job job, Path upload, long start);

  /** Refuses a sheet whose header is not the template's, or that has none. */
  protected void header(SheetReader reader, Locale locale) {
    List<String> header =
        reader
            .header()
            .orElseThrow(() -> new InvalidValueException(jobs.name() + ".invalid.empty"));
    for (C c : workbooks.columns()) {
      String found = normalize(header.get(c.index()));
      if (labels(c.headerKey()).stream()
          .map(SheetImportWorker::normalize)
          .noneMatch(found::equals)) {
        throw new InvalidValueException(
            jobs.name() + ".invalid.header",
            c.letter(),
            messages.getMessage(c.headerKey(), null, locale));
      }
    }
  }

  /** A key's text in Chinese and in English: a sheet may be filled in either. */
  protected List<String> labels(String key) {
    List<String> labels = new ArrayList<>(2);
    for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
      String text = messages.getMessage(key, null, null, l);
      if (text != null) {
        labels.add(text);
      }
    }
    return labels;
  }

  protected static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static String normalize(String header) {
    return header.replace("*", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
