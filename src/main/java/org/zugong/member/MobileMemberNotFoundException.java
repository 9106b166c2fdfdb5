package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No mobile member record with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MobileMemberNotFoundException extends RuntimeException {

  public MobileMemberNotFoundException(long id) {
    super("No mobile member record " + id + " in scope");
  }
}
