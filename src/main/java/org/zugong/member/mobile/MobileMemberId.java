package org.zugong.member.mobile;

/**
 * One period of mobility of one member: a member who returns home and leaves again gets a new one.
 */
public record MobileMemberId(long value) {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
