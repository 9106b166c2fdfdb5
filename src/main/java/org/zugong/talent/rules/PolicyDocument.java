package org.zugong.talent.rules;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a policy as a document: what is imported and exported as a JSON file, and what the
 * engine compiles.
 *
 * @param source where the amounts come from: a public document's name, or {@code demo}
 */
public record PolicyDocument(
    String code,
    PolicyKind kind,
    String nameZh,
    String nameEn,
    String issuer,
    String source,
    int version,
    LocalDate effectiveFrom,
    @Nullable LocalDate effectiveTo,
    List<Clause> clauses) {

  public PolicyDocument {
    clauses = List.copyOf(clauses);
  }

  /** Whether the version is in force on the date (the end date is the last day in force). */
  public boolean inForce(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
  }

  /** Whether two versions are in force on some common day. */
  public boolean overlaps(PolicyDocument other) {
    boolean startsBeforeOtherEnds =
        other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo);
    boolean otherStartsBeforeThisEnds =
        effectiveTo == null || !other.effectiveFrom.isAfter(effectiveTo);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }
}
