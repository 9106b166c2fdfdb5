package org.zugong.talent;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No benefit run with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class BenefitRunNotFoundException extends RuntimeException {

  public BenefitRunNotFoundException(long id) {
    super("No benefit run " + id + " in scope");
  }
}
