package org.zugong.member.dues;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a member owes for one month, in fen, with the clause that set it and the arguments of the
 * clause's message, so that the amount can be explained ("1.5% of 6,000.00 yuan, art. 2").
 */
public record MonthlyDues(YearMonth month, long fen, DuesClause clause, Object... arguments) {

  public MonthlyDues {
    if (fen < 0) {
      throw new IllegalArgumentException("negative dues");
    }
    arguments = arguments.clone();
  }

  public String messageKey() {
    return clause.messageKey();
  }

  @Override
  public Object[] arguments() {
    return arguments.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MonthlyDues d
        && month.equals(d.month)
        && fen == d.fen
        && clause == d.clause
        && Arrays.equals(arguments, d.arguments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(month, fen, clause, Arrays.hashCode(arguments));
  }

  @Override
  public String toString() {
    return "MonthlyDues["
        + month
        + ", "
        + fen
        + " fen, "
        + clause
        + Arrays.toString(arguments)
        + "]";
  }
}
