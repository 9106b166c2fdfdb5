package org.zugong.member.recruitment;

/**
 * An introducer (入党介绍人) as the member records stood on the day of the step: the member's id and
 * stage. The caller reads the stage from the member records; only a {@link RecruitmentStage#FULL}
 * member may introduce.
 */
public record Introducer(long memberId, RecruitmentStage stage) {

  public static Introducer fullMember(long memberId) {
    return new Introducer(memberId, RecruitmentStage.FULL);
  }
}
