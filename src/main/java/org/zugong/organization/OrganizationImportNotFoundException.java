package org.zugong.organization;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No import with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OrganizationImportNotFoundException extends RuntimeException {

  public OrganizationImportNotFoundException(long id) {
    super("No organization import " + id + " in scope");
  }
}
