package org.zugong.talent.rules;

/** What a clause grants. */
public enum Benefit {
  /** 购房补贴 home-purchase subsidy. */
  HOME_PURCHASE,
  /** 安家补助 settling-in allowance. */
  SETTLING_IN,
  /** 租房补贴 rent subsidy. */
  RENT,
  /** 安居补助 housing allowance. */
  HOUSING,
  /** 生活补贴 living allowance. */
  LIVING,
  /** 项目资助 project funding. */
  PROJECT_FUNDING;

  public String messageKey() {
    return "talent.benefit." + name();
  }
}
