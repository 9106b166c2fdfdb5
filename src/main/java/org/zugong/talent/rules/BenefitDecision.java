package org.zugong.talent.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's answer for one talent and one clause at a date: what runs store as matches and
 * grants (never a why-not row for every pair: reasons are cheap to recompute).
 *
 * @param reason why not, where the outcome is not {@link Outcome#GRANTED}
 * @param amount the amount granted after the cap, in yuan; 0 unless granted
 * @param uncapped the amount before the cap
 * @param instalments the payments, each with its period and idempotency key
 * @param carried whether this is the clause of an earlier version of the policy, decided because
 *     the talent began its schedule under that version and the version in force carries it: {@code
 *     policyVersion} names that earlier version, and the instalments are its own
 */
public record BenefitDecision(
    long talentId,
    String policyCode,
    int policyVersion,
    String clauseId,
    Benefit benefit,
    Outcome outcome,
    @Nullable Reason reason,
    long amount,
    long uncapped,
    List<Instalment> instalments,
    boolean carried) {

  public BenefitDecision {
    instalments = List.copyOf(instalments);
  }

  public enum Outcome {
    GRANTED,
    /** A condition failed: the reason names the first. */
    NOT_ELIGIBLE,
    /** A special or custom clause that applies replaced this general one. */
    OVERRIDDEN,
    /** A clause granted to the same person bars this one. */
    EXCLUDED,
    /**
     * The talent began a schedule of this benefit under an earlier version of the policy, and it
     * goes on: its remaining instalments are paid by that version's clause (the reason names it),
     * not a second schedule by this one.
     */
    CARRIED,
    /**
     * The talent began a schedule of this benefit under an earlier version of the policy, and this
     * version ended it ({@code "carry": false}): its unpaid instalments are not paid, and no second
     * schedule begins.
     */
    ENDED
  }

  /**
   * Why a clause was not granted: the first failing condition with the talent's value, or the other
   * clause that overrode or barred it.
   *
   * @param actual the talent's value as the engine holds it (a domain name, a number, {@code
   *     true}/{@code false} or an ISO date)
   * @param condition the failing condition itself, from which pages build a sentence in the
   *     reader's language (the API keeps the flat fields above)
   */
  public record Reason(
      @Nullable String field,
      @Nullable String operator,
      @Nullable String expected,
      @Nullable String actual,
      @Nullable String otherClause,
      @Nullable Integer otherVersion,
      @JsonIgnore @Nullable Condition condition) {

    static Reason failed(Condition k, String actual) {
      return new Reason(k.field().json(), k.op().json(), k.text(), actual, null, null, k);
    }

    static Reason by(String otherClause) {
      return new Reason(null, null, null, null, otherClause, null, null);
    }

    /** The schedule begun under an earlier version of the policy, named by its clause. */
    static Reason begunUnder(String otherClause, int version) {
      return new Reason(null, null, null, null, otherClause, version, null);
    }
  }

  /**
   * One payment: due on {@code periodStart}, covering the period up to {@code periodEnd}
   * (exclusive; null for a single payment). The key makes a grant of one benefit for one period to
   * one person happen once, however often a run is started.
   */
  public record Instalment(
      int number, LocalDate periodStart, @Nullable LocalDate periodEnd, long amount, String key) {}

  /** The clause as other policies name it. */
  public String clauseReference() {
    return Clause.reference(policyCode, clauseId);
  }
}
