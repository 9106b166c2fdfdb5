package org.zugong.member;

/** Probationary (预备党员) or full (正式党员) member. */
public enum MemberStage {
  PROBATIONARY,
  FULL;

  public String messageKey() {
    return "member.stage." + name();
  }
}
