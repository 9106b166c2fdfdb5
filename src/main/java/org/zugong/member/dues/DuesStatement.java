package org.zugong.member.dues;

import java.time.YearMonth;
import java.util.List;

/**
 * A member's dues month by month from the first month of the ledger through a given month, as they
 * stood at the end of that month, with the member's standing.
 */
public record DuesStatement(
    YearMonth from, YearMonth through, List<LedgerMonth> months, DuesStanding standing) {

  public DuesStatement {
    months = List.copyOf(months);
  }

  public List<LedgerMonth.Unpaid> unpaid() {
    return months.stream()
        .filter(LedgerMonth.Unpaid.class::isInstance)
        .map(LedgerMonth.Unpaid.class::cast)
        .toList();
  }

  /** How many months are unpaid. */
  public int arrearsMonths() {
    return unpaid().size();
  }

  /** The sum of the unpaid months' dues, in fen. */
  public long arrearsFen() {
    return unpaid().stream().mapToLong(u -> u.due().fen()).sum();
  }
}
