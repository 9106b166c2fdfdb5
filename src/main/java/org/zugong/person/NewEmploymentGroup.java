package org.zugong.person;

/** The new employment groups (新就业群体) the review names. */
public enum NewEmploymentGroup {
  COURIER,
  DELIVERY_RIDER,
  TRUCK_DRIVER;

  public String messageKey() {
    return "person.new-employment." + name();
  }
}
