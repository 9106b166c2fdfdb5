package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where uploaded sheets wait to be imported and error workbooks stay to be downloaded, a folder per
 * kind of sheet under {@code <data-dir>/imports}. The files are reached only through their job,
 * which row-level security shows within the uploader's scope.
 */
public class ImportFiles {

  private final Path directory;

  protected ImportFiles(Path directory) {
    this.directory = directory;
  }

  public Path upload(long jobId) {
    return directory.resolve(jobId + ".xlsx");
  }

  public Path errorWorkbook(long jobId) {
    return directory.resolve(jobId + "-errors.xlsx");
  }

  public void save(long jobId, InputStream content) {
    try {
      Files.createDirectories(directory);
      Files.copy(content, upload(jobId), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void deleteUpload(long jobId) {
    try {
      Files.deleteIfExists(upload(jobId));
    } catch (IOException e) {
      // A leftover upload is harmless: it is never read again.
    }
  }
}
