package org.zugong.talent.rules;

import java.time.LocalDate;

/**
 * A condition compiled for one evaluation date: an enumerated fact becomes a bit mask of the
 * allowed positions, a number or a date an inclusive range (or its complement). It answers for one
 * row and fills a bitmap for all rows with the same arithmetic, so one person and everyone get the
 * same answer.
 */
abstract sealed class CompiledCondition {

  final Condition source;

  CompiledCondition(Condition source) {
    this.source = source;
  }

  abstract boolean test(FactColumns c, int row);

  /** Sets bit {@code r} of {@code out} for every row {@code r} that passes. */
  abstract void fill(FactColumns c, long[] out);

  static CompiledCondition compile(Condition k, LocalDate date) {
    FactField f = k.field();
    return switch (f.type()) {
      case ENUM, ORDINAL ->
          f == FactField.TIER
              ? new TierMask(k, mask(k), (int) date.toEpochDay())
              : new Mask(k, mask(k));
      case BOOL -> new Mask(k, k.flag() ? 0b10L : 0b01L);
      case INT -> f == FactField.AGE ? birthRange(k, date) : intRange(k);
      case DATE -> arrivalRange(k, date);
    };
  }

  /** The positions of the domain a value may hold. */
  static long mask(Condition k) {
    FactField f = k.field();
    long named = 0;
    for (String v : k.values()) {
      named |= 1L << f.code(v);
    }
    long all = (1L << f.domain().size()) - 1;
    int at = f.code(k.values().getFirst());
    long below = (1L << at) - 1;
    return switch (k.op()) {
      case EQ, IN -> named;
      case NE, NOT_IN -> all & ~named;
      case LT -> below;
      case LE -> below | (1L << at);
      case GT -> all & ~(below | (1L << at));
      case GE -> all & ~below;
      default -> throw new IllegalArgumentException(k.describe());
    };
  }

  private static CompiledCondition intRange(Condition k) {
    long n = k.number();
    return switch (k.op()) {
      case EQ -> new Range(k, n, n, false);
      case NE -> new Range(k, n, n, true);
      case LT -> new Range(k, Long.MIN_VALUE / 4, n - 1, false);
      case LE -> new Range(k, Long.MIN_VALUE / 4, n, false);
      case GT -> new Range(k, n + 1, Long.MAX_VALUE / 4, false);
      case GE -> new Range(k, n, Long.MAX_VALUE / 4, false);
      default -> throw new IllegalArgumentException(k.describe());
    };
  }

  /**
   * An age at the date as a range of birth days: aged at least {@code n} on {@code d} means born on
   * or before {@code d} minus {@code n} years (calendar years: 29 February less a year is 28
   * February, so a person born on 29 February comes of an age on 1 March of a common year).
   */
  private static CompiledCondition birthRange(Condition k, LocalDate d) {
    long n = k.number();
    long atLeastN = bornOnOrBefore(d, n);
    long atLeastN1 = bornOnOrBefore(d, n + 1);
    long min = Long.MIN_VALUE / 4;
    long max = Long.MAX_VALUE / 4;
    return switch (k.op()) {
      case GE -> new Range(k, min, atLeastN, false);
      case GT -> new Range(k, min, atLeastN1, false);
      case LT -> new Range(k, atLeastN + 1, max, false);
      case LE -> new Range(k, atLeastN1 + 1, max, false);
      case EQ -> new Range(k, atLeastN1 + 1, atLeastN, false);
      case NE -> new Range(k, atLeastN1 + 1, atLeastN, true);
      default -> throw new IllegalArgumentException(k.describe());
    };
  }

  private static long bornOnOrBefore(LocalDate d, long years) {
    return years < 0 || years > 200
        ? (years < 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4)
        : d.minusYears(years).toEpochDay();
  }

  private static CompiledCondition arrivalRange(Condition k, LocalDate d) {
    return switch (k.op()) {
      case WITHIN_YEARS ->
          new Range(k, d.minusYears(k.number()).toEpochDay() + 1, d.toEpochDay(), false);
      case ON_OR_AFTER -> new Range(k, k.date().toEpochDay(), Long.MAX_VALUE / 4, false);
      case BEFORE -> new Range(k, Long.MIN_VALUE / 4, k.date().toEpochDay() - 1, false);
      default -> throw new IllegalArgumentException(k.describe());
    };
  }

  static byte[] bytes(FactColumns c, FactField f) {
    return switch (f) {
      case TIER -> c.tier;
      case DEGREE -> c.degree;
      case TITLE -> c.title;
      case INDUSTRY -> c.industry;
      case DISTRICT -> c.district;
      case INSTITUTION -> c.institution;
      case FIRST_HOME -> c.firstHome;
      case BANK_ACCOUNT -> c.bankAccount;
      default -> throw new IllegalArgumentException(f.json());
    };
  }

  static int[] ints(FactColumns c, FactField f) {
    return switch (f) {
      case AGE_AT_ARRIVAL -> c.ageAtArrival;
      case AGE -> c.birthDay;
      case SOCIAL_INSURANCE_MONTHS -> c.socialInsuranceMonths;
      case ARRIVAL -> c.arrivalDay;
      default -> throw new IllegalArgumentException(f.json());
    };
  }

  /** An enumerated or yes/no fact whose position must be in the mask. */
  static final class Mask extends CompiledCondition {
    final long mask;

    Mask(Condition source, long mask) {
      super(source);
      this.mask = mask;
    }

    @Override
    boolean test(FactColumns c, int row) {
      return ((mask >>> bytes(c, source.field())[row]) & 1L) != 0;
    }

    @Override
    void fill(FactColumns c, long[] out) {
      orValues(c.bitmaps(source.field()), mask, out, c.size);
    }
  }

  /** The tier held at the date: a certification after the date counts as none yet. */
  static final class TierMask extends CompiledCondition {
    private static final int NONE = 5;
    final long mask;
    final int day;

    TierMask(Condition source, long mask, int day) {
      super(source);
      this.mask = mask;
      this.day = day;
    }

    @Override
    boolean test(FactColumns c, int row) {
      int t = c.tierDay[row] <= day ? c.tier[row] : NONE;
      return ((mask >>> t) & 1L) != 0;
    }

    @Override
    void fill(FactColumns c, long[] out) {
      // Certified by the day: the tier counts; otherwise the talent holds none yet.
      orValues(c.bitmaps(FactField.TIER), mask & ~(1L << NONE), out, c.size);
      long[] certified = c.certifiedBy(day);
      boolean noneAllowed = ((mask >>> NONE) & 1L) != 0;
      for (int w = 0; w < out.length; w++) {
        out[w] = (out[w] & certified[w]) | (noneAllowed ? ~certified[w] : 0L);
      }
      clearTail(out, c.size);
    }
  }

  /** A number or a day within {@code [lo, hi]}, or outside it when negated. */
  static final class Range extends CompiledCondition {
    final long lo;
    final long span;
    final long flip;

    Range(Condition source, long lo, long hi, boolean negate) {
      super(source);
      this.lo = lo;
      this.span = hi - lo;
      this.flip = negate ? 1L : 0L;
    }

    @Override
    boolean test(FactColumns c, int row) {
      long x = ints(c, source.field())[row] - lo;
      return ((((x | (span - x)) >>> 63) ^ 1L) ^ flip) != 0;
    }

    @Override
    void fill(FactColumns c, long[] out) {
      long[][] values = c.bitmaps(source.field());
      if (values != null) {
        // A small number fact: OR the bitmaps of the values in range, or of those outside it
        // where fewer, then invert.
        long from = Math.max(0, lo);
        long to = Math.min(values.length - 1, lo + span);
        long inside = Math.max(0, to - from + 1);
        boolean invert = inside > values.length / 2;
        java.util.Arrays.fill(out, 0L);
        for (int v = 0; v < values.length; v++) {
          boolean in = v >= from && v <= to;
          if (in != invert) {
            long[] b = values[v];
            for (int w = 0; w < out.length; w++) {
              out[w] |= b[w];
            }
          }
        }
        if (invert != (flip != 0)) {
          for (int w = 0; w < out.length; w++) {
            out[w] = ~out[w];
          }
          clearTail(out, c.size);
        }
        return;
      }
      int[] col = ints(c, source.field());
      long l = lo;
      long s = span;
      long f = flip;
      int n = c.size;
      for (int w = 0, base = 0; base < n; w++, base += 64) {
        int end = Math.min(64, n - base);
        long bits = 0;
        for (int b = 0; b < end; b++) {
          long x = col[base + b] - l;
          bits |= ((((x | (s - x)) >>> 63) ^ 1L) ^ f) << b;
        }
        out[w] = bits;
      }
    }
  }

  /**
   * ORs into {@code out} (cleared first) the bitmaps of the values whose bit is set in the mask.
   */
  static void orValues(long[][] values, long mask, long[] out, int size) {
    java.util.Arrays.fill(out, 0L);
    int count = Long.bitCount(mask & ((1L << values.length) - 1));
    if (count > values.length / 2) {
      // Fewer values outside: OR those and invert.
      for (int v = 0; v < values.length; v++) {
        if (((mask >>> v) & 1L) == 0) {
          long[] b = values[v];
          for (int w = 0; w < out.length; w++) {
            out[w] |= b[w];
          }
        }
      }
      for (int w = 0; w < out.length; w++) {
        out[w] = ~out[w];
      }
      clearTail(out, size);
      return;
    }
    for (int v = 0; v < values.length; v++) {
      if (((mask >>> v) & 1L) != 0) {
        long[] b = values[v];
        for (int w = 0; w < out.length; w++) {
          out[w] |= b[w];
        }
      }
    }
  }

  /** Clears the bits past the last row. */
  static void clearTail(long[] out, int size) {
    if ((size & 63) != 0 && out.length > 0) {
      out[out.length - 1] &= (1L << (size & 63)) - 1;
    }
  }
}
