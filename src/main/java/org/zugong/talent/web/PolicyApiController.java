package org.zugong.talent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.talent.Benefits;
import org.zugong.talent.Policies;
import org.zugong.talent.PolicySummary;
import org.zugong.talent.rules.BatchResult;
import org.zugong.talent.rules.RuleDocumentException;

/**
 * Talent policies as JSON: the list, a version as a file (export), a file saved as a draft
 * (import), publication, and per clause how many people each condition excluded.
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "policies", description = "Talent policies (人才政策) as rules")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER')")
class PolicyApiController {

  private final Policies policies;
  private final Benefits benefits;
  private final MessageSource messages;
  private final Clock clock;

  PolicyApiController(Policies policies, Benefits benefits, MessageSource messages, Clock clock) {
    this.policies = policies;
    this.benefits = benefits;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "The policies the caller sees, with their versions")
  List<PolicySummary> list() {
    return policies.list();
  }

  @GetMapping(value = "/{code}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One version as the JSON file that import reads")
  String export(@PathVariable String code, @PathVariable int version) {
    return policies
        .export(code, version)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(
      summary =
          "Saves a policy file as a draft version; an unknown field or a wrong type is refused"
              + " with every problem, each naming the clause and the field")
  ResponseEntity<Void> importDocument(@RequestBody String json) {
    policies.saveDraft(json);
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @PostMapping("/{code}/versions/{version}/publish")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(
      summary =
          "Publishes a draft; two overrides of one general clause that can both apply are refused,"
              + " naming both")
  void publish(@PathVariable String code, @PathVariable int version) {
    policies.publish(code, version);
  }

  @GetMapping("/exclusions")
  @Operation(
      summary =
          "Per clause in force on the date: how many talents are granted it, and how many each"
              + " condition excluded")
  List<ClauseCounts> exclusions(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date) {
    BatchResult r = benefits.evaluate(date == null ? LocalDate.now(clock) : date);
    return r.clauses().stream()
        .map(
            c ->
                new ClauseCounts(
                    c.clause(),
                    c.grantedCount(),
                    c.totalAmount(),
                    c.excludedByCondition(),
                    c.overridden(),
                    c.barred()))
        .toList();
  }

  /** A clause's counts. */
  record ClauseCounts(
      String clause,
      long granted,
      long totalAmount,
      List<BatchResult.ConditionCount> excludedByCondition,
      long overridden,
      long barred) {}

  /** A refused document answers with every problem, each in the caller's language. */
  @ExceptionHandler(RuleDocumentException.class)
  org.springframework.http.ProblemDetail refused(RuleDocumentException e, Locale locale) {
    var problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(e.messageKey(), e.arguments(), locale));
    problem.setProperty("code", e.messageKey());
    problem.setProperty(
        "problems",
        e.problems().stream()
            .map(
                p ->
                    java.util.Map.of(
                        "clause", p.clause(),
                        "path", p.path(),
                        "code", p.messageKey(),
                        "message",
                            messages.getMessage(p.messageKey(), p.messageArguments(), locale)))
            .toList());
    return problem;
  }
}
