package org.zugong.member.dues;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a member stands with their dues, for the branch: up to date, in arrears, or flagged under
 * the Party Constitution art. 9 for six consecutive months unpaid.
 */
public sealed interface DuesStanding {

  String messageKey();

  Object[] arguments();

  /** Every month of the statement is paid or has nothing due. */
  record UpToDate() implements DuesStanding {
    @Override
    public String messageKey() {
      return "dues.standing.up-to-date";
    }

    @Override
    public Object[] arguments() {
      return new Object[0];
    }
  }

  /** Some months are unpaid, never six in a row. */
  record InArrears(int months, long fen) implements DuesStanding {
    @Override
    public String messageKey() {
      return "dues.standing.in-arrears";
    }

    @Override
    public Object[] arguments() {
      return new Object[] {months, Yuan.of(fen)};
    }
  }

  /**
   * 自行脱党: the months {@code firstUnpaid} to {@code lastUnpaid} (six of them) were all unpaid at the
   * end of {@code reachedOn}. The Constitution regards such a member as having given up membership
   * when there was no proper reason; the branch establishes the reason and acts. The flag stays
   * even if the months are paid later, because the branch must still decide.
   */
  record Lapsed(YearMonth firstUnpaid, YearMonth lastUnpaid, LocalDate reachedOn)
      implements DuesStanding {

    /** The rule the flag rests on. */
    public static final String RULE = "party-constitution-art-9";

    @Override
    public String messageKey() {
      return "dues.standing.lapsed";
    }

    @Override
    public Object[] arguments() {
      return new Object[] {firstUnpaid, lastUnpaid, reachedOn};
    }
  }
}
