package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a module's import of one kind of sheet offers its page and its API. */
public interface SheetImports {

  /**
   * Saves an uploaded workbook and starts its import as the caller.
   *
   * @param locale the language of the error workbook
   * @return the import's id, to follow its progress
   */
  long start(String fileName, InputStream content, Locale locale);

  Optional<ImportJob> find(long id);

  /** The latest imports in the caller's scope, newest first. */
  List<ImportJob> recent(int limit);

  /** The first errors of a refused import, by row and column. */
  List<ImportError> errors(long id, int limit);

  /** The workbook that marks the bad cells of a refused import. */
  Optional<Path> errorWorkbook(long id);

  /** Writes the template to fill in. */
  void template(OutputStream out, Locale locale) throws IOException;
}
