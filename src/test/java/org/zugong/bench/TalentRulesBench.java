package org.zugong.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.zugong.talent.rules.BatchResult;
import org.zugong.talent.rules.Clause;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.Condition;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.FactField;
import org.zugong.talent.rules.PolicyDocument;
import org.zugong.talent.rules.PolicyDocuments;
import org.zugong.talent.rules.PolicyKind;
import org.zugong.talent.rules.TalentFacts;

/**
 * The benefit rules at city scale (see {@code bench/README.md}): N synthetic talents (2,000,000 by
 * default) against every demo policy in force on 31 December 2022, side by side on the same data:
 *
 * <ol>
 *   <li>the product engine ({@link CompiledRules#evaluate}): every clause, precedence, exclusions,
 *       per-condition exclusion counts and amounts;
 *   <li>(a) the same clauses as bitsets written here: a {@link BitSet} per value of every
 *       enumerated column (built once, timed apart), OR-ed per condition, AND-ed per clause;
 *   <li>row-at-a-time predicates: one {@link IntPredicate} per condition over the same arrays, a
 *       loop over people and clauses;
 *   <li>(b) the same clauses as one DMN decision table (hit policy COLLECT) run by KIE, on a sample
 *       of 50,000 people, extrapolated; precedence and exclusions are then applied in Java.
 * </ol>
 *
 * Each way's eligible counts are checked against the product's before any time is printed.
 */
public final class TalentRulesBench {

  static final LocalDate DATE = LocalDate.of(2022, 12, 31);

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int kieSample = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<PolicyDocument> policies = demoPolicies();
    CompiledRules rules = CompiledRules.compile(policies, DATE);
    System.out.printf(
        Locale.ROOT,
        "%d policies, %d clauses in force on %s; %d talents; %d cores; java %s%n",
        policies.size(),
        rules.clauseCount(),
        DATE,
        n,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());

    long t0 = System.nanoTime();
    Data data = Data.generate(n, new Random(2022));
    FactColumns facts = data.columns();
    System.out.printf(Locale.ROOT, "data generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    // The clauses in the engine's order, with what they override and bar, for the other ways.
    List<Rule> plain = Rule.of(policies, rules.clauseReferences());

    // Product: the first evaluation of a fresh snapshot builds its value bitmaps (kept with it).
    long cold = System.nanoTime();
    rules.evaluate(facts);
    double productCold = (System.nanoTime() - cold) / 1e9;
    BatchResult product = null;
    double[] productTimes = new double[runs];
    for (int i = 0; i < runs + 2; i++) {
      long s = System.nanoTime();
      product = rules.evaluate(facts);
      if (i >= 2) {
        productTimes[i - 2] = (System.nanoTime() - s) / 1e9;
      }
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    for (var c : product.clauses()) {
      expected.put(c.clause(), c.grantedCount());
    }

    // (a) bitsets.
    long s = System.nanoTime();
    BitsetIndex index = new BitsetIndex(data);
    double indexTime = (System.nanoTime() - s) / 1e9;
    Map<String, Long> bitsetCounts = null;
    double[] bitsetTimes = new double[runs];
    for (int i = 0; i < runs + 2; i++) {
      long b = System.nanoTime();
      bitsetCounts = index.evaluate(plain);
      if (i >= 2) {
        bitsetTimes[i - 2] = (System.nanoTime() - b) / 1e9;
      }
    }
    check("bitsets", expected, bitsetCounts);

    // Row-at-a-time predicates.
    Map<String, Long> rowCounts = null;
    double[] rowTimes = new double[runs];
    for (int i = 0; i < runs + 2; i++) {
      long b = System.nanoTime();
      rowCounts = RowPredicates.evaluate(data, plain);
      if (i >= 2) {
        rowTimes[i - 2] = (System.nanoTime() - b) / 1e9;
      }
    }
    check("row predicates", expected, rowCounts);

    // (b) KIE DMN on a sample.
    KieDmn kie = new KieDmn(plain);
    Data sample = data.head(kieSample);
    BatchResult sampleProduct = rules.evaluate(sample.columns());
    Map<String, Long> sampleExpected = new LinkedHashMap<>();
    for (var c : sampleProduct.clauses()) {
      sampleExpected.put(c.clause(), c.grantedCount());
    }
    kie.evaluate(sample.head(Math.min(2000, kieSample)), plain); // warm-up
    long k = System.nanoTime();
    Map<String, Long> kieCounts = kie.evaluate(sample, plain);
    double kieTime = (System.nanoTime() - k) / 1e9;
    check("KIE DMN", sampleExpected, kieCounts);
    double kiePerSecond = kieSample / kieTime;
    double kieExtrapolated = n / kiePerSecond;

    double product50 = median(productTimes);
    double bitset50 = median(bitsetTimes);
    double row50 = median(rowTimes);
    System.out.println();
    System.out.println(
        "| way | time for "
            + n
            + " talents (median of "
            + runs
            + ") | persons/s | ratio to the product |");
    System.out.println("|---|---|---|---|");
    row("product engine (CompiledRules.evaluate)", product50, n, product50);
    row(
        "product engine, first evaluation of a fresh snapshot (builds its value bitmaps)",
        productCold,
        n,
        product50);
    row(
        "(a) bitsets, index prebuilt (index build " + fmt(indexTime) + " s)",
        bitset50,
        n,
        product50);
    row("row-at-a-time predicates", row50, n, product50);
    row(
        "(b) KIE DMN decision table, " + kieSample + " measured, extrapolated",
        kieExtrapolated,
        n,
        product50);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "product / bitsets = %.2f (goal <= 2); KIE / product = %.0f (goal >= 100)%n",
        product50 / bitset50,
        kieExtrapolated / product50);
    System.out.printf(
        Locale.ROOT,
        "product runs: %s; bitset runs: %s; row runs: %s%n",
        Arrays.toString(round(productTimes)),
        Arrays.toString(round(bitsetTimes)),
        Arrays.toString(round(rowTimes)));
    System.out.printf(Locale.ROOT, "granted decisions: %d%n", product.totalGranted());
  }

  static void row(String way, double seconds, int n, double product) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s s | %,.0f | %.2f |%n",
        way,
        fmt(seconds),
        n / seconds,
        seconds / product);
  }

  static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  static double[] round(double[] xs) {
    return Arrays.stream(xs).map(x -> Math.round(x * 1000) / 1000.0).toArray();
  }

  static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  static void check(String way, Map<String, Long> expected, Map<String, Long> actual) {
    if (!expected.equals(actual)) {
      for (var e : expected.entrySet()) {
        if (!e.getValue().equals(actual.get(e.getKey()))) {
          System.out.println(
              way
                  + " differs at "
                  + e.getKey()
                  + ": "
                  + e.getValue()
                  + " vs "
                  + actual.get(e.getKey()));
        }
      }
      throw new IllegalStateException(way + " does not give the product's answers");
    }
  }

  static List<PolicyDocument> demoPolicies() throws IOException {
    List<PolicyDocument> out = new ArrayList<>();
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:talent/policies/*.json")) {
      out.add(PolicyDocuments.read(r.getContentAsString(StandardCharsets.UTF_8)));
    }
    out.sort(Comparator.comparing(PolicyDocument::code));
    return out;
  }

  /** A clause with what it overrides and bars, resolved once. */
  record Rule(String ref, Clause clause, List<String> overriddenBy, List<String> barredBy) {

    static List<Rule> of(List<PolicyDocument> policies, List<String> order) {
      Map<String, Clause> byRef = new HashMap<>();
      Map<String, PolicyDocument> policyOf = new HashMap<>();
      for (PolicyDocument p : policies) {
        if (!p.inForce(DATE)) {
          continue;
        }
        for (Clause c : p.clauses()) {
          byRef.put(Clause.reference(p.code(), c.id()), c);
          policyOf.put(Clause.reference(p.code(), c.id()), p);
        }
      }
      Map<String, List<String>> over = new HashMap<>();
      Map<String, List<String>> bars = new HashMap<>();
      for (var e : byRef.entrySet()) {
        Clause c = e.getValue();
        if (c.overrides() != null && policyOf.get(e.getKey()).kind() != PolicyKind.GENERAL) {
          over.computeIfAbsent(c.overrides(), x -> new ArrayList<>()).add(e.getKey());
        }
        for (String x : c.excludes()) {
          String target = x.contains("/") ? x : policyOf.get(e.getKey()).code() + "/" + x;
          bars.computeIfAbsent(target, y -> new ArrayList<>()).add(e.getKey());
        }
      }
      // Of two clauses barring each other, the earlier in the engine's set order wins; the
      // demo set has none, so every declared bar stands.
      List<Rule> out = new ArrayList<>();
      for (String ref : order) {
        out.add(
            new Rule(
                ref,
                byRef.get(ref),
                over.getOrDefault(ref, List.of()),
                bars.getOrDefault(ref, List.of())));
      }
      return out;
    }
  }

  /** The synthetic talents as plain arrays (the same values the product's snapshot gets). */
  record Data(
      int n,
      byte[] tier,
      int[] tierDay,
      byte[] degree,
      byte[] title,
      byte[] industry,
      byte[] district,
      byte[] institution,
      int[] birthDay,
      int[] arrivalDay,
      int[] ageAtArrival,
      int[] months,
      byte[] firstHome,
      byte[] bank) {

    static Data generate(int n, Random r) {
      Data d =
          new Data(
              n,
              new byte[n],
              new int[n],
              new byte[n],
              new byte[n],
              new byte[n],
              new byte[n],
              new byte[n],
              new int[n],
              new int[n],
              new int[n],
              new int[n],
              new byte[n],
              new byte[n]);
      int end = (int) DATE.toEpochDay();
      for (int i = 0; i < n; i++) {
        int t = r.nextInt(1000);
        d.tier[i] = (byte) (t < 1 ? 0 : t < 6 ? 1 : t < 26 ? 2 : t < 76 ? 3 : t < 196 ? 4 : 5);
        d.tierDay[i] = d.tier[i] == 5 ? Integer.MAX_VALUE : end - r.nextInt(1800);
        int x = r.nextInt(100);
        d.degree[i] = (byte) (x < 9 ? 4 : x < 34 ? 3 : x < 82 ? 2 : x < 97 ? 1 : 0);
        d.title[i] = (byte) r.nextInt(5);
        d.industry[i] = (byte) r.nextInt(FactField.INDUSTRY.domain().size());
        d.district[i] = (byte) r.nextInt(FactField.DISTRICT.domain().size() - 1);
        d.institution[i] = (byte) (r.nextInt(100) < 4 ? 1 + r.nextInt(3) : 0);
        int arrival = end - r.nextInt(15 * 365);
        int age = 21 + (int) Math.abs(r.nextGaussian() * 6) + (d.degree[i] == 4 ? 5 : 0);
        LocalDate a = LocalDate.ofEpochDay(arrival);
        LocalDate b = a.minusYears(age).minusDays(r.nextInt(365));
        d.arrivalDay[i] = arrival;
        d.birthDay[i] = (int) b.toEpochDay();
        d.ageAtArrival[i] = Period.between(b, a).getYears();
        d.months[i] =
            Math.min(120, (end - arrival) / 30) - (r.nextInt(10) == 0 ? r.nextInt(12) : 0);
        if (d.months[i] < 0) {
          d.months[i] = 0;
        }
        d.firstHome[i] = (byte) (r.nextInt(100) < 45 ? 1 : 0);
        d.bank[i] = (byte) (r.nextInt(100) < 92 ? 1 : 0);
      }
      return d;
    }

    Data head(int m) {
      return new Data(
          m,
          Arrays.copyOf(tier, m),
          Arrays.copyOf(tierDay, m),
          Arrays.copyOf(degree, m),
          Arrays.copyOf(title, m),
          Arrays.copyOf(industry, m),
          Arrays.copyOf(district, m),
          Arrays.copyOf(institution, m),
          Arrays.copyOf(birthDay, m),
          Arrays.copyOf(arrivalDay, m),
          Arrays.copyOf(ageAtArrival, m),
          Arrays.copyOf(months, m),
          Arrays.copyOf(firstHome, m),
          Arrays.copyOf(bank, m));
    }

    FactColumns columns() {
      FactColumns.Builder b = FactColumns.builder(n);
      for (int i = 0; i < n; i++) {
        b.add(
            new TalentFacts(
                i,
                tier[i] == 5 ? null : FactField.TIER.domain().get(tier[i]),
                tier[i] == 5 ? null : LocalDate.ofEpochDay(tierDay[i]),
                FactField.DEGREE.domain().get(degree[i]),
                FactField.TITLE.domain().get(title[i]),
                FactField.INDUSTRY.domain().get(industry[i]),
                FactField.DISTRICT.domain().get(district[i]),
                institution[i] == 0 ? null : FactField.INSTITUTION.domain().get(institution[i]),
                LocalDate.ofEpochDay(birthDay[i]),
                LocalDate.ofEpochDay(arrivalDay[i]),
                months[i],
                firstHome[i] == 1,
                bank[i] == 1));
      }
      return b.build();
    }

    /** The value of an enumerated or yes/no fact as its position; the tier held at the date. */
    int code(FactField f, int row) {
      return switch (f) {
        case TIER -> tierDay[row] <= DATE.toEpochDay() ? tier[row] : 5;
        case DEGREE -> degree[row];
        case TITLE -> title[row];
        case INDUSTRY -> industry[row];
        case DISTRICT -> district[row];
        case INSTITUTION -> institution[row];
        case FIRST_HOME -> firstHome[row];
        case BANK_ACCOUNT -> bank[row];
        default -> throw new IllegalArgumentException(f.json());
      };
    }
  }

  /** The values a condition allows, worked out here on its own. */
  static boolean[] allowed(Condition k) {
    FactField f = k.field();
    if (f.type() == FactField.Type.BOOL) {
      return new boolean[] {!k.flag(), k.flag()};
    }
    boolean[] out = new boolean[f.domain().size()];
    int at = f.code(k.values().getFirst());
    for (int v = 0; v < out.length; v++) {
      String name = f.domain().get(v);
      out[v] =
          switch (k.op()) {
            case EQ -> v == at;
            case NE -> v != at;
            case IN -> k.values().contains(name);
            case NOT_IN -> !k.values().contains(name);
            case LT -> v < at;
            case LE -> v <= at;
            case GT -> v > at;
            case GE -> v >= at;
            default -> throw new IllegalArgumentException(k.describe());
          };
    }
    return out;
  }

  /** An inclusive range of a number column, or of days for ages and dates, as [lo, hi]. */
  static long[] range(Condition k) {
    long n = k.number();
    long min = Long.MIN_VALUE / 4;
    long max = Long.MAX_VALUE / 4;
    if (k.field() == FactField.AGE) {
      // Aged at least n on the date: born on or before the date less n years.
      long atLeastN = DATE.minusYears(n).toEpochDay();
      long atLeastN1 = DATE.minusYears(n + 1).toEpochDay();
      return switch (k.op()) {
        case GE -> new long[] {min, atLeastN};
        case GT -> new long[] {min, atLeastN1};
        case LT -> new long[] {atLeastN + 1, max};
        case LE -> new long[] {atLeastN1 + 1, max};
        case EQ -> new long[] {atLeastN1 + 1, atLeastN};
        default -> throw new IllegalArgumentException(k.describe());
      };
    }
    if (k.field() == FactField.ARRIVAL) {
      return switch (k.op()) {
        case WITHIN_YEARS -> new long[] {DATE.minusYears(n).toEpochDay() + 1, DATE.toEpochDay()};
        case ON_OR_AFTER -> new long[] {k.date().toEpochDay(), max};
        case BEFORE -> new long[] {min, k.date().toEpochDay() - 1};
        default -> throw new IllegalArgumentException(k.describe());
      };
    }
    return switch (k.op()) {
      case EQ -> new long[] {n, n};
      case LT -> new long[] {min, n - 1};
      case LE -> new long[] {min, n};
      case GT -> new long[] {n + 1, max};
      case GE -> new long[] {n, max};
      default -> throw new IllegalArgumentException(k.describe());
    };
  }

  static int[] intColumn(Data d, FactField f) {
    return switch (f) {
      case AGE_AT_ARRIVAL -> d.ageAtArrival();
      case SOCIAL_INSURANCE_MONTHS -> d.months();
      case AGE -> d.birthDay();
      case ARRIVAL -> d.arrivalDay();
      default -> throw new IllegalArgumentException(f.json());
    };
  }

  static boolean enumerated(FactField f) {
    return f.type() == FactField.Type.ENUM
        || f.type() == FactField.Type.ORDINAL
        || f.type() == FactField.Type.BOOL;
  }

  /** (a) A bitset per value of every enumerated column and of the small number columns. */
  static final class BitsetIndex {
    final Data data;
    final Map<FactField, BitSet[]> byValue = new HashMap<>();

    BitsetIndex(Data d) {
      this.data = d;
      for (FactField f : FactField.values()) {
        if (enumerated(f)) {
          int size = f.type() == FactField.Type.BOOL ? 2 : f.domain().size();
          BitSet[] sets = new BitSet[size];
          for (int v = 0; v < size; v++) {
            sets[v] = new BitSet(d.n());
          }
          for (int i = 0; i < d.n(); i++) {
            sets[d.code(f, i)].set(i);
          }
          byValue.put(f, sets);
        } else if (f == FactField.AGE_AT_ARRIVAL || f == FactField.SOCIAL_INSURANCE_MONTHS) {
          int[] col = intColumn(d, f);
          BitSet[] sets = new BitSet[131];
          for (int v = 0; v < sets.length; v++) {
            sets[v] = new BitSet(d.n());
          }
          for (int i = 0; i < d.n(); i++) {
            sets[Math.min(130, col[i])].set(i);
          }
          byValue.put(f, sets);
        }
      }
    }

    BitSet condition(Condition k) {
      FactField f = k.field();
      BitSet out = new BitSet(data.n());
      if (enumerated(f)) {
        boolean[] ok = allowed(k);
        BitSet[] sets = byValue.get(f);
        for (int v = 0; v < ok.length; v++) {
          if (ok[v]) {
            out.or(sets[v]);
          }
        }
        return out;
      }
      long[] r = range(k);
      BitSet[] sets = byValue.get(f);
      if (sets != null) {
        for (int v = (int) Math.max(0, r[0]); v <= Math.min(130, r[1]); v++) {
          out.or(sets[v]);
        }
        return out;
      }
      int[] col = intColumn(data, f);
      for (int i = 0; i < data.n(); i++) {
        if (col[i] >= r[0] && col[i] <= r[1]) {
          out.set(i);
        }
      }
      return out;
    }

    Map<String, Long> evaluate(List<Rule> rules) {
      Map<Condition, BitSet> cache = new HashMap<>();
      Map<String, BitSet> raw = new HashMap<>();
      for (Rule r : rules) {
        BitSet b = null;
        for (Condition k : r.clause().allConditions()) {
          BitSet c = cache.computeIfAbsent(k, this::condition);
          if (b == null) {
            b = (BitSet) c.clone();
          } else {
            b.and(c);
          }
        }
        if (b == null) {
          b = new BitSet(data.n());
          b.set(0, data.n());
        }
        raw.put(r.ref(), b);
      }
      Map<String, BitSet> granted = new HashMap<>();
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Rule r : rules) {
        BitSet g = (BitSet) raw.get(r.ref()).clone();
        for (String o : r.overriddenBy()) {
          g.andNot(raw.get(o));
        }
        for (String x : r.barredBy()) {
          g.andNot(granted.get(x));
        }
        granted.put(r.ref(), g);
        counts.put(r.ref(), (long) g.cardinality());
      }
      return counts;
    }
  }

  /** Row-at-a-time: one predicate per condition, people in the outer loop. */
  static final class RowPredicates {
    static Map<String, Long> evaluate(Data d, List<Rule> rules) {
      int m = rules.size();
      IntPredicate[][] conds = new IntPredicate[m][];
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < m; c++) {
        index.put(rules.get(c).ref(), c);
        List<Condition> all = rules.get(c).clause().allConditions();
        conds[c] = new IntPredicate[all.size()];
        for (int k = 0; k < all.size(); k++) {
          conds[c][k] = predicate(d, all.get(k));
        }
      }
      int[][] over = new int[m][];
      int[][] bars = new int[m][];
      for (int c = 0; c < m; c++) {
        over[c] = rules.get(c).overriddenBy().stream().mapToInt(index::get).toArray();
        bars[c] = rules.get(c).barredBy().stream().mapToInt(index::get).toArray();
      }
      long[] counts = new long[m];
      boolean[] raw = new boolean[m];
      boolean[] granted = new boolean[m];
      for (int i = 0; i < d.n(); i++) {
        for (int c = 0; c < m; c++) {
          boolean ok = true;
          for (IntPredicate p : conds[c]) {
            if (!p.test(i)) {
              ok = false;
              break;
            }
          }
          raw[c] = ok;
        }
        for (int c = 0; c < m; c++) {
          boolean g = raw[c];
          for (int o : over[c]) {
            g &= !raw[o];
          }
          for (int b : bars[c]) {
            g &= !granted[b];
          }
          granted[c] = g;
          if (g) {
            counts[c]++;
          }
        }
      }
      Map<String, Long> out = new LinkedHashMap<>();
      for (int c = 0; c < m; c++) {
        out.put(rules.get(c).ref(), counts[c]);
      }
      return out;
    }

    static IntPredicate predicate(Data d, Condition k) {
      FactField f = k.field();
      if (enumerated(f)) {
        boolean[] ok = allowed(k);
        return switch (f) {
          case TIER -> {
            int day = (int) DATE.toEpochDay();
            yield i -> ok[d.tierDay()[i] <= day ? d.tier()[i] : 5];
          }
          case DEGREE -> i -> ok[d.degree()[i]];
          case TITLE -> i -> ok[d.title()[i]];
          case INDUSTRY -> i -> ok[d.industry()[i]];
          case DISTRICT -> i -> ok[d.district()[i]];
          case INSTITUTION -> i -> ok[d.institution()[i]];
          case FIRST_HOME -> i -> ok[d.firstHome()[i]];
          case BANK_ACCOUNT -> i -> ok[d.bank()[i]];
          default -> throw new IllegalArgumentException(f.json());
        };
      }
      long[] r = range(k);
      int[] col = intColumn(d, f);
      long lo = r[0];
      long hi = r[1];
      return i -> col[i] >= lo && col[i] <= hi;
    }
  }

  /** (b) The clauses' conditions as one DMN decision table, hit policy COLLECT, run by KIE. */
  static final class KieDmn {
    static final String NS = "https://zugong.org/dmn/talent";
    final DMNRuntime runtime;
    final DMNModel model;
    final List<FactField> inputs = new ArrayList<>();

    KieDmn(List<Rule> rules) {
      for (FactField f : FactField.values()) {
        inputs.add(f);
      }
      String xml = dmn(rules);
      KieServices ks = KieServices.Factory.get();
      KieFileSystem kfs = ks.newKieFileSystem();
      kfs.write(
          ks.getResources()
              .newReaderResource(new StringReader(xml))
              .setSourcePath("src/main/resources/talent.dmn"));
      KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
      if (kb.getResults().hasMessages(Message.Level.ERROR)) {
        throw new IllegalStateException(kb.getResults().toString());
      }
      KieContainer kc = ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
      runtime = kc.newKieSession().getKieRuntime(DMNRuntime.class);
      model = runtime.getModel(NS, "talent-benefits");
      if (model == null || model.hasErrors()) {
        throw new IllegalStateException(
            "DMN model: " + (model == null ? "missing" : model.getMessages()));
      }
    }

    static String name(FactField f) {
      return f.json();
    }

    static String type(FactField f) {
      return switch (f.type()) {
        case ENUM, ORDINAL -> "string";
        case INT -> "number";
        case BOOL -> "boolean";
        case DATE -> "date";
      };
    }

    /** The unary tests of one field in one clause: the conditions on that field, combined. */
    static String entry(FactField f, List<Condition> conds) {
      List<Condition> mine = conds.stream().filter(c -> c.field() == f).toList();
      if (mine.isEmpty()) {
        return "-";
      }
      if (enumerated(f)) {
        boolean[] ok = null;
        for (Condition c : mine) {
          boolean[] a = allowed(c);
          if (ok == null) {
            ok = a;
          } else {
            for (int v = 0; v < ok.length; v++) {
              ok[v] &= a[v];
            }
          }
        }
        if (f.type() == FactField.Type.BOOL) {
          return ok[0] && ok[1] ? "-" : ok[1] ? "true" : ok[0] ? "false" : "null";
        }
        List<String> values = new ArrayList<>();
        for (int v = 0; v < ok.length; v++) {
          if (ok[v]) {
            values.add("\"" + f.domain().get(v) + "\"");
          }
        }
        return values.isEmpty() ? "null" : String.join(",", values);
      }
      long lo = Long.MIN_VALUE;
      long hi = Long.MAX_VALUE;
      for (Condition c : mine) {
        long[] r = f == FactField.AGE ? intRange(c) : range(c);
        lo = Math.max(lo, r[0]);
        hi = Math.min(hi, r[1]);
      }
      if (f == FactField.ARRIVAL) {
        return "[date(\""
            + LocalDate.ofEpochDay(lo)
            + "\")..date(\""
            + LocalDate.ofEpochDay(hi)
            + "\")]";
      }
      String l = lo <= Integer.MIN_VALUE ? null : Long.toString(lo);
      String h = hi >= Integer.MAX_VALUE ? null : Long.toString(hi);
      if (l == null) {
        return "<= " + h;
      }
      if (h == null) {
        return ">= " + l;
      }
      return "[" + l + ".." + h + "]";
    }

    /** An age condition as a range of ages (the DMN input is the age at the date). */
    static long[] intRange(Condition c) {
      long n = c.number();
      return switch (c.op()) {
        case EQ -> new long[] {n, n};
        case LT -> new long[] {Long.MIN_VALUE / 4, n - 1};
        case LE -> new long[] {Long.MIN_VALUE / 4, n};
        case GT -> new long[] {n + 1, Long.MAX_VALUE / 4};
        case GE -> new long[] {n, Long.MAX_VALUE / 4};
        default -> throw new IllegalArgumentException(c.describe());
      };
    }

    String dmn(List<Rule> rules) {
      StringBuilder x = new StringBuilder();
      x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append(
              "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"talent\" name=\"talent-benefits\" namespace=\"")
          .append(NS)
          .append("\">\n");
      for (FactField f : inputs) {
        x.append("  <inputData id=\"in_")
            .append(name(f))
            .append("\" name=\"")
            .append(name(f))
            .append("\">")
            .append("<variable name=\"")
            .append(name(f))
            .append("\" typeRef=\"")
            .append(type(f))
            .append("\"/></inputData>\n");
      }
      x.append(
          "  <decision id=\"eligible\" name=\"eligible\"><variable name=\"eligible\" typeRef=\"Any\"/>\n");
      for (FactField f : inputs) {
        x.append("    <informationRequirement><requiredInput href=\"#in_")
            .append(name(f))
            .append("\"/></informationRequirement>\n");
      }
      x.append("    <decisionTable id=\"table\" hitPolicy=\"COLLECT\">\n");
      for (FactField f : inputs) {
        x.append("      <input id=\"i_")
            .append(name(f))
            .append("\"><inputExpression typeRef=\"")
            .append(type(f))
            .append("\"><text>")
            .append(name(f))
            .append("</text></inputExpression></input>\n");
      }
      x.append("      <output id=\"o\" name=\"clause\" typeRef=\"string\"/>\n");
      int id = 0;
      for (Rule r : rules) {
        x.append("      <rule id=\"r").append(id++).append("\">");
        List<Condition> conds = r.clause().allConditions();
        for (FactField f : inputs) {
          x.append("<inputEntry><text>")
              .append(escape(entry(f, conds)))
              .append("</text></inputEntry>");
        }
        x.append("<outputEntry><text>\"")
            .append(r.ref())
            .append("\"</text></outputEntry></rule>\n");
      }
      x.append("    </decisionTable>\n  </decision>\n</definitions>\n");
      return x.toString();
    }

    static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    Map<String, Long> evaluate(Data d, List<Rule> rules) {
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < rules.size(); c++) {
        index.put(rules.get(c).ref(), c);
      }
      long[] counts = new long[rules.size()];
      boolean[] raw = new boolean[rules.size()];
      boolean[] granted = new boolean[rules.size()];
      for (int i = 0; i < d.n(); i++) {
        DMNContext ctx = runtime.newContext();
        for (FactField f : inputs) {
          ctx.set(name(f), value(d, f, i));
        }
        DMNResult result = runtime.evaluateAll(model, ctx);
        if (result.hasErrors()) {
          throw new IllegalStateException(result.getMessages().toString());
        }
        Object out = result.getDecisionResultByName("eligible").getResult();
        Arrays.fill(raw, false);
        if (out instanceof List<?> list) {
          for (Object o : list) {
            raw[index.get((String) o)] = true;
          }
        } else if (out instanceof String one) {
          raw[index.get(one)] = true;
        }
        for (int c = 0; c < rules.size(); c++) {
          boolean g = raw[c];
          for (String o : rules.get(c).overriddenBy()) {
            g &= !raw[index.get(o)];
          }
          for (String b : rules.get(c).barredBy()) {
            g &= !granted[index.get(b)];
          }
          granted[c] = g;
          if (g) {
            counts[c]++;
          }
        }
      }
      Map<String, Long> outCounts = new LinkedHashMap<>();
      for (int c = 0; c < rules.size(); c++) {
        outCounts.put(rules.get(c).ref(), counts[c]);
      }
      return outCounts;
    }

    static Object value(Data d, FactField f, int i) {
      return switch (f) {
        case AGE_AT_ARRIVAL -> java.math.BigDecimal.valueOf(d.ageAtArrival()[i]);
        case SOCIAL_INSURANCE_MONTHS -> java.math.BigDecimal.valueOf(d.months()[i]);
        case AGE ->
            java.math.BigDecimal.valueOf(
                Period.between(LocalDate.ofEpochDay(d.birthDay()[i]), DATE).getYears());
        case ARRIVAL -> LocalDate.ofEpochDay(d.arrivalDay()[i]);
        case FIRST_HOME -> d.firstHome()[i] == 1;
        case BANK_ACCOUNT -> d.bank()[i] == 1;
        default -> f.domain().get(d.code(f, i));
      };
    }
  }

  private TalentRulesBench() {}
}
