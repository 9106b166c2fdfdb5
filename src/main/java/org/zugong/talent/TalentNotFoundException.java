package org.zugong.talent;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No talent with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TalentNotFoundException extends RuntimeException {

  public TalentNotFoundException(long id) {
    super("No talent " + id + " in scope");
  }
}
