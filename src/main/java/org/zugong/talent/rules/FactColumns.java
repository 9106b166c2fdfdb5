package org.zugong.talent.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;

/**
 * The facts of many talents as columns, one array per fact, row {@code i} being one talent: what
 * the engine scans for everyone at once. Enumerated facts are kept as their position in the fact's
 * domain, dates as epoch days; the age at arrival is computed once, with calendar arithmetic.
 */
public final class FactColumns {

  static final int NO_DAY = Integer.MAX_VALUE;

  final int size;
  final long[] ids;
  final byte[] tier;
  final int[] tierDay;
  final byte[] degree;
  final byte[] title;
  final byte[] industry;
  final byte[] district;
  final byte[] institution;
  final int[] birthDay;
  final int[] arrivalDay;
  final int[] ageAtArrival;
  final int[] socialInsuranceMonths;
  final byte[] firstHome;
  final byte[] bankAccount;

  /** Per fact, a bitmap of the rows holding each value: built on first use, kept with the data. */
  private final java.util.Map<FactField, long[][]> bitmaps =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Per day, a bitmap of the rows certified on or before it. */
  private final java.util.Map<Integer, long[]> certified =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Number facts with at most this many values get a bitmap per value. */
  static final int SMALL = 256;

  private FactColumns(Builder b) {
    size = b.size;
    ids = Arrays.copyOf(b.ids, size);
    tier = Arrays.copyOf(b.tier, size);
    tierDay = Arrays.copyOf(b.tierDay, size);
    degree = Arrays.copyOf(b.degree, size);
    title = Arrays.copyOf(b.title, size);
    industry = Arrays.copyOf(b.industry, size);
    district = Arrays.copyOf(b.district, size);
    institution = Arrays.copyOf(b.institution, size);
    birthDay = Arrays.copyOf(b.birthDay, size);
    arrivalDay = Arrays.copyOf(b.arrivalDay, size);
    ageAtArrival = Arrays.copyOf(b.ageAtArrival, size);
    socialInsuranceMonths = Arrays.copyOf(b.socialInsuranceMonths, size);
    firstHome = Arrays.copyOf(b.firstHome, size);
    bankAccount = Arrays.copyOf(b.bankAccount, size);
  }

  public static Builder builder(int expected) {
    return new Builder(Math.max(1, expected));
  }

  public static FactColumns of(TalentFacts facts) {
    return builder(1).add(facts).build();
  }

  public int size() {
    return size;
  }

  public long id(int row) {
    return ids[row];
  }

  int words() {
    return (size + 63) >>> 6;
  }

  /**
   * A bitmap per value of an enumerated, yes/no or small number fact (row {@code r} is bit {@code
   * r}), or null for a number fact with values beyond {@link #SMALL} or below zero.
   */
  long[] @org.jspecify.annotations.Nullable [] bitmaps(FactField f) {
    long[][] b = bitmaps.get(f);
    if (b == null) {
      b = index(f);
      bitmaps.put(f, b);
    }
    return b.length == 0 ? null : b;
  }

  private long[][] index(FactField f) {
    int words = words();
    switch (f.type()) {
      case ENUM, ORDINAL, BOOL -> {
        byte[] col = CompiledCondition.bytes(this, f);
        int values = f.type() == FactField.Type.BOOL ? 2 : f.domain().size();
        long[][] out = new long[values][words];
        for (int i = 0; i < size; i++) {
          out[col[i]][i >>> 6] |= 1L << i;
        }
        return out;
      }
      case INT -> {
        if (f == FactField.AGE) {
          return new long[0][];
        }
        int[] col = CompiledCondition.ints(this, f);
        int max = 0;
        for (int i = 0; i < size; i++) {
          if (col[i] < 0 || col[i] >= SMALL) {
            return new long[0][];
          }
          max = Math.max(max, col[i]);
        }
        long[][] out = new long[max + 1][words];
        for (int i = 0; i < size; i++) {
          out[col[i]][i >>> 6] |= 1L << i;
        }
        return out;
      }
      default -> {
        return new long[0][];
      }
    }
  }

  /** The rows certified on or before the day. */
  long[] certifiedBy(int day) {
    long[] b = certified.get(day);
    if (b == null) {
      b = new long[words()];
      int[] days = tierDay;
      for (int w = 0, base = 0; base < size; w++, base += 64) {
        int end = Math.min(64, size - base);
        long bits = 0;
        for (int k = 0; k < end; k++) {
          bits |= (((long) days[base + k] - day - 1) >>> 63) << k;
        }
        b[w] = bits;
      }
      certified.put(day, b);
    }
    return b;
  }

  /** The row of a talent, or -1. */
  public int rowOf(long talentId) {
    for (int i = 0; i < size; i++) {
      if (ids[i] == talentId) {
        return i;
      }
    }
    return -1;
  }

  /** The talent's value of a fact at a date, as a reason shows it. */
  String display(FactField field, int row, LocalDate date) {
    return switch (field) {
      case TIER ->
          tierDay[row] <= date.toEpochDay()
              ? FactField.TIER.domain().get(tier[row])
              : FactField.TIER.domain().get(5);
      case DEGREE -> FactField.DEGREE.domain().get(degree[row]);
      case TITLE -> FactField.TITLE.domain().get(title[row]);
      case INDUSTRY -> FactField.INDUSTRY.domain().get(industry[row]);
      case DISTRICT -> FactField.DISTRICT.domain().get(district[row]);
      case INSTITUTION -> FactField.INSTITUTION.domain().get(institution[row]);
      case AGE_AT_ARRIVAL -> Integer.toString(ageAtArrival[row]);
      case AGE ->
          Integer.toString(Period.between(LocalDate.ofEpochDay(birthDay[row]), date).getYears());
      case SOCIAL_INSURANCE_MONTHS -> Integer.toString(socialInsuranceMonths[row]);
      case FIRST_HOME -> Boolean.toString(firstHome[row] != 0);
      case BANK_ACCOUNT -> Boolean.toString(bankAccount[row] != 0);
      case ARRIVAL -> LocalDate.ofEpochDay(arrivalDay[row]).toString();
    };
  }

  LocalDate arrival(int row) {
    return LocalDate.ofEpochDay(arrivalDay[row]);
  }

  /** Adds talents one by one. */
  public static final class Builder {
    private int size;
    private long[] ids;
    private byte[] tier;
    private int[] tierDay;
    private byte[] degree;
    private byte[] title;
    private byte[] industry;
    private byte[] district;
    private byte[] institution;
    private int[] birthDay;
    private int[] arrivalDay;
    private int[] ageAtArrival;
    private int[] socialInsuranceMonths;
    private byte[] firstHome;
    private byte[] bankAccount;

    private Builder(int capacity) {
      ids = new long[capacity];
      tier = new byte[capacity];
      tierDay = new int[capacity];
      degree = new byte[capacity];
      title = new byte[capacity];
      industry = new byte[capacity];
      district = new byte[capacity];
      institution = new byte[capacity];
      birthDay = new int[capacity];
      arrivalDay = new int[capacity];
      ageAtArrival = new int[capacity];
      socialInsuranceMonths = new int[capacity];
      firstHome = new byte[capacity];
      bankAccount = new byte[capacity];
    }

    public Builder add(TalentFacts f) {
      if (size == ids.length) {
        grow();
      }
      int i = size++;
      ids[i] = f.talentId();
      boolean certified = f.tier() != null && f.tierCertifiedOn() != null;
      tier[i] = (byte) (certified ? code(FactField.TIER, f.tier()) : 5);
      tierDay[i] = certified ? (int) f.tierCertifiedOn().toEpochDay() : NO_DAY;
      degree[i] = (byte) code(FactField.DEGREE, f.degree());
      title[i] = (byte) code(FactField.TITLE, f.title());
      industry[i] = (byte) code(FactField.INDUSTRY, f.industry());
      int d = FactField.DISTRICT.code(f.district());
      district[i] = (byte) (d < 0 ? FactField.DISTRICT.code("OTHER") : d);
      institution[i] =
          (byte) (f.institution() == null ? 0 : code(FactField.INSTITUTION, f.institution()));
      birthDay[i] = (int) f.birthDate().toEpochDay();
      arrivalDay[i] = (int) f.arrivalDate().toEpochDay();
      ageAtArrival[i] = Period.between(f.birthDate(), f.arrivalDate()).getYears();
      socialInsuranceMonths[i] = f.socialInsuranceMonths();
      firstHome[i] = (byte) (f.firstHome() ? 1 : 0);
      bankAccount[i] = (byte) (f.bankAccount() ? 1 : 0);
      return this;
    }

    private static int code(FactField field, String value) {
      int c = field.code(value);
      if (c < 0) {
        throw new IllegalArgumentException("Unknown " + field.json() + ": " + value);
      }
      return c;
    }

    private void grow() {
      int n = ids.length * 2;
      ids = Arrays.copyOf(ids, n);
      tier = Arrays.copyOf(tier, n);
      tierDay = Arrays.copyOf(tierDay, n);
      degree = Arrays.copyOf(degree, n);
      title = Arrays.copyOf(title, n);
      industry = Arrays.copyOf(industry, n);
      district = Arrays.copyOf(district, n);
      institution = Arrays.copyOf(institution, n);
      birthDay = Arrays.copyOf(birthDay, n);
      arrivalDay = Arrays.copyOf(arrivalDay, n);
      ageAtArrival = Arrays.copyOf(ageAtArrival, n);
      socialInsuranceMonths = Arrays.copyOf(socialInsuranceMonths, n);
      firstHome = Arrays.copyOf(firstHome, n);
      bankAccount = Arrays.copyOf(bankAccount, n);
    }

    public FactColumns build() {
      return new FactColumns(this);
    }
  }
}
