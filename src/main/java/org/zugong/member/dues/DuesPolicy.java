package org.zugong.member.dues;

import static org.zugong.member.dues.DuesClause.FARMER_FLAT;
import static org.zugong.member.dues.DuesClause.MINIMUM_FLAT;
import static org.zugong.member.dues.DuesClause.RETIRED_RATE;
import static org.zugong.member.dues.DuesClause.SALARIED_RATE;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.zugong.member.dues.Tariff.Flat;
import org.zugong.member.dues.Tariff.Proportional;
import org.zugong.shared.InvalidValueException;

/**
 * The monthly dues a member owes: the tariff of their category, then any approved exemption or
 * reduction (减免) covering the month. Amounts are in fen; see {@link RateBand} for rounding.
 *
 * <p>Rates apply to the whole income, not progressively: 3,000.01 yuan pays 1% of 3,000.01 yuan
 * (30.00 yuan), twice what 3,000.00 yuan pays. That step is how the regulation is written and how
 * branches apply it.
 */
public final class DuesPolicy {

  /** 中组发〔2008〕3号, in force since 1 April 2008. Basis points: 50 = 0.5%. */
  public static final DuesPolicy REGULATION_2008 =
      new DuesPolicy(
          new Proportional(
              SALARIED_RATE,
              List.of(
                  RateBand.upToYuan(3_000, 50),
                  RateBand.upToYuan(5_000, 100),
                  RateBand.upToYuan(10_000, 150),
                  RateBand.above(200))),
          new Proportional(
              RETIRED_RATE, List.of(RateBand.upToYuan(5_000, 50), RateBand.above(100))),
          // Art. 6 allows 0.20 to 1.00 yuan for farmers; 0.20 until a branch's choice is modelled.
          new Flat(FARMER_FLAT, 20),
          new Flat(MINIMUM_FLAT, 20));

  private final Tariff salaried;
  private final Tariff retired;
  private final Tariff farmer;
  private final Tariff minimum;

  public DuesPolicy(Tariff salaried, Tariff retired, Tariff farmer, Tariff minimum) {
    this.salaried = salaried;
    this.retired = retired;
    this.farmer = farmer;
    this.minimum = minimum;
  }

  public Tariff tariffFor(DuesCategory category) {
    return switch (category) {
      case SALARIED -> salaried;
      case RETIRED -> retired;
      case FARMER -> farmer;
      case STUDENT, UNEMPLOYED, OTHER -> minimum;
    };
  }

  /**
   * The dues for one month and the clause that set them.
   *
   * @param incomeFen the monthly after-tax salary (salaried) or pension (retired) in fen; ignored
   *     by flat tariffs but never negative
   * @param exemptions the member's approved exemptions and reductions; those not covering the month
   *     are ignored, and of those covering it the lowest amount applies. An exemption only ever
   *     lowers the amount: a reduction above the regular amount leaves the regular amount.
   */
  public MonthlyDues amountFor(
      DuesCategory category, long incomeFen, YearMonth month, List<Exemption> exemptions) {
    if (incomeFen < 0) {
      throw new InvalidValueException("dues.income.negative", Yuan.of(incomeFen));
    }
    MonthlyDues regular =
        switch (tariffFor(category)) {
          case Proportional p -> {
            RateBand band = p.bandFor(incomeFen);
            long fen = band.duesOn(incomeFen);
            yield new MonthlyDues(
                month, fen, p.clause(), Yuan.of(incomeFen), band.percent(), Yuan.of(fen));
          }
          case Flat f -> new MonthlyDues(month, f.fen(), f.clause(), Yuan.of(f.fen()));
        };
    return exemptions.stream()
        .filter(e -> e.covers(month))
        .min(Comparator.comparingLong(Exemption::payableFen))
        .filter(e -> e.payableFen() < regular.fen())
        .map(e -> e.applyTo(regular))
        .orElse(regular);
  }
}
