package org.zugong.region;

/** The four levels of Ningbo's division tree. */
public enum RegionLevel {
  CITY,
  DISTRICT,
  TOWN,
  VILLAGE;

  public String messageKey() {
    return "region.level." + name();
  }
}
