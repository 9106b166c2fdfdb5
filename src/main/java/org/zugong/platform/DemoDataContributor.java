package org.zugong.platform;

/**
 * A module's part of the Ningbo 2022 demo data set. Each part runs once, in its own transaction, in
 * {@link #order()} on the first start with an empty database; a part that completed is not run
 * again after an interrupted load.
 */
public interface DemoDataContributor {

  /** A stable name, recorded when the part has loaded. */
  String name();

  /** Lower first; a part may rely on every part with a lower order. */
  int order();

  void load(DemoData demo);
}
