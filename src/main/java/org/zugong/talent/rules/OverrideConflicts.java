package org.zugong.talent.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, before a version is published, two overrides of the same general clause that could both
 * apply to one person on one day: their versions are in force on a common day and no fact makes
 * their conditions exclusive. Such a pair would leave the engine to choose between two
 * replacements, so it is refused at publication, naming both, rather than found at payment.
 *
 * <p>Conditions are exclusive when, on one fact, the values they allow do not meet: disjoint sets
 * of tiers, degrees or districts, disjoint ranges of a number or of the age, opposite yes/no.
 * Conditions on dates relative to the evaluation date are taken as meeting (a conflict is refused
 * rather than missed).
 */
public final class OverrideConflicts {

  /** Two clauses overriding the same general clause that can both apply. */
  public record Conflict(String first, String second, String general) {}

  private OverrideConflicts() {}

  /**
   * The conflicts the candidate brings among the published versions (other versions of the
   * candidate's own policy are left out: the candidate replaces them).
   */
  public static List<Conflict> find(List<PolicyDocument> published, PolicyDocument candidate) {
    List<PolicyDocument> others =
        published.stream().filter(p -> !p.code().equals(candidate.code())).toList();
    List<Conflict> out = new ArrayList<>();
    List<Clause> own = candidate.clauses();
    for (int i = 0; i < own.size(); i++) {
      Clause a = own.get(i);
      if (a.overrides() == null) {
        continue;
      }
      for (int j = i + 1; j < own.size(); j++) {
        Clause b = own.get(j);
        if (a.overrides().equals(b.overrides()) && canMeet(a, b)) {
          out.add(new Conflict(ref(candidate, a), ref(candidate, b), a.overrides()));
        }
      }
      for (PolicyDocument p : others) {
        if (!p.overlaps(candidate)) {
          continue;
        }
        for (Clause b : p.clauses()) {
          if (a.overrides().equals(b.overrides()) && canMeet(a, b)) {
            out.add(new Conflict(ref(candidate, a), ref(p, b), a.overrides()));
          }
        }
      }
    }
    return out;
  }

  private static String ref(PolicyDocument p, Clause c) {
    return Clause.reference(p.code(), c.id());
  }

  /** Whether some person could meet both clauses' conditions. */
  static boolean canMeet(Clause a, Clause b) {
    List<Condition> all = new ArrayList<>(a.allConditions());
    all.addAll(b.allConditions());
    for (FactField f : FactField.values()) {
      switch (f.type()) {
        case ENUM, ORDINAL, BOOL -> {
          long allowed = -1L;
          for (Condition k : all) {
            if (k.field() == f) {
              allowed &=
                  f.type() == FactField.Type.BOOL
                      ? (k.flag() ? 0b10L : 0b01L)
                      : CompiledCondition.mask(k);
            }
          }
          if (allowed == 0) {
            return false;
          }
        }
        case INT -> {
          long lo = Long.MIN_VALUE;
          long hi = Long.MAX_VALUE;
          for (Condition k : all) {
            if (k.field() != f) {
              continue;
            }
            long n = k.number();
            switch (k.op()) {
              case EQ -> {
                lo = Math.max(lo, n);
                hi = Math.min(hi, n);
              }
              case LT -> hi = Math.min(hi, n - 1);
              case LE -> hi = Math.min(hi, n);
              case GT -> lo = Math.max(lo, n + 1);
              case GE -> lo = Math.max(lo, n);
              default -> {}
            }
          }
          if (lo > hi) {
            return false;
          }
        }
        case DATE -> {}
      }
    }
    return true;
  }
}
