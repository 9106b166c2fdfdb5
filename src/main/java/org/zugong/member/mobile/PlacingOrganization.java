package org.zugong.member.mobile;

/**
 * The organization a member is placed with, as far as placement needs to know it: its id, its name
 * (for the messages that name it), and whether it is a regional organization (区域性党组织).
 */
public record PlacingOrganization(long id, String name, boolean regional) {

  public static PlacingOrganization regional(long id, String name) {
    return new PlacingOrganization(id, name, true);
  }

  public static PlacingOrganization notRegional(long id, String name) {
    return new PlacingOrganization(id, name, false);
  }
}
