package org.zugong.member;

import java.util.EnumSet;
import java.util.Set;

/** A member's status; removed and deceased members are history, no longer counted as members. */
public enum MemberStatus {
  NORMAL,
  LOST_CONTACT,
  STOPPED,
  REMOVED,
  DECEASED;

  /** The statuses of people who are still members. */
  public static final Set<MemberStatus> CURRENT = EnumSet.of(NORMAL, LOST_CONTACT, STOPPED);

  public String messageKey() {
    return "member.status." + name();
  }
}
