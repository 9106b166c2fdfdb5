package org.zugong.member.dues;

import java.math.BigDecimal;

/**
 * One line of a rate table: incomes up to {@code upToFen} inclusive (after the previous band's
 * limit) pay {@code basisPoints} ten-thousandths of the whole income. The top band is unbounded.
 *
 * <p>Rounding: the amount is rounded half up to the fen, e.g. 0.5% of 1,001.00 yuan (5.005 yuan) is
 * 5.01 yuan. The regulation says nothing on rounding; half up is the ordinary 四舍五入 of Chinese
 * bookkeeping.
 */
public record RateBand(long upToFen, int basisPoints) {

  public static final long UNBOUNDED = Long.MAX_VALUE;

  public RateBand {
    if (upToFen < 0 || basisPoints < 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException("bad rate band " + upToFen + "/" + basisPoints);
    }
  }

  /** A band up to a whole number of yuan inclusive, e.g. {@code upToYuan(3_000, 50)} = 0.5%. */
  public static RateBand upToYuan(long yuan, int basisPoints) {
    return new RateBand(Math.multiplyExact(yuan, 100), basisPoints);
  }

  /** The top band, without an upper limit. */
  public static RateBand above(int basisPoints) {
    return new RateBand(UNBOUNDED, basisPoints);
  }

  boolean holds(long incomeFen) {
    return incomeFen <= upToFen;
  }

  /** The rate applied to the whole income (not progressively), rounded half up to the fen. */
  long duesOn(long incomeFen) {
    return Math.addExact(Math.multiplyExact(incomeFen, basisPoints), 5_000) / 10_000;
  }

  /** The rate in percent, e.g. 1.5 for 150 basis points. */
  public BigDecimal percent() {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
  }
}
