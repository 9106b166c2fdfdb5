package org.zugong.region;

/**
 * What a division is within its level: a district, county or county-level city; a subdistrict,
 * town, township or development zone; a village or an urban community.
 */
public enum RegionKind {
  CITY,
  DISTRICT,
  COUNTY,
  COUNTY_CITY,
  SUBDISTRICT,
  TOWN,
  TOWNSHIP,
  ZONE,
  VILLAGE,
  COMMUNITY;

  public String messageKey() {
    return "region.kind." + name();
  }

  /** Classifies a division by its level and the suffix of its official name. */
  public static RegionKind classify(RegionLevel level, String name) {
    return switch (level) {
      case CITY -> CITY;
      case DISTRICT -> name.endsWith("县") ? COUNTY : name.endsWith("市") ? COUNTY_CITY : DISTRICT;
      case TOWN ->
          name.endsWith("街道")
              ? SUBDISTRICT
              : name.endsWith("镇") ? TOWN : name.endsWith("乡") ? TOWNSHIP : ZONE;
      case VILLAGE -> name.endsWith("村委会") || name.endsWith("村") ? VILLAGE : COMMUNITY;
    };
  }
}
