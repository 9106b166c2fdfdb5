package org.zugong.member.mobile;

import java.time.LocalDate;

/**
 * Where a mobile member lives or works, since when, and whether the place is fixed (相对固定): only a
 * fixed place makes the relationship due for transfer after six months.
 */
public record Whereabouts(Place place, LocalDate since, boolean fixed) {

  public static Whereabouts fixed(Place place, LocalDate since) {
    return new Whereabouts(place, since, true);
  }

  public static Whereabouts unsettled(Place place, LocalDate since) {
    return new Whereabouts(place, since, false);
  }
}
