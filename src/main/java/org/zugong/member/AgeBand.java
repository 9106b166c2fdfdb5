package org.zugong.member;

import java.time.LocalDate;

/** The age bands of the party statistics, with the birth dates each covers on a given day. */
public enum AgeBand {
  UP_TO_30(0, 30),
  FROM_31_TO_35(31, 35),
  FROM_36_TO_40(36, 40),
  FROM_41_TO_45(41, 45),
  FROM_46_TO_50(46, 50),
  FROM_51_TO_54(51, 54),
  FROM_55_TO_59(55, 59),
  FROM_60_TO_69(60, 69),
  FROM_70(70, 200);

  private final int from;
  private final int to;

  AgeBand(int from, int to) {
    this.from = from;
    this.to = to;
  }

  /** The earliest birth date (inclusive) of someone in this band on {@code on}. */
  public LocalDate bornFrom(LocalDate on) {
    return on.minusYears(to + 1L).plusDays(1);
  }

  /** The latest birth date (inclusive) of someone in this band on {@code on}. */
  public LocalDate bornTo(LocalDate on) {
    return on.minusYears(from);
  }

  public static AgeBand of(LocalDate birth, LocalDate on) {
    int age = java.time.Period.between(birth, on).getYears();
    for (AgeBand b : values()) {
      if (age >= b.from && age <= b.to) {
        return b;
      }
    }
    return FROM_70;
  }

  public String messageKey() {
    return "member.age-band." + name();
  }
}
