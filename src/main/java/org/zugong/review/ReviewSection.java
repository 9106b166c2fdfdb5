package org.zugong.review;

/** The sections of the annual review, in its order. */
public enum ReviewSection {
  /** 思想铸魂强党性. */
  THOUGHT,
  /** 创新引领增动能. */
  INNOVATION,
  /** 固本强基争先行. */
  FOUNDATION,
  /** 护航中心展担当. */
  SERVICE,
  /** 系统重塑锻铁军. */
  REFORM,
  /** Figures of the modules that the review does not name. */
  OTHER;

  public String messageKey() {
    return "review.section." + name();
  }
}
