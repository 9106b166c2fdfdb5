package org.zugong.member.mobile;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The coverage of a list of members on a day. {@code placed + unplaced + lapsed} are the members
 * mobile that day; {@code transferDue} counts those among them whose relationship should be
 * transferred instead, whatever their coverage; {@code notMobile} the others of the list.
 */
public record CoverageSummary(
    int placed, int unplaced, int lapsed, int transferDue, int notMobile) {

  public static CoverageSummary of(
      Collection<MobileMember> members, LocalDate today, CoveragePolicy policy) {
    int placed = 0;
    int unplaced = 0;
    int lapsed = 0;
    int transferDue = 0;
    int notMobile = 0;
    for (MobileMember member : members) {
      switch (member.coverage(today, policy)) {
        case PLACED -> placed++;
        case UNPLACED -> unplaced++;
        case LAPSED -> lapsed++;
        case NOT_MOBILE -> notMobile++;
      }
      if (member.mobility(today) == MobilityStatus.TRANSFER_DUE) {
        transferDue++;
      }
    }
    return new CoverageSummary(placed, unplaced, lapsed, transferDue, notMobile);
  }

  public static CoverageSummary of(Collection<MobileMember> members, LocalDate today) {
    return of(members, today, CoveragePolicy.DEFAULT);
  }

  /** The members mobile on the day. */
  public int mobile() {
    return placed + unplaced + lapsed;
  }
}
