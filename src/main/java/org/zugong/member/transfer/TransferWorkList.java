package org.zugong.member.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's work list of transfers on a given day: a pure function of the transfers, the
 * organization, the direction it looks in and the day. A transfer may be in several categories at
 * once, e.g. pending, unfinished and due soon.
 */
public final class TransferWorkList {

  /** How many days ahead a deadline counts as due soon: today and the next 7 days. */
  public static final int DUE_SOON_DAYS = 7;

  private static final Comparator<Transfer> MOST_URGENT_FIRST =
      Comparator.comparing(
              (Transfer t) -> t.deadline().orElse(LocalDate.MAX), Comparator.naturalOrder())
          .thenComparing(Transfer::submittedOn)
          .thenComparingLong(t -> t.id().value());

  private TransferWorkList() {}

  /** The categories of the work list. */
  public enum Category {
    /** Open and awaiting the target: its decision in the city, or the receipt from outside. */
    PENDING,
    /** Open: any state before the transfer is closed, returned ones included. */
    UNFINISHED,
    /**
     * Open, and the letter's last valid day is today or within the next {@value #DUE_SOON_DAYS}.
     */
    DUE_SOON,
    /** Open, and the letter's last valid day has passed. */
    OVERDUE;

    /** The message key of this category's label. */
    public String messageKey() {
      return "transfer.work." + name();
    }
  }

  /** Which transfers of an organization: those it receives, or those it sends. */
  public enum Direction {
    /** The transfers whose target is the organization. */
    INCOMING,
    /**
     * The transfers the organization acts for as source: its own, and those into the city it
     * registered.
     */
    OUTGOING;

    /** The message key of this direction's label. */
    public String messageKey() {
      return "transfer.direction." + name();
    }
  }

  /**
   * The categories one transfer falls in on this day. A transfer out of the city has no deadline
   * before its letter is issued, so it is neither due soon nor overdue until then.
   */
  public static Set<Category> categoriesOf(Transfer transfer, LocalDate today) {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    if (!transfer.isOpen()) {
      return categories;
    }
    categories.add(Category.UNFINISHED);
    if (transfer.awaitsTarget()) {
      categories.add(Category.PENDING);
    }
    transfer
        .deadline()
        .ifPresent(
            deadline -> {
              if (today.isAfter(deadline)) {
                categories.add(Category.OVERDUE);
              } else if (!deadline.isAfter(today.plusDays(DUE_SOON_DAYS))) {
                categories.add(Category.DUE_SOON);
              }
            });
    return categories;
  }

  /** Whether the transfer is the organization's in this direction. */
  public static boolean concerns(Transfer transfer, long organizationId, Direction direction) {
    return switch (direction) {
      case INCOMING -> transfer.target().is(organizationId);
      case OUTGOING -> transfer.sourceActorId() == organizationId;
    };
  }

  /**
   * The organization's transfers in this direction by category, every category present, each list
   * the most urgent first: the earliest deadline, then the earliest submitted; those without a
   * deadline last.
   */
  public static Map<Category, List<Transfer>> classify(
      Collection<Transfer> transfers, long organizationId, Direction direction, LocalDate today) {
    return classify(
        transfers.stream().filter(t -> concerns(t, organizationId, direction)).toList(), today);
  }

  /**
   * Transfers already chosen (e.g. those of a whole part of the tree in one direction) by category,
   * ordered as {@link #classify(Collection, long, Direction, LocalDate)} orders them.
   */
  public static Map<Category, List<Transfer>> classify(
      Collection<Transfer> transfers, LocalDate today) {
    Map<Category, List<Transfer>> lists = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      lists.put(c, new ArrayList<>());
    }
    for (Transfer t : transfers) {
      categoriesOf(t, today).forEach(c -> lists.get(c).add(t));
    }
    lists.replaceAll((c, list) -> list.stream().sorted(MOST_URGENT_FIRST).toList());
    return Collections.unmodifiableMap(lists);
  }
}
