package org.zugong.talent.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everyone's decisions at a date: per clause, who is granted (a bitmap over the snapshot's rows),
 * how many and how much, and how many people each condition excluded (counted at the first
 * condition each person failed), overridden or barred.
 */
public record BatchResult(LocalDate date, FactColumns facts, List<ClauseResult> clauses) {

  /**
   * How many people a condition excluded: those who passed every condition before it but not it.
   *
   * @param condition the condition as the policy document writes it ({@code arrival withinYears 5})
   * @param source the condition itself, from which pages build a sentence in the reader's language
   */
  public record ConditionCount(String condition, long excluded, @JsonIgnore Condition source) {}

  /**
   * @param granted bit {@code r} set where the talent of row {@code r} is granted
   */
  public record ClauseResult(
      String clause,
      Benefit benefit,
      long grantedCount,
      long totalAmount,
      List<ConditionCount> excludedByCondition,
      long overridden,
      long barred,
      long[] granted) {

    public boolean granted(int row) {
      return (granted[row >>> 6] & (1L << row)) != 0;
    }
  }

  /** The talent ids granted a clause, in row order. */
  public List<Long> grantedIds(String clause) {
    for (ClauseResult r : clauses) {
      if (r.clause().equals(clause)) {
        List<Long> ids = new ArrayList<>();
        for (int row = 0; row < facts.size(); row++) {
          if (r.granted(row)) {
            ids.add(facts.id(row));
          }
        }
        return ids;
      }
    }
    throw new IllegalArgumentException("No clause " + clause);
  }

  public long totalGranted() {
    return clauses.stream().mapToLong(ClauseResult::grantedCount).sum();
  }
}
