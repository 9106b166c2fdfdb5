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

  /**
   * A body that is not JSON, or a value of the wrong type: the field it concerns, by its path in
   * the body, where the parser knows it.
   */
  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ProblemDetail unreadable(
      org.springframework.http.converter.HttpMessageNotReadableException e, Locale locale) {
    String field = null;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
        field =
            d.getPath().stream()
                .map(
                    r ->
                        r.getPropertyName() != null
                            ? r.getPropertyName()
                            : "[" + r.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
        break;
      }
    }
    String key = field == null ? "api.error.unreadable" : "api.error.unreadable-field";
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(key, new Object[] {field}, locale));
    problem.setProperty("code", key);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  /** A query parameter or path variable of the wrong type. */
  @ExceptionHandler(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
      Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(
                "api.error.parameter", new Object[] {e.getName(), e.getValue()}, locale));
    problem.setProperty("code", "api.error.parameter");
    problem.setProperty("field", e.getName());
    return problem;
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
