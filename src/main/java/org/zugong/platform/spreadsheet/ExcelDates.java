package org.zugong.platform.spreadsheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Dates as people type them into a sheet, and as spreadsheets store them (serial day numbers). */
public final class ExcelDates {

  // 2001-07-01, 2001/7/1, 2001.7.1, 2001年7月1日, optionally followed by a time of day.
  private static final Pattern SEPARATED =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  // Spreadsheets count days from 1899-12-30 (which absorbs Lotus's leap day of 1900), or from 1904.
  private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
  private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

  private ExcelDates() {}

  /** The date a serial day number stands for, or {@code null} if it cannot be one. */
  public static @Nullable LocalDate fromSerial(BigDecimal serial, boolean date1904) {
    if (serial.signum() <= 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
      return null;
    }
    return (date1904 ? EPOCH_1904 : EPOCH_1900).plusDays(serial.longValue());
  }

  /** The date a text stands for, or {@code null} if it is none. */
  public static @Nullable LocalDate parse(String text) {
    String s = text.strip();
    Matcher m = SEPARATED.matcher(s);
    if (!m.matches()) {
      m = COMPACT.matcher(s);
      if (!m.matches()) {
        return null;
      }
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
