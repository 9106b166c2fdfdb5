package org.zugong.member;

/** The steps a user may take on a transfer, each offered only where the rules allow it. */
public enum TransferAction {
  ACCEPT,
  RETURN,
  RESUBMIT,
  CANCEL,
  ISSUE_LETTER,
  RECORD_RECEIPT;

  public String messageKey() {
    return "transfer.action." + name();
  }
}
