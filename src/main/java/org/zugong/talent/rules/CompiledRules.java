package org.zugong.talent.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The published policies in force on one date, compiled into one evaluator: conditions become masks
 * and ranges over a {@link FactColumns} snapshot; precedence (a special or custom clause replacing
 * the general one it names) and exclusions (a granted clause barring another) are resolved in a
 * fixed order. {@link #explain} answers for one talent with a reason for every "no"; {@link
 * #evaluate} answers for everyone, as bitmaps, with how many each condition excluded. Both read the
 * same compiled conditions, so they agree; the same rules and facts always give the same decisions.
 */
public final class CompiledRules {

  /** A clause with its compiled conditions and what it overrides and bars. */
  static final class Rule {
    final int index;
    final PolicyDocument policy;
    final Clause clause;
    final String reference;
    final CompiledCondition[] conditions;
    final int[] conditionSlots;

    /** Rules whose applying replaces this one (special or custom overrides of a general clause). */
    final List<Rule> overriddenBy = new ArrayList<>();

    /** Rules that, granted, bar this one. */
    final List<Rule> barredBy = new ArrayList<>();

    Rule(
        int index,
        PolicyDocument policy,
        Clause clause,
        CompiledCondition[] conditions,
        int[] slots) {
      this.index = index;
      this.policy = policy;
      this.clause = clause;
      this.reference = Clause.reference(policy.code(), clause.id());
      this.conditions = conditions;
      this.conditionSlots = slots;
    }
  }

  private final LocalDate date;
  private final List<Rule> rules;

  /** Distinct compiled conditions: a condition shared by clauses is evaluated once per batch. */
  private final List<CompiledCondition> distinct;

  /** The version in force of each policy. */
  private final Map<String, PolicyDocument> inForce;

  /**
   * Per policy in force, its published versions up to the one in force, oldest first: where a
   * schedule begun under an earlier one is carried or ended.
   */
  private final Map<String, List<PolicyDocument>> history;

  /**
   * The clauses of earlier versions of the policies in force, compiled at the date on their own (no
   * precedence, no exclusions): they pay the schedules carried into the version in force. Keyed by
   * {@link #carryKey}.
   */
  private final Map<String, Rule> carryRules;

  private CompiledRules(
      LocalDate date,
      List<Rule> rules,
      List<CompiledCondition> distinct,
      Map<String, PolicyDocument> inForce,
      Map<String, List<PolicyDocument>> history,
      Map<String, Rule> carryRules) {
    this.date = date;
    this.rules = rules;
    this.distinct = distinct;
    this.inForce = inForce;
    this.history = history;
    this.carryRules = carryRules;
  }

  /**
   * Compiles the versions in force on the date (the highest version of a policy where two are).
   * Policies are ordered general, special, custom, then by code; clauses keep their order. Where
   * two clauses bar each other, the one earlier in that order wins.
   */
  public static CompiledRules compile(List<PolicyDocument> published, LocalDate date) {
    Map<String, PolicyDocument> inForce = new LinkedHashMap<>();
    for (PolicyDocument p : published) {
      if (p.inForce(date)) {
        inForce.merge(p.code(), p, (a, b) -> a.version() >= b.version() ? a : b);
      }
    }
    List<PolicyDocument> ordered =
        inForce.values().stream()
            .sorted(Comparator.comparing(PolicyDocument::kind).thenComparing(PolicyDocument::code))
            .toList();
    Map<Condition, Integer> slots = new HashMap<>();
    List<CompiledCondition> distinct = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    Map<String, Rule> byRef = new HashMap<>();
    for (PolicyDocument p : ordered) {
      for (Clause c : p.clauses()) {
        List<Condition> all = c.allConditions();
        CompiledCondition[] compiled = new CompiledCondition[all.size()];
        int[] s = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
          Condition k = all.get(i);
          Integer slot = slots.get(k);
          if (slot == null) {
            slot = distinct.size();
            slots.put(k, slot);
            distinct.add(CompiledCondition.compile(k, date));
          }
          s[i] = slot;
          compiled[i] = distinct.get(slot);
        }
        Rule r = new Rule(rules.size(), p, c, compiled, s);
        rules.add(r);
        byRef.put(r.reference, r);
      }
    }
    for (Rule r : rules) {
      String target = r.clause.overrides();
      if (target != null && r.policy.kind() != PolicyKind.GENERAL) {
        Rule general = byRef.get(target);
        if (general != null && general.policy.kind() == PolicyKind.GENERAL) {
          general.overriddenBy.add(r);
        }
      }
    }
    // Exclusions: an edge from the barring rule to the barred one; of two rules barring each
    // other, the earlier wins. Rules are then evaluated so that a barring rule comes first.
    boolean[][] bars = new boolean[rules.size()][rules.size()];
    for (Rule r : rules) {
      for (String x : r.clause.excludes()) {
        Rule other = byRef.get(x.contains("/") ? x : Clause.reference(r.policy.code(), x));
        if (other != null && other != r) {
          bars[r.index][other.index] = true;
        }
      }
    }
    for (int a = 0; a < rules.size(); a++) {
      for (int b = a + 1; b < rules.size(); b++) {
        if (bars[a][b] && bars[b][a]) {
          bars[b][a] = false;
        }
      }
    }
    for (Rule r : rules) {
      for (Rule other : rules) {
        if (bars[other.index][r.index]) {
          r.barredBy.add(other);
        }
      }
    }
    Map<String, List<PolicyDocument>> history = new HashMap<>();
    Map<String, Rule> carryRules = new HashMap<>();
    for (PolicyDocument p : published) {
      PolicyDocument current = inForce.get(p.code());
      if (current == null || p.version() > current.version()) {
        continue;
      }
      history.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
      if (p.version() == current.version()) {
        continue;
      }
      for (Clause c : p.clauses()) {
        List<Condition> all = c.allConditions();
        CompiledCondition[] compiled = new CompiledCondition[all.size()];
        for (int i = 0; i < all.size(); i++) {
          compiled[i] = CompiledCondition.compile(all.get(i), date);
        }
        carryRules.put(
            carryKey(p.code(), p.version(), c.id()), new Rule(-1, p, c, compiled, new int[0]));
      }
    }
    history.values().forEach(l -> l.sort(Comparator.comparingInt(PolicyDocument::version)));
    return new CompiledRules(
        date, topological(rules), distinct, Map.copyOf(inForce), history, carryRules);
  }

  private static String carryKey(String policy, int version, String clause) {
    return policy + "@" + version + "/" + clause;
  }

  /** Rules ordered so that each comes after those that bar it; a cycle is refused. */
  private static List<Rule> topological(List<Rule> rules) {
    List<Rule> out = new ArrayList<>();
    int[] state = new int[rules.size()];
    for (Rule r : rules) {
      visit(r, state, out);
    }
    return out;
  }

  private static void visit(Rule r, int[] state, List<Rule> out) {
    if (state[r.index] == 2) {
      return;
    }
    if (state[r.index] == 1) {
      throw new org.zugong.shared.InvalidValueException(
          "talent.policy.invalid.exclusion-cycle", r.reference);
    }
    state[r.index] = 1;
    for (Rule b : r.barredBy) {
      visit(b, state, out);
    }
    state[r.index] = 2;
    out.add(r);
  }

  public LocalDate date() {
    return date;
  }

  /** How many clauses are in force. */
  public int clauseCount() {
    return rules.size();
  }

  /** The clauses in force, in evaluation order, as {@code POLICY/CLAUSE}. */
  public List<String> clauseReferences() {
    return rules.stream().map(r -> r.reference).toList();
  }

  /** Every clause's decision for one talent with no schedule on record, each with its reason. */
  public List<BenefitDecision> explain(FactColumns facts, int row) {
    return explain(facts, row, List.of());
  }

  /**
   * Whether some policy in force has an earlier published version, so that a talent's schedules on
   * record can change the decisions (see {@link #explain(FactColumns, int, Collection)}).
   */
  public boolean carries() {
    return !carryRules.isEmpty();
  }

  /**
   * Every clause's decision for one talent, each with its reason, given the schedules the talent
   * began (grants on record). A schedule begun under an earlier version of a policy in force is
   * carried: that version's clause decides it at the date (its conditions, amounts and dates, on
   * its own), and its decision follows those of the clauses in force, marked {@code carried};
   * unless a later version's clause of the same id says {@code "carry": false}, which ends it.
   * Either way the clauses of the version in force granting the same benefit begin no second
   * schedule for the talent ({@code CARRIED} or {@code ENDED}, naming the earlier clause); a
   * carried schedule still granted counts as granted for exclusions.
   */
  public List<BenefitDecision> explain(FactColumns facts, int row, Collection<Schedule> begun) {
    Map<String, Schedule> earliest = new HashMap<>();
    Map<String, Boolean> endedOf = new HashMap<>();
    Map<String, Boolean> stillGranted = new HashMap<>();
    List<BenefitDecision> carried = new ArrayList<>();
    if (!carryRules.isEmpty() && !begun.isEmpty()) {
      List<Schedule> ordered =
          begun.stream()
              .distinct()
              .sorted(
                  Comparator.comparing(Schedule::policyCode)
                      .thenComparingInt(Schedule::version)
                      .thenComparing(Schedule::clauseId))
              .toList();
      for (Schedule s : ordered) {
        PolicyDocument current = inForce.get(s.policyCode());
        Rule old = carryRules.get(carryKey(s.policyCode(), s.version(), s.clauseId()));
        if (current == null || s.version() >= current.version() || old == null) {
          continue;
        }
        String key = s.policyCode() + "|" + s.benefit().name();
        boolean ended = endedBy(s) != null;
        earliest.putIfAbsent(key, s);
        endedOf.putIfAbsent(key, ended);
        if (ended) {
          continue;
        }
        BenefitDecision d = decideCarried(old, facts, row);
        carried.add(d);
        if (d.outcome() == BenefitDecision.Outcome.GRANTED) {
          stillGranted.put(key, true);
        }
      }
    }
    int n = rules.size();
    boolean[] raw = new boolean[rules.size() + 1];
    boolean[] granted = new boolean[raw.length];
    BenefitDecision.Reason[] failed = new BenefitDecision.Reason[raw.length];
    for (Rule r : rules) {
      raw[r.index] = true;
      for (CompiledCondition k : r.conditions) {
        if (!k.test(facts, row)) {
          raw[r.index] = false;
          failed[r.index] =
              BenefitDecision.Reason.failed(k.source, facts.display(k.source.field(), row, date));
          break;
        }
      }
    }
    Map<Integer, BenefitDecision> byIndex = new HashMap<>();
    for (Rule r : rules) {
      long talent = facts.id(row);
      Schedule before =
          earliest.isEmpty()
              ? null
              : earliest.get(r.policy.code() + "|" + r.clause.benefit().name());
      if (before != null) {
        String key = r.policy.code() + "|" + r.clause.benefit().name();
        boolean ended = endedOf.get(key);
        byIndex.put(
            r.index,
            decision(
                r,
                talent,
                ended ? BenefitDecision.Outcome.ENDED : BenefitDecision.Outcome.CARRIED,
                BenefitDecision.Reason.begunUnder(
                    Clause.reference(before.policyCode(), before.clauseId()), before.version()),
                facts,
                row));
        granted[r.index] = !ended && stillGranted.containsKey(key);
        continue;
      }
      if (!raw[r.index]) {
        byIndex.put(
            r.index,
            decision(r, talent, BenefitDecision.Outcome.NOT_ELIGIBLE, failed[r.index], facts, row));
        continue;
      }
      Rule over = first(r.overriddenBy, raw);
      if (over != null) {
        byIndex.put(
            r.index,
            decision(
                r,
                talent,
                BenefitDecision.Outcome.OVERRIDDEN,
                BenefitDecision.Reason.by(over.reference),
                facts,
                row));
        continue;
      }
      Rule bar = first(r.barredBy, granted);
      if (bar != null) {
        byIndex.put(
            r.index,
            decision(
                r,
                talent,
                BenefitDecision.Outcome.EXCLUDED,
                BenefitDecision.Reason.by(bar.reference),
                facts,
                row));
        continue;
      }
      granted[r.index] = true;
      byIndex.put(r.index, decision(r, talent, BenefitDecision.Outcome.GRANTED, null, facts, row));
    }
    List<BenefitDecision> out = new ArrayList<>(n + carried.size());
    for (int i = 0; i < n; i++) {
      out.add(byIndex.get(i));
    }
    out.addAll(carried);
    return out;
  }

  /**
   * The later version, up to the one in force, whose clause of the same id ends the schedule; null
   * where it is carried.
   */
  private @Nullable PolicyDocument endedBy(Schedule s) {
    for (PolicyDocument p : history.getOrDefault(s.policyCode(), List.of())) {
      if (p.version() <= s.version()) {
        continue;
      }
      for (Clause c : p.clauses()) {
        if (c.id().equals(s.clauseId()) && !c.carry()) {
          return p;
        }
      }
    }
    return null;
  }

  /** An earlier version's clause deciding a carried schedule: its conditions at the date. */
  private BenefitDecision decideCarried(Rule old, FactColumns facts, int row) {
    long talent = facts.id(row);
    for (CompiledCondition k : old.conditions) {
      if (!k.test(facts, row)) {
        return decision(
            old,
            talent,
            BenefitDecision.Outcome.NOT_ELIGIBLE,
            BenefitDecision.Reason.failed(k.source, facts.display(k.source.field(), row, date)),
            facts,
            row,
            true);
      }
    }
    return decision(old, talent, BenefitDecision.Outcome.GRANTED, null, facts, row, true);
  }

  private static @Nullable Rule first(List<Rule> candidates, boolean[] flags) {
    for (Rule c : candidates) {
      if (flags[c.index]) {
        return c;
      }
    }
    return null;
  }

  private BenefitDecision decision(
      Rule r,
      long talent,
      BenefitDecision.Outcome outcome,
      BenefitDecision.@Nullable Reason reason,
      FactColumns facts,
      int row) {
    return decision(r, talent, outcome, reason, facts, row, false);
  }

  private BenefitDecision decision(
      Rule r,
      long talent,
      BenefitDecision.Outcome outcome,
      BenefitDecision.@Nullable Reason reason,
      FactColumns facts,
      int row,
      boolean carried) {
    if (outcome != BenefitDecision.Outcome.GRANTED) {
      return new BenefitDecision(
          talent,
          r.policy.code(),
          r.policy.version(),
          r.clause.id(),
          r.clause.benefit(),
          outcome,
          reason,
          0,
          0,
          List.of(),
          carried);
    }
    long uncapped = amount(r.clause, facts, row);
    long amount = r.clause.cap() == null ? uncapped : Math.min(uncapped, r.clause.cap());
    LocalDate anchor = facts.arrival(row);
    if (anchor.isBefore(r.policy.effectiveFrom())) {
      anchor = r.policy.effectiveFrom();
    }
    return new BenefitDecision(
        talent,
        r.policy.code(),
        r.policy.version(),
        r.clause.id(),
        r.clause.benefit(),
        outcome,
        null,
        amount,
        uncapped,
        instalments(talent, r.clause, amount, anchor),
        carried);
  }

  /** The amount of a clause for a talent before the cap, in yuan. */
  static long amount(Clause c, FactColumns facts, int row) {
    Amount a = c.amount();
    return switch (a.kind()) {
      case FIXED -> a.fixed();
      case MONTHLY -> a.perMonth() * a.months();
      case BY_TIER -> a.byValue().getOrDefault(FactField.TIER.domain().get(facts.tier[row]), 0L);
      case BY_DEGREE ->
          a.byValue().getOrDefault(FactField.DEGREE.domain().get(facts.degree[row]), 0L);
    };
  }

  /**
   * The payments of an amount: one, or one per share (4:3:3), every {@code everyMonths} months from
   * the anchor. Each due date is counted from the anchor itself, not from the previous one, so a
   * schedule starting on 29 February pays on 28 February in common years and on 29 February again
   * in leap years. Shares are rounded down to the yuan; the last takes what rounding left.
   */
  static List<BenefitDecision.Instalment> instalments(
      long talent, Clause c, long amount, LocalDate anchor) {
    String prefix = talent + ":" + c.benefit().name() + ":";
    if (c.shares().isEmpty()) {
      return List.of(new BenefitDecision.Instalment(1, anchor, null, amount, prefix + anchor));
    }
    int total = c.shares().stream().mapToInt(Integer::intValue).sum();
    List<BenefitDecision.Instalment> out = new ArrayList<>();
    long paid = 0;
    for (int i = 0; i < c.shares().size(); i++) {
      LocalDate start = anchor.plusMonths((long) c.everyMonths() * i);
      LocalDate end = anchor.plusMonths((long) c.everyMonths() * (i + 1));
      long part = i == c.shares().size() - 1 ? amount - paid : amount * c.shares().get(i) / total;
      paid += part;
      out.add(new BenefitDecision.Instalment(i + 1, start, end, part, prefix + start));
    }
    return out;
  }

  /** Everyone's decisions at once. */
  public BatchResult evaluate(FactColumns facts) {
    int words = (facts.size + 63) >>> 6;
    long[][] condition = new long[distinct.size()][];
    for (int i = 0; i < distinct.size(); i++) {
      condition[i] = new long[words];
      distinct.get(i).fill(facts, condition[i]);
    }
    long[] everyone = new long[words];
    Arrays.fill(everyone, -1L);
    if ((facts.size & 63) != 0) {
      everyone[words - 1] = (1L << (facts.size & 63)) - 1;
    }
    int n = rules.size();
    long[][] raw = new long[n][];
    long[][] excludedBy = new long[n][];
    for (Rule r : rules) {
      long[] remaining = everyone.clone();
      long[] counts = new long[r.conditions.length];
      for (int k = 0; k < r.conditions.length; k++) {
        long[] cond = condition[r.conditionSlots[k]];
        long lost = 0;
        for (int w = 0; w < words; w++) {
          long before = remaining[w];
          long after = before & cond[w];
          lost += Long.bitCount(before & ~after);
          remaining[w] = after;
        }
        counts[k] = lost;
      }
      raw[r.index] = remaining;
      excludedBy[r.index] = counts;
    }
    long[][] granted = new long[n][];
    long[] overridden = new long[n];
    long[] barred = new long[n];
    for (Rule r : rules) {
      long[] g = raw[r.index].clone();
      long o = 0;
      long b = 0;
      for (int w = 0; w < words; w++) {
        long over = 0;
        for (Rule x : r.overriddenBy) {
          over |= raw[x.index][w];
        }
        long bar = 0;
        for (Rule x : r.barredBy) {
          bar |= granted[x.index][w];
        }
        long v = g[w];
        o += Long.bitCount(v & over);
        v &= ~over;
        b += Long.bitCount(v & bar);
        g[w] = v & ~bar;
      }
      granted[r.index] = g;
      overridden[r.index] = o;
      barred[r.index] = b;
    }
    List<BatchResult.ClauseResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      results.add(null);
    }
    for (Rule r : rules) {
      long[] g = granted[r.index];
      long count = 0;
      long total = 0;
      boolean flat =
          r.clause.amount().kind() == Amount.Kind.FIXED
              || r.clause.amount().kind() == Amount.Kind.MONTHLY;
      for (int w = 0; w < words; w++) {
        count += Long.bitCount(g[w]);
      }
      if (flat) {
        Amount a = r.clause.amount();
        long each = a.kind() == Amount.Kind.FIXED ? a.fixed() : a.perMonth() * a.months();
        long capped = r.clause.cap() == null ? each : Math.min(each, r.clause.cap());
        total = capped * count;
      } else {
        // By tier or degree: the granted of each value, counted against that value's bitmap.
        FactField f =
            r.clause.amount().kind() == Amount.Kind.BY_TIER ? FactField.TIER : FactField.DEGREE;
        long[][] values = facts.bitmaps(f);
        for (var e : r.clause.amount().byValue().entrySet()) {
          long[] b = values[f.code(e.getKey())];
          long c = 0;
          for (int w = 0; w < words; w++) {
            c += Long.bitCount(g[w] & b[w]);
          }
          long each =
              r.clause.cap() == null ? e.getValue() : Math.min(e.getValue(), r.clause.cap());
          total += c * each;
        }
      }
      List<BatchResult.ConditionCount> conditionCounts = new ArrayList<>();
      for (int k = 0; k < r.conditions.length; k++) {
        conditionCounts.add(
            new BatchResult.ConditionCount(
                r.conditions[k].source.describe(), excludedBy[r.index][k], r.conditions[k].source));
      }
      results.set(
          r.index,
          new BatchResult.ClauseResult(
              r.reference,
              r.clause.benefit(),
              count,
              total,
              conditionCounts,
              overridden[r.index],
              barred[r.index],
              g));
    }
    return new BatchResult(date, facts, results);
  }

  /** The rules as SQL over the {@code talent} table aliased {@code t}; see {@link SqlRules}. */
  public SqlRules sql() {
    return SqlRules.of(this);
  }

  List<Rule> rules() {
    return rules;
  }
}
