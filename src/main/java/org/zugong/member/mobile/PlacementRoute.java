package org.zugong.member.mobile;

/** The three placement routes (三个一批) by which a mobile member comes under an organization. */
public enum PlacementRoute {
  /** 工作地纳管: the organization where the member works. */
  WORKPLACE,
  /** 居住地接收: the organization where the member lives. */
  RESIDENCE,
  /** 区域性党组织覆盖: a regional organization covering the area. */
  REGIONAL;

  public String messageKey() {
    return "mobile.route." + name();
  }
}
