package org.zugong.review.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.review.YearInReview;

/** What the cockpit and review pages share: who may open them and which years they offer. */
final class ReviewPages {

  static final String STAFF =
      "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')";

  /** The first year the records reach back to. */
  static final int FIRST_YEAR = 2018;

  private ReviewPages() {}

  /** The year asked for, or the reference year of the review; a year without records is refused. */
  static int year(@Nullable Integer year, Clock clock) {
    int y = year == null ? YearInReview.REFERENCE_YEAR : year;
    if (y < FIRST_YEAR || y > LocalDate.now(clock).getYear()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return y;
  }

  static List<Integer> years(Clock clock) {
    List<Integer> years = new ArrayList<>();
    for (int y = LocalDate.now(clock).getYear(); y >= FIRST_YEAR; y--) {
      years.add(y);
    }
    return years;
  }
}
