package org.zugong.talent.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clause of a policy: who is eligible, how much, in which instalments, up to which cap, which
 * other clauses it bars, and (for a special or custom policy) the general clause it replaces.
 *
 * @param id unique within the policy
 * @param shares instalments as shares of the amount (4:3:3), one every {@code everyMonths}; empty
 *     for a single payment
 * @param cap the most one person receives from this clause, or null
 * @param excludes clauses barred when this one is granted: {@code CLAUSE} of the same policy or
 *     {@code POLICY/CLAUSE}
 * @param overrides the general clause replaced where this one applies, as {@code POLICY/CLAUSE}
 * @param carry whether the schedules this clause (by its id) began under an earlier version of the
 *     policy keep paying their remaining instalments, with that version's amounts and dates, once
 *     this version is in force (the default); {@code false} ends them. Either way a talent with
 *     such a schedule does not begin a second one of the benefit under this version.
 */
public record Clause(
    String id,
    Benefit benefit,
    String nameZh,
    String nameEn,
    List<Condition> conditions,
    Amount amount,
    List<Integer> shares,
    int everyMonths,
    @Nullable Long cap,
    List<String> excludes,
    @Nullable String overrides,
    boolean carry) {

  public Clause {
    conditions = List.copyOf(conditions);
    shares = List.copyOf(shares);
    excludes = List.copyOf(excludes);
  }

  /**
   * The conditions as written, then those the amount implies: an amount by tier or by degree is
   * granted only to the tiers or degrees it names.
   */
  public List<Condition> allConditions() {
    List<Condition> all = new java.util.ArrayList<>(conditions);
    if (amount.kind() == Amount.Kind.BY_TIER) {
      all.add(
          Condition.ofValues(
              FactField.TIER, Operator.IN, amount.byValue().keySet().stream().sorted().toList()));
    } else if (amount.kind() == Amount.Kind.BY_DEGREE) {
      all.add(
          Condition.ofValues(
              FactField.DEGREE,
              Operator.IN,
              amount.byValue().keySet().stream()
                  .sorted(java.util.Comparator.comparingInt(FactField.DEGREE::code))
                  .toList()));
    }
    return all;
  }

  /** The clause's reference from other policies: {@code POLICY/CLAUSE}. */
  public static String reference(String policyCode, String clauseId) {
    return policyCode + "/" + clauseId;
  }
}
