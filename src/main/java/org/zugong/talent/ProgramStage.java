package org.zugong.talent;

/**
 * The steps of a Yongjiang Talent Program application (甬江人才工程): application, formal check, expert
 * review, final review, publicity (公示), then certified or rejected.
 */
public enum ProgramStage {
  APPLIED,
  FORMAL_CHECK,
  EXPERT_REVIEW,
  FINAL_REVIEW,
  PUBLICITY,
  CERTIFIED,
  REJECTED;

  public boolean closed() {
    return this == CERTIFIED || this == REJECTED;
  }
}
