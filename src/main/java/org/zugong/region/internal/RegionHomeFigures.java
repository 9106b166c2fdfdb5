package org.zugong.region.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.region.RegionLevel;
import org.zugong.region.Regions;

/** Counts of divisions in the user's scope, each opening the list it counts. */
@Component
class RegionHomeFigures implements HomeFigures {

  private final Regions regions;

  RegionHomeFigures(Regions regions) {
    this.regions = regions;
  }

  @Override
  public List<HomeFigure> figures() {
    return List.of(
        figure(RegionLevel.DISTRICT, 10),
        figure(RegionLevel.TOWN, 11),
        figure(RegionLevel.VILLAGE, 12));
  }

  private HomeFigure figure(RegionLevel level, int order) {
    return new HomeFigure(
        "home.figure.regions." + level.name(),
        regions.count(level),
        "/regions?level=" + level.name(),
        order);
  }
}
