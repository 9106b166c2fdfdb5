package org.zugong.member.mobile;

import java.util.Locale;
import org.zugong.shared.Decision;

/**
 * The rules a {@link MobileMember} transition may be refused by, each with the message key that
 * tells the user why. The rule id in a {@link Decision.Refused} is {@link #id()}.
 */
public enum MobileRule {
  /** Only a member living or working away from the relationship's region is mobile. */
  LOCATE_ONLY_AWAY("mobile.locate.not-away"),
  /** The member cannot have been at the place found for them later than the day they were found. */
  AWAY_NOT_AFTER_FOUND("mobile.locate.since-after-found"),
  /** Nothing is recorded with a date after today. */
  NO_FUTURE_DATE("mobile.date.future"),
  /** Nothing is recorded with a date before the day the member was located. */
  NOT_BEFORE_LOCATED("mobile.date.before-located"),
  /** After the return home the record is closed; only late entries dated up to the return. */
  MOBILITY_ENDED("mobile.ended"),
  /** One activity certificate per period of mobility. */
  REGISTER_ONCE("mobile.register.already"),
  /** A member is placed only once registered (建档建库 before 纳管). */
  PLACE_ONLY_REGISTERED("mobile.place.unregistered"),
  /** A placement does not start before the registration. */
  PLACE_NOT_BEFORE_REGISTRATION("mobile.place.before-registered"),
  /** One placing organization at a time: the first placement ends before another starts. */
  PLACE_ONCE_AT_A_TIME("mobile.place.already-placed"),
  /** A new placement does not start before the previous one ended. */
  PLACE_NOT_BEFORE_PREVIOUS_END("mobile.place.before-previous-end"),
  /** A placement does not start before the last move: it belongs to the place the member is at. */
  PLACE_NOT_BEFORE_LAST_MOVE("mobile.place.before-last-move"),
  /** The REGIONAL route (区域性党组织覆盖) places only with a regional organization. */
  REGIONAL_ROUTE_ONLY_TO_REGIONAL_ORGANIZATION("mobile.place.regional-needs-regional"),
  /** Only an open placement can be ended. */
  END_ONLY_OPEN_PLACEMENT("mobile.placement.none"),
  /** A placement does not end before it started. */
  END_NOT_BEFORE_START("mobile.placement.end-before-start"),
  /** Moves and the return are recorded in order, not before the last one nor the placement. */
  TRACK_IN_ORDER("mobile.track.out-of-order"),
  /** A move goes somewhere else, or at least changes whether the place is fixed. */
  MOVE_CHANGES_PLACE("mobile.track.same-place"),
  /** A move into the relationship's own region is a return home, recorded as such. */
  MOVE_NOT_HOME("mobile.track.moved-home");

  private final String messageKey;

  MobileRule(String messageKey) {
    this.messageKey = messageKey;
  }

  /** The rule id carried by a refusal, e.g. {@code place-only-registered}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String messageKey() {
    return messageKey;
  }

  Decision refuse(Object... arguments) {
    return Decision.refused(id(), messageKey, arguments);
  }
}
