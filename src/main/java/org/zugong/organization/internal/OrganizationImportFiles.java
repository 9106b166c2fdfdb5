package org.zugong.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;
import org.zugong.platform.ZugongProperties;

/**
 * Where uploaded organization sheets wait to be imported and error workbooks stay to be downloaded:
 * {@code <data-dir>/imports/organizations}, apart from the member imports' files. The files are
 * reached only through their job, which row-level security shows within the uploader's scope.
 */
@Component
public class OrganizationImportFiles {

  private final Path directory;

  OrganizationImportFiles(ZugongProperties properties) {
    this.directory = properties.dataDir().resolve("imports").resolve("organizations");
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

  void deleteUpload(long jobId) {
    try {
      Files.deleteIfExists(upload(jobId));
    } catch (IOException e) {
      // A leftover upload is harmless: it is never read again.
    }
  }
}
