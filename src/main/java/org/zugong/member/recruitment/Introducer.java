package org.zugong.member.recruitment;

/**
 * An introducer (入党介绍人) as the member records stood on the day of the step: the member's id and
 * stage, and the person the member is, so that nobody introduces themselves whatever the numbering
 * of members and persons. The caller reads the stage from the member records; only a {@link
 * RecruitmentStage#FULL} member may introduce.
 */
public record Introducer(long memberId, RecruitmentStage stage, long personId) {

  /** An introducer whose member id and person id are the same number, as in a single register. */
  public Introducer(long memberId, RecruitmentStage stage) {
    this(memberId, stage, memberId);
  }

  public static Introducer fullMember(long memberId) {
    return new Introducer(memberId, RecruitmentStage.FULL);
  }
}
