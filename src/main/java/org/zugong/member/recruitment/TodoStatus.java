package org.zugong.member.recruitment;

import java.time.LocalDate;

/** How close a step is to its due date. */
public enum TodoStatus {
  /** Due later than {@link #SOON_DAYS} days from today. */
  DUE,
  /** Due within {@link #SOON_DAYS} days, the due date included. */
  DUE_SOON,
  /** The due date has passed. */
  OVERDUE;

  public static final int SOON_DAYS = 30;

  public static TodoStatus of(LocalDate dueDate, LocalDate today) {
    if (today.isAfter(dueDate)) {
      return OVERDUE;
    }
    return today.isBefore(dueDate.minusDays(SOON_DAYS)) ? DUE : DUE_SOON;
  }
}
