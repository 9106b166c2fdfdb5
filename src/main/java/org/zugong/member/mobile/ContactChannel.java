package org.zugong.member.mobile;

/** How the organization reached a mobile member (走亲连心). */
public enum ContactChannel {
  VISIT,
  PHONE,
  VIDEO,
  ONLINE_MESSAGE,
  MEETING;

  public String messageKey() {
    return "mobile.channel." + name();
  }
}
