package org.zugong.member.mobile;

import java.util.UUID;

/**
 * The organization a member is placed with, as far as placement needs to know it: its id, and
 * whether it is a regional organization (区域性党组织).
 */
public record PlacingOrganization(UUID id, boolean regional) {

  public static PlacingOrganization regional(UUID id) {
    return new PlacingOrganization(id, true);
  }

  public static PlacingOrganization notRegional(UUID id) {
    return new PlacingOrganization(id, false);
  }
}
