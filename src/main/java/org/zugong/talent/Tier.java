package org.zugong.talent;

/** The five tiers of talent certification (人才认定), highest first. */
public enum Tier {
  /** 顶尖人才 top talent. */
  A,
  /** 特优人才 outstanding talent. */
  B,
  /** 领军人才 leading talent. */
  C,
  /** 拔尖人才 top-notch talent. */
  D,
  /** 高级人才 senior talent. */
  E;

  public String messageKey() {
    return "talent.tier." + name();
  }
}
