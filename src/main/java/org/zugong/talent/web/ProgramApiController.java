package org.zugong.talent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.InvalidFieldsException;
import org.zugong.talent.ProgramStage;
import org.zugong.talent.TalentPrograms;
import org.zugong.talent.Tier;

/** The Yongjiang Talent Program as JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/talent-programs")
@Tag(name = "talent-programs", description = "Yongjiang Talent Program (甬江人才工程) applications")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER')")
class ProgramApiController {

  private final TalentPrograms programs;
  private final MessageSource messages;
  private final Clock clock;

  ProgramApiController(TalentPrograms programs, MessageSource messages, Clock clock) {
    this.programs = programs;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Applications, the latest first, optionally at one step")
  TalentPrograms.Page list(
      @RequestParam(required = false) @Nullable ProgramStage stage,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return programs.applications(stage, Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/calls")
  @Operation(summary = "The program's calls")
  List<TalentPrograms.Call> calls() {
    return programs.calls();
  }

  record NewCall(
      @Nullable Integer year,
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable LocalDate opensOn,
      @Nullable LocalDate closesOn) {}

  @PostMapping("/calls")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('CITY_ADMIN')")
  @Operation(summary = "Open a call of the program (申报批次)")
  TalentPrograms.Call openCall(@RequestBody NewCall c) {
    long id =
        programs.openCall(
            new TalentPrograms.NewCall(
                c.year(), c.nameZh(), c.nameEn(), c.opensOn(), c.closesOn()));
    return programs.calls().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
  }

  @GetMapping("/think-tank")
  @Operation(summary = "Members of the think tank (人才战略咨询委员会) today")
  List<TalentPrograms.ThinkTankMember> thinkTank() {
    return programs.thinkTank(LocalDate.now(clock));
  }

  @GetMapping("/liaisons")
  @Operation(summary = "Leaders assigned to key talents (专家联系服务), with their visits")
  List<TalentPrograms.Liaison> liaisons(@RequestParam(defaultValue = "100") int size) {
    return programs.liaisons(Math.clamp(size, 1, 500));
  }

  record NewLiaison(long talentId, String leaderName, String leaderPost) {}

  @PostMapping("/liaisons")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(summary = "Assign a leader to a key talent (tiers A to C)")
  long assignLiaison(@RequestBody NewLiaison l) {
    return programs.assignLiaison(l.talentId(), l.leaderName(), l.leaderPost());
  }

  record NewVisit(@Nullable LocalDate visitedOn, @Nullable String note, @Nullable String outcome) {}

  @PostMapping("/liaisons/{liaisonId}/visits")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(summary = "Record a leader's visit to the talent")
  void recordVisit(@PathVariable long liaisonId, @RequestBody NewVisit v) {
    programs.recordVisit(
        liaisonId, new TalentPrograms.NewVisit(v.visitedOn(), v.note(), v.outcome()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "An application with its steps, expert scores and objections")
  TalentPrograms.Detail detail(@PathVariable long id) {
    return programs.detail(id);
  }

  record Application(long callId, long talentId, Tier tierSought, @Nullable String directTrack) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('CITY_ADMIN')")
  @Operation(summary = "Record an application of a talent to a call")
  TalentPrograms.Detail apply(@RequestBody Application a) {
    return programs.detail(
        programs.apply(a.callId(), a.talentId(), a.tierSought(), a.directTrack()));
  }

  /**
   * A step: {@code action} is check, pass-check, reject, assign, score, complete-review,
   * pass-final, objection, handle or certify, with the fields that action needs.
   */
  record Step(
      String action,
      @Nullable String note,
      @Nullable Long expertId,
      @Nullable Integer score,
      @Nullable Long objectionId,
      @Nullable LocalDate on) {}

  @PostMapping("/{id}/steps")
  @PreAuthorize("hasRole('CITY_ADMIN')")
  @Operation(summary = "Take a step of an application")
  TalentPrograms.Detail step(@PathVariable long id, @RequestBody Step s) {
    programs.detail(id);
    String note = s.note() == null ? "" : s.note();
    switch (s.action()) {
      case "check" -> programs.startFormalCheck(id);
      case "pass-check" -> programs.passFormalCheck(id, note);
      case "reject" -> programs.reject(id, note);
      case "assign" -> programs.assignExpert(id, required(s.expertId()));
      case "score" -> programs.score(id, required(s.expertId()), required(s.score()), note);
      case "complete-review" -> programs.completeExpertReview(id);
      case "pass-final" -> programs.passFinalReview(id, required(s.on()));
      case "objection" -> programs.recordObjection(id, required(s.on()), note);
      case "handle" -> programs.handleObjection(id, required(s.objectionId()), note);
      case "certify" -> programs.certify(id);
      default -> throw new InvalidValueException("talent.program.invalid.action", s.action());
    }
    return programs.detail(id);
  }

  /** A request refused field by field answers with each field's reason in the caller's language. */
  @ExceptionHandler(InvalidFieldsException.class)
  ProblemDetail invalidFields(InvalidFieldsException e, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(e.messageKey(), e.arguments(), locale));
    problem.setProperty("code", e.messageKey());
    Map<String, String> fields = new LinkedHashMap<>();
    for (InvalidFieldsException.FieldProblem p : e.problems()) {
      fields.putIfAbsent(
          p.field(), messages.getMessage(p.messageKey(), p.arguments().toArray(), locale));
    }
    problem.setProperty("fields", fields);
    return problem;
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("talent.program.invalid.required");
    }
    return value;
  }
}
