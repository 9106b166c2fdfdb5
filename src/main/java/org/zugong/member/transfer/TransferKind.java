package org.zugong.member.transfer;

/**
 * Where a transfer goes. Both ends of a {@link #WITHIN_CITY} transfer are organizations of the
 * city; an {@link #OUT_OF_CITY} transfer goes to an organization outside, named only, and closes
 * when the receipt (回执) of its paper letter comes back; an {@link #INTO_CITY} transfer comes from
 * an organization outside, named only, with the letter it issued.
 */
public enum TransferKind {
  WITHIN_CITY,
  OUT_OF_CITY,
  INTO_CITY;

  /** The message key of this kind's label. */
  public String messageKey() {
    return "transfer.kind." + name();
  }
}
