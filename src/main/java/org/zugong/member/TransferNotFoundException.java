package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No transfer with this id that either of its ends in the caller's scope may see. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TransferNotFoundException extends RuntimeException {

  public TransferNotFoundException(long id) {
    super("No transfer " + id + " in scope");
  }
}
