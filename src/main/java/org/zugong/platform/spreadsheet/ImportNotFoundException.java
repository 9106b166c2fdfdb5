package org.zugong.platform.spreadsheet;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No import with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ImportNotFoundException extends RuntimeException {

  /**
   * @param what what is imported, as the log names it ({@code member})
   */
  public ImportNotFoundException(String what, long id) {
    super("No " + what + " import " + id + " in scope");
  }
}
