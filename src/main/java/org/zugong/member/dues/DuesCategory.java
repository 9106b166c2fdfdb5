package org.zugong.member.dues;

import java.util.Locale;

/** The kind of member the dues regulation distinguishes, which decides how dues are computed. */
public enum DuesCategory {
  /** 在职: pays a share of the monthly after-tax salary income (regulation art. 2). */
  SALARIED,
  /** 离退休: pays a share of the monthly pension actually received (art. 5). */
  RETIRED,
  /** 农民: a flat monthly amount (art. 6). */
  FARMER,
  /** 学生: the minimum flat amount (art. 6). */
  STUDENT,
  /** 下岗失业: the minimum flat amount (art. 6). */
  UNEMPLOYED,
  /**
   * Any other member without a salary or pension (e.g. living on relief or the minimum living
   * allowance, art. 6): the minimum flat amount.
   */
  OTHER;

  /** The key of the category's name, e.g. {@code dues.category.salaried}. */
  public String messageKey() {
    return "dues.category." + name().toLowerCase(Locale.ROOT);
  }
}
