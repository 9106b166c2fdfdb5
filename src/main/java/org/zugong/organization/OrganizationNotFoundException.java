package org.zugong.organization;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No organization with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OrganizationNotFoundException extends RuntimeException {

  public OrganizationNotFoundException(long id) {
    super("No organization " + id + " in scope");
  }
}
