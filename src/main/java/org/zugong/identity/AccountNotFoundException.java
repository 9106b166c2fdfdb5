package org.zugong.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account with this id in the caller's scope (which may mean it exists elsewhere). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

  public AccountNotFoundException(long id) {
    super("No account " + id + " in scope");
  }
}
