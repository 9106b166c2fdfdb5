package org.zugong.member.mobile;

/**
 * Whether a mobile member is managed on a day (逐人纳管). The first three partition the members who are
 * mobile that day; a member who is placed but has lapsed counts as {@link #LAPSED}, a member who is
 * not placed counts as {@link #UNPLACED} however recent the last contact.
 */
public enum CoverageStatus {
  /** Under an organization, and contacted within the lapse threshold. */
  PLACED,
  /** Under no organization. */
  UNPLACED,
  /** Under an organization, but not contacted for the lapse threshold or longer. */
  LAPSED,
  /** Not a mobile member that day: not yet located, or returned home. */
  NOT_MOBILE;

  public String messageKey() {
    return "mobile.coverage." + name();
  }
}
