package org.zugong.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The records behind a figure: its columns, a page of rows, and how many rows there are in all. */
public record IndicatorRecords(List<Column> columns, List<Row> rows, long total) {

  public IndicatorRecords {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * A column: its heading's message key, and whether its cells are message keys themselves (such as
   * {@code organization.kind.BRANCH}) rather than text to show as it is.
   */
  public record Column(String heading, boolean translated) {}

  /** One record: its cells as text, and the page that shows it, if there is one. */
  public record Row(List<@Nullable String> cells, @Nullable String link) {}
}
