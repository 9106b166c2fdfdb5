package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No term of office with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OfficeNotFoundException extends RuntimeException {

  public OfficeNotFoundException(long id) {
    super("No office " + id + " in scope");
  }
}
