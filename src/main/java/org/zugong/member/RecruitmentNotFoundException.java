package org.zugong.member;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No recruitment with this id in the caller's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecruitmentNotFoundException extends RuntimeException {

  public RecruitmentNotFoundException(long id) {
    super("No recruitment " + id + " in scope");
  }
}
