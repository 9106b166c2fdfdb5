package org.zugong.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates as typed into a sheet and as spreadsheets store them. */
class ExcelDatesTest {

  @Test
  void readsTheWaysPeopleTypeADate() {
    LocalDate founding = LocalDate.of(1921, 7, 1);
    for (String typed :
        new String[] {
          "1921-07-01",
          "1921-7-1",
          "1921/7/1",
          "1921.07.01",
          "19210701",
          "1921年7月1日",
          "1921-07-01 00:00:00"
        }) {
      assertThat(ExcelDates.parse(typed)).as(typed).isEqualTo(founding);
    }
    assertThat(ExcelDates.parse("1921-02-30")).isNull();
    assertThat(ExcelDates.parse("七月一日")).isNull();
  }

  @Test
  void countsSerialDaysFrom1900Or1904() {
    assertThat(ExcelDates.fromSerial(BigDecimal.valueOf(44927), false))
        .isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(ExcelDates.fromSerial(BigDecimal.valueOf(43465), true))
        .isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(ExcelDates.fromSerial(BigDecimal.valueOf(-1), false)).isNull();
  }
}
