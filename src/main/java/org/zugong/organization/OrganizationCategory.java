package org.zugong.organization;

/**
 * Regular organizations follow units and places; functional branches (功能性党支部) gather members of one
 * trade (e.g. 外卖骑手 "雨骑先锋"); regional organizations (区域性党组织) cover members of an area that have no
 * branch of their own.
 */
public enum OrganizationCategory {
  REGULAR,
  FUNCTIONAL,
  REGIONAL;

  public String messageKey() {
    return "organization.category." + name();
  }
}
