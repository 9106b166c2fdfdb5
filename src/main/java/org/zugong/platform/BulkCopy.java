package org.zugong.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Loads many rows at once with PostgreSQL's COPY, inside the caller's transaction (which it needs:
 * the staging table lives until commit). Table and column names come from code and are checked;
 * values travel as CSV data, never as SQL.
 */
@Component
public class BulkCopy {

  private static final Pattern IDENTIFIER =
      Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
  private static final int BATCH_CHARS = 8 * 1024 * 1024;

  private final DataSource dataSource;

  public BulkCopy(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens a copy into {@code table} with the given columns; call {@link Copy#finish()} at the end.
   */
  public Copy into(String table, List<String> columns) {
    check(table);
    columns.forEach(BulkCopy::check);
    String cols = String.join(", ", columns);
    String staging = "bulk_" + table.replace('.', '_');
    return new Copy(
        List.of(
            "create temp table if not exists "
                + staging
                + " (like "
                + table
                + " including defaults) on commit drop",
            "truncate " + staging),
        "copy " + staging + " (" + cols + ") from stdin (format csv)",
        "insert into " + table + " (" + cols + ") select " + cols + " from " + staging,
        columns.size());
  }

  private static void check(String identifier) {
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException("Not an identifier: " + identifier);
    }
  }

  /**
   * Copies rows straight into a table that has no row-level security (COPY refuses those): a
   * temporary table of the caller's transaction, say. Returns the number of rows copied.
   */
  public long copy(String table, List<String> columns, CsvRows rows) {
    check(table);
    columns.forEach(BulkCopy::check);
    if (rows.width != columns.size()) {
      throw new IllegalArgumentException(
          "Expected rows of " + columns.size() + " values, got " + rows.width);
    }
    if (rows.rows == 0) {
      return 0;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)",
              new StringReader(rows.text.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * Rows as the CSV text that COPY reads: {@code null} as nothing, bytes as {@code \x} and hex,
   * anything else as its {@code toString()} in double quotes.
   */
  public static final class CsvRows {
    private final int width;
    private final StringBuilder text = new StringBuilder();
    private int rows;

    public CsvRows(int width) {
      this.width = width;
    }

    public CsvRows row(@Nullable Object... values) {
      if (values.length != width) {
        throw new IllegalArgumentException("Expected " + width + " values, got " + values.length);
      }
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          text.append(',');
        }
        switch (values[i]) {
          case null -> {}
          case byte[] bytes -> HexFormat.of().formatHex(text.append("\"\\x"), bytes).append('"');
          case Object v -> {
            String value = v.toString();
            text.append('"')
                .append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""))
                .append('"');
          }
        }
      }
      text.append('\n');
      rows++;
      return this;
    }

    /** The rows added since the last {@link #clear()}. */
    public int rows() {
      return rows;
    }

    /** The length of the text in characters. */
    public int length() {
      return text.length();
    }

    public void clear() {
      text.setLength(0);
      rows = 0;
    }
  }

  /** Rows buffered as CSV and sent in batches. */
  public final class Copy {
    private final List<String> prepare;
    private final String sql;
    private final String publish;
    private final CsvRows buffer;
    private long rows;

    private Copy(List<String> prepare, String sql, String publish, int width) {
      this.prepare = prepare;
      this.sql = sql;
      this.publish = publish;
      this.buffer = new CsvRows(width);
    }

    public Copy row(@Nullable Object... values) {
      buffer.row(values);
      rows++;
      if (buffer.length() >= BATCH_CHARS) {
        flush();
      }
      return this;
    }

    /** Sends what is left and returns the number of rows copied. */
    public long finish() {
      flush();
      return rows;
    }

    private void flush() {
      if (buffer.rows() == 0) {
        return;
      }
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        try (var statement = connection.createStatement()) {
          for (String step : prepare) {
            statement.execute(step);
          }
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(sql, new StringReader(buffer.text.toString()));
          // Row-level security refuses COPY into a protected table, so rows go through a staging
          // table and one INSERT ... SELECT, which the policies check row by row.
          statement.execute(publish);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
      buffer.clear();
    }
  }
}
