package org.zugong.member.transfer;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A member's history of transfers: every step of every transfer, in the order they happened. */
public final class TransferHistory {

  private TransferHistory() {}

  /**
   * Every step of the member's transfers, oldest first. Steps of one day keep their order: a
   * transfer's own in sequence, and an earlier transfer's before a later one's, since a member's
   * next transfer starts only once the previous one is closed.
   */
  public static List<TransferEvent> ofMember(long memberId, Collection<Transfer> transfers) {
    return transfers.stream()
        .filter(t -> t.memberId() == memberId)
        .sorted(Comparator.comparing(Transfer::submittedOn).thenComparingLong(t -> t.id().value()))
        .flatMap(t -> t.history().stream())
        .sorted(Comparator.comparing(TransferEvent::date))
        .toList();
  }
}
