package org.zugong.member.mobile;

import java.util.UUID;

/**
 * One period of mobility of one member: a member who returns home and leaves again gets a new one.
 */
public record MobileMemberId(UUID value) {

  public static MobileMemberId newId() {
    return new MobileMemberId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
