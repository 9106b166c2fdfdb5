package org.zugong.member.mobile;

import java.time.LocalDate;
import java.time.Period;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;

/**
 * Whether a member is mobile: compares the region of the organization that holds the relationship
 * with where the member actually is.
 *
 * <ul>
 *   <li>The same place means the member's region lies inside the relationship's region (its path
 *       starts with the relationship's path): a member of a town's branch living in one of its
 *       villages is not mobile. A place known only more coarsely than the relationship (the
 *       district, for a town's branch) does not lie inside it and counts as away.
 *   <li>Outside the city is always away.
 *   <li>Six months are counted as {@link LocalDate#plusMonths}: the transfer is due on the same day
 *       of the month six months later, or on the last day of that month when it is shorter (since
 *       31 August: due on 28 February, 29 February in a leap year).
 * </ul>
 */
public final class MobilityPolicy {

  /** Away at a fixed place this long, the relationship should follow the member. */
  public static final Period TRANSFER_AFTER = Period.ofMonths(6);

  private MobilityPolicy() {}

  public static MobilityStatus classify(
      ScopePath relationshipRegion, Whereabouts whereabouts, LocalDate today) {
    if (whereabouts.since().isAfter(today)) {
      throw new InvalidValueException("mobile.date.future", whereabouts.since(), today);
    }
    if (isSamePlace(relationshipRegion, whereabouts.place())) {
      return MobilityStatus.NOT_MOBILE;
    }
    if (whereabouts.fixed() && !transferDueOn(whereabouts).isAfter(today)) {
      return MobilityStatus.TRANSFER_DUE;
    }
    return MobilityStatus.MOBILE;
  }

  public static boolean isSamePlace(ScopePath relationshipRegion, Place place) {
    if (relationshipRegion.equals(ScopePath.ROOT)) {
      throw new InvalidValueException("mobile.place.region-root");
    }
    return switch (place) {
      case Place.InCity inCity -> relationshipRegion.contains(inCity.region());
      case Place.OutsideCity outside -> false;
    };
  }

  /** The first day on which a member at a fixed place is due for transfer. */
  public static LocalDate transferDueOn(Whereabouts whereabouts) {
    return whereabouts.since().plus(TRANSFER_AFTER);
  }
}
