package org.zugong.member.recruitment;

/**
 * Where a person stands on the path to membership: 入党申请人 applicant, 入党积极分子 activist, 发展对象
 * candidate, 预备党员 probationary member, 正式党员 full member; or stopped (停止发展 or 取消预备党员资格), a terminal
 * stage.
 */
public enum RecruitmentStage {
  APPLICANT,
  ACTIVIST,
  CANDIDATE,
  PROBATIONARY,
  FULL,
  STOPPED
}
