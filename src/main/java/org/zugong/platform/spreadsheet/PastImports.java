package org.zugong.platform.spreadsheet;

import java.time.OffsetDateTime;
import java.util.List;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;

/**
 * Writes the finished imports of a demo city into a sheet's job tables, as its import page lists
 * them: done or refused, with the stored errors of the refused ones (their error workbooks are not
 * kept).
 */
public final class PastImports {

  private final List<Long> ids;
  private final BulkCopy.Copy jobs;
  private final BulkCopy.Copy errors;

  /**
   * @param sheet the sheet's name ({@code member-import}), whose tables take the jobs
   * @param count how many jobs will be written
   */
  public PastImports(DemoData demo, String sheet, int count) {
    String table = sheet.replace('-', '_');
    this.ids =
        demo.jdbc()
            .sql("select nextval('" + table + "_job_id_seq') from generate_series(1, ?)")
            .param(count)
            .query(Long.class)
            .list();
    this.jobs =
        demo.bulkCopy()
            .into(
                table + "_job",
                List.of(
                    "id",
                    "file_name",
                    "status",
                    "total_rows",
                    "checked_rows",
                    "written_rows",
                    "error_count",
                    "progress",
                    "error_workbook",
                    "locale",
                    "uploaded_by",
                    "scope_path",
                    "created_at",
                    "started_at",
                    "finished_at"));
    this.errors =
        demo.bulkCopy()
            .into(
                table + "_error",
                List.of("job_id", "row_no", "column_no", "message_key", "arguments", "scope_path"));
  }

  /**
   * Writes the {@code index}th job, uploaded in Chinese and started a second after its upload.
   *
   * @return its id
   */
  public long job(
      int index,
      String fileName,
      ImportStatus status,
      int rows,
      int errorCount,
      String uploadedBy,
      String scopePath,
      OffsetDateTime createdAt,
      OffsetDateTime finishedAt) {
    long id = ids.get(index);
    jobs.row(
        id,
        fileName,
        status.name(),
        rows,
        rows,
        status == ImportStatus.DONE ? rows : 0,
        errorCount,
        100,
        false,
        "zh-CN",
        uploadedBy,
        scopePath,
        createdAt,
        createdAt.plusSeconds(1),
        finishedAt);
    return id;
  }

  /**
   * Writes a stored error of a refused job.
   *
   * @param arguments the message's arguments as a PostgreSQL array ({@code {O999999}})
   */
  public void error(
      long job, int row, SheetColumn column, String messageKey, String arguments, String scope) {
    errors.row(job, row, column.index(), messageKey, arguments, scope);
  }

  public void finish() {
    jobs.finish();
    errors.finish();
  }
}
