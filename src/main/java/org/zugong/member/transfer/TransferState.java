package org.zugong.member.transfer;

/**
 * The states of a transfer. {@link #ACCEPTED}, {@link #RECEIPT_RETURNED} and {@link #CANCELLED}
 * close it; {@link #RETURNED} does not: the source either resubmits the same transfer or cancels
 * it.
 */
public enum TransferState {
  SUBMITTED,
  ACCEPTED,
  RETURNED,
  CANCELLED,
  LETTER_ISSUED,
  RECEIPT_RETURNED;

  public boolean isClosed() {
    return this == ACCEPTED || this == RECEIPT_RETURNED || this == CANCELLED;
  }

  /** The message key of this state's label. */
  public String messageKey() {
    return "transfer.state." + name();
  }
}
