package org.zugong.member.recruitment;

/** The steps of recruitment that are recorded, in the order the detailed rules describe them. */
public enum RecruitmentStepKind {
  /** 入党申请: the written application (第七条). */
  APPLICATION,
  /** 谈话: a talk with the applicant, due within one month of the application (第八条). */
  TALK,
  /** 确定入党积极分子: the branch designates the applicant an activist (第十一条). */
  ACTIVIST_DESIGNATION,
  /** 培养考察: the branch reviews the activist at least every six months (第十五条). */
  ACTIVIST_REVIEW,
  /** 确定发展对象: after at least one year as an activist (第十六条). */
  CANDIDATE_DESIGNATION,
  /** 入党介绍人: two full members introduce the candidate (第十七条). */
  INTRODUCERS,
  /** 政治审查 (第十九条). */
  POLITICAL_REVIEW,
  /** 集中培训: at least 3 days or 24 class hours (第二十条). */
  TRAINING,
  /** 支部大会讨论接收预备党员: the branch meeting admits a probationary member (第二十四条). */
  BRANCH_ADMISSION,
  /** 上级党委审批: within three months of the branch meeting, six with a special reason (第二十六条). */
  COMMITTEE_APPROVAL,
  /** 延长预备期: once, by six to twelve months (第三十二条). */
  PROBATION_EXTENSION,
  /** 转为正式党员: when the probation has ended (第三十二条). */
  CONVERSION,
  /** 停止发展 / 取消预备党员资格: ends the recruitment for good. */
  STOP
}
