package org.zugong.talent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days (工作日) as the State Council's yearly holiday arrangement makes them: Monday to
 * Friday, except public holidays, plus the weekend days worked in exchange (调休). The exceptions are
 * rows of {@code talent_calendar_day}.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendar {

  private final JdbcClient jdbc;

  WorkingCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the day is a working day. */
  public boolean isWorkingDay(LocalDate day) {
    return exceptions(day, day).getOrDefault(day, ordinary(day));
  }

  /**
   * The last day of a period of {@code days} working days that starts on {@code first} (counted
   * from {@code first} itself when it is a working day, else from the next working day).
   */
  public LocalDate lastOfWorkingDays(LocalDate first, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days: " + days);
    }
    // Holidays are at most nine days long: 3 * days + 14 calendar days always hold enough.
    LocalDate horizon = first.plusDays(3L * days + 14);
    Map<LocalDate, Boolean> exceptions = exceptions(first, horizon);
    int counted = 0;
    for (LocalDate d = first; ; d = d.plusDays(1)) {
      if (exceptions.getOrDefault(d, ordinary(d)) && ++counted == days) {
        return d;
      }
    }
  }

  private static boolean ordinary(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private Map<LocalDate, Boolean> exceptions(LocalDate from, LocalDate until) {
    return jdbc
        .sql("select day, working from talent_calendar_day where day between ? and ?")
        .params(from, until)
        .query((rs, n) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getBoolean("working")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
