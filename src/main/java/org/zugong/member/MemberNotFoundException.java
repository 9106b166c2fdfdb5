package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No member with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MemberNotFoundException extends RuntimeException {

  public MemberNotFoundException(long id) {
    super("No member " + id + " in scope");
  }
}
