package org.zugong.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zugong.shared.InvalidValueException;

/** Errors of the JSON API as RFC 9457 problem details, in the caller's language. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrorAdvice {

  private final MessageSource messages;

  ApiErrorAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
  ProblemDetail status(org.springframework.web.server.ResponseStatusException e) {
    return ProblemDetail.forStatus(e.getStatusCode());
  }

  @ExceptionHandler(InvalidValueException.class)
  ProblemDetail invalid(InvalidValueException e, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(e.messageKey(), e.arguments(), locale));
    problem.setProperty("code", e.messageKey());
    return problem;
  }
}
