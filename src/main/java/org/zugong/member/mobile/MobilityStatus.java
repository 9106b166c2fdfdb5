package org.zugong.member.mobile;

/** What {@link MobilityPolicy} makes of where a member is compared with their relationship. */
public enum MobilityStatus {
  /** At the place of the organization that holds the relationship. */
  NOT_MOBILE,
  /** Away from it: a mobile member. */
  MOBILE,
  /**
   * Away at a fixed place for six months or more: the relationship should be transferred there
   * instead (组织关系应转未转).
   */
  TRANSFER_DUE;

  public String messageKey() {
    return "mobile.status." + name();
  }
}
