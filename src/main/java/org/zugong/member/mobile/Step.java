package org.zugong.member.mobile;

/** The five-step method (五步工作法) for mobile members. */
public enum Step {
  /** 源头查找 */
  LOCATE,
  /** 建档建库 */
  REGISTER,
  /** 走亲连心 */
  CONTACT,
  /** 动态管理 */
  TRACK,
  /** 用其所长 */
  ENGAGE;

  public String messageKey() {
    return "mobile.step." + name();
  }
}
