package org.zugong.member.dues;

import java.util.List;

/** How one category's monthly dues are set: a share of income by bands, or a flat amount. */
public sealed interface Tariff {

  DuesClause clause();

  /**
   * A rate table. Bands are in ascending order of their limits and the last one is unbounded, so
   * every income falls in exactly one band.
   */
  record Proportional(DuesClause clause, List<RateBand> bands) implements Tariff {

    public Proportional {
      bands = List.copyOf(bands);
      if (bands.isEmpty() || bands.getLast().upToFen() != RateBand.UNBOUNDED) {
        throw new IllegalArgumentException("the last band must be unbounded");
      }
      for (int i = 1; i < bands.size(); i++) {
        if (bands.get(i).upToFen() <= bands.get(i - 1).upToFen()) {
          throw new IllegalArgumentException("band limits must ascend");
        }
      }
    }

    /** The band the whole income falls in. */
    public RateBand bandFor(long incomeFen) {
      return bands.stream().filter(b -> b.holds(incomeFen)).findFirst().orElseThrow();
    }
  }

  /** The same amount every month, whatever the income. */
  record Flat(DuesClause clause, long fen) implements Tariff {

    public Flat {
      if (fen < 0) {
        throw new IllegalArgumentException("negative flat amount");
      }
    }
  }
}
