package org.zugong.member;

/** A post on a party organization's committee (支部委员会、党委). */
public enum OfficePost {
  /** 书记. */
  SECRETARY,
  /** 副书记. */
  DEPUTY_SECRETARY,
  /** 委员 (with a duty such as 组织委员、宣传委员、纪检委员). */
  COMMITTEE_MEMBER;

  public String messageKey() {
    return "office.post." + name();
  }
}
