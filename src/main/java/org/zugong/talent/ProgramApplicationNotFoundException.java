package org.zugong.talent;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No program application (or call) with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ProgramApplicationNotFoundException extends RuntimeException {

  public ProgramApplicationNotFoundException(String what, long id) {
    super("No " + what + " " + id + " in scope");
  }
}
