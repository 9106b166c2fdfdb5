package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a module's import of one kind of sheet offers its page and its API: the upload that starts
 * an import, the imports and their errors, and the template. The module says who may start one and
 * writes the template.
 */
public abstract class SheetImports {

  private final ImportJobs jobs;
  private final ImportFiles files;
  private final SheetImportWorker<?> worker;

  protected SheetImports(ImportJobs jobs, ImportFiles files, SheetImportWorker<?> worker) {
    this.jobs = jobs;
    this.files = files;
    this.worker = worker;
  }

  /**
   * Saves an uploaded workbook and starts its import as the caller once this transaction commits.
   *
   * @param locale the language of the error workbook
   * @return the import's id, to follow its progress
   */
  public abstract long start(String fileName, InputStream content, Locale locale);

  /** Writes the template to fill in. */
  public abstract void template(OutputStream out, Locale locale) throws IOException;

  /** What {@link #start} does once the module has let the caller start an import. */
  protected long save(String fileName, InputStream content, Locale locale) {
    return jobs.start(fileName, content, locale, files, worker::submit);
  }

  @Transactional(readOnly = true)
  public Optional<ImportJob> find(long id) {
    return jobs.find(id);
  }

  /** The latest imports in the caller's scope, newest first. */
  @Transactional(readOnly = true)
  public List<ImportJob> recent(int limit) {
    return jobs.recent(limit);
  }

  /** The first errors of a refused import, by row and column. */
  @Transactional(readOnly = true)
  public List<ImportError> errors(long id, int limit) {
    return jobs.errors(id, limit, worker.columns());
  }

  /** The workbook that marks the bad cells of a refused import. */
  @Transactional(readOnly = true)
  public Optional<Path> errorWorkbook(long id) {
    return jobs.errorWorkbook(id, files);
  }
}
