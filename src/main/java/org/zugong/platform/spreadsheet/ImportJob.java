package org.zugong.platform.spreadsheet;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import of a sheet as pages and the API show it.
 *
 * @param progress percent done, for the progress bar
 * @param failureKey why a failed import failed, as a message key
 * @param failureArguments the arguments of that message
 * @param errorWorkbook whether a workbook marking the bad cells can be downloaded
 */
public record ImportJob(
    long id,
    String fileName,
    ImportStatus status,
    int totalRows,
    int checkedRows,
    int writtenRows,
    int errorCount,
    int progress,
    @Nullable String failureKey,
    List<String> failureArguments,
    boolean errorWorkbook,
    String uploadedBy,
    Instant createdAt,
    @Nullable Instant finishedAt) {

  public ImportJob {
    failureArguments = List.copyOf(failureArguments);
  }
}
