package org.zugong.platform.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One cell as the workbook stored it: empty, text, or a number (spreadsheet dates are numbers). */
public sealed interface SheetCell {

  SheetCell BLANK = new Blank();

  static SheetCell text(@Nullable String value) {
    return value == null || value.isBlank() ? BLANK : new Text(value.strip());
  }

  record Blank() implements SheetCell {}

  record Text(String value) implements SheetCell {}

  record Number(BigDecimal value) implements SheetCell {}

  default boolean isBlank() {
    return this instanceof Blank;
  }

  /**
   * The cell as the user typed it, for copying it back into the error workbook: a date column's
   * number becomes the date it stands for.
   */
  default String display(SheetColumn column, boolean date1904) {
    return switch (this) {
      case Blank b -> "";
      case Text t -> t.value();
      case Number n -> {
        if (column.isDate()) {
          LocalDate d = ExcelDates.fromSerial(n.value(), date1904);
          yield d == null ? n.value().toPlainString() : d.toString();
        }
        yield n.value().stripTrailingZeros().toPlainString();
      }
    };
  }
}
