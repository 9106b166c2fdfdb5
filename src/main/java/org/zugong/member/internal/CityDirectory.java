package org.zugong.member.internal;

import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.region.Region;
import org.zugong.region.RegionLevel;
import org.zugong.region.Regions;
import org.zugong.shared.ScopePath;

/**
 * Finds a division or an organization anywhere in the city by its exact code, whatever the caller's
 * scope. A mobile member lives or works away from home, and is placed with an organization there:
 * the side holding the relationship names the place and the placing organization by code (as one
 * office tells another), and sees the name it gets back — nothing more, and no search.
 *
 * <p>Each look-up runs as the system in a transaction of its own, so it must be called where no
 * transaction is open; the records it leads to are still written within the caller's scope.
 */
@Component
public class CityDirectory {

  private final Regions regions;
  private final Organizations organizations;

  CityDirectory(Regions regions, Organizations organizations) {
    this.regions = regions;
    this.organizations = organizations;
  }

  /** A division of the city, named from its district down (e.g. 鄞州区下应街道). */
  public record CityRegion(ScopePath path, String name) {}

  public Optional<CityRegion> region(String code) {
    return DataScope.asSystem(
        () ->
            regions
                .find(code)
                .map(
                    region ->
                        new CityRegion(
                            region.path(),
                            regions.trail(code).stream()
                                .filter(r -> r.level() != RegionLevel.CITY)
                                .map(Region::name)
                                .collect(Collectors.joining()))));
  }

  public Optional<OrganizationView> organization(String code) {
    return DataScope.asSystem(() -> organizations.findByCode(code));
  }
}
