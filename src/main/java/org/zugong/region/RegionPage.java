package org.zugong.region;

import java.util.List;

/** One page of a region search. */
public record RegionPage(List<RegionMatch> rows, int page, int size, long total) {

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < pages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  /** A region with the names of its ancestors inside the user's scope, for display. */
  public record RegionMatch(Region region, String trail) {}
}
