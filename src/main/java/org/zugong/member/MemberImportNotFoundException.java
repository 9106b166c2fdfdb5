package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No import with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MemberImportNotFoundException extends RuntimeException {

  public MemberImportNotFoundException(long id) {
    super("No member import " + id + " in scope");
  }
}
