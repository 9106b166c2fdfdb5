package org.zugong.member.transfer;

/**
 * The status of a member as the transfer rules need it: only a member in {@link #NORMAL} status may
 * be transferred. 失联 {@link #LOST_CONTACT}, 停止党籍 {@link #STOPPED}, 出党 {@link #REMOVED}, 去世 {@link
 * #DECEASED}.
 */
public enum MemberStatus {
  NORMAL,
  LOST_CONTACT,
  STOPPED,
  REMOVED,
  DECEASED
}
