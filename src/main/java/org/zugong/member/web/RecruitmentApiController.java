package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.RecruitmentNotFoundException;
import org.zugong.member.RecruitmentView;
import org.zugong.member.Recruitments;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.TodoStatus;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Recruitments (发展党员) as JSON, within the caller's scope: the to-do list, the recruitments by
 * stage, one recruitment with its steps; starting one with an application and recording a step. A
 * step the rules refuse answers 400 with the rule's message key as {@code code}.
 */
@RestController
@RequestMapping("/api/v1/recruitments")
@Tag(name = "recruitments", description = "Recruitment of party members (发展党员) and its to-do list")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class RecruitmentApiController {

  private final Recruitments recruitments;
  private final Clock clock;

  RecruitmentApiController(Recruitments recruitments, Clock clock) {
    this.recruitments = recruitments;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Recruitments below an organization, of one stage, by part of the name")
  Recruitments.Page search(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable RecruitmentStage stage,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return recruitments.page(org, stage, q, Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/todos")
  @Operation(
      summary =
          "The steps due below an organization, earliest first: due, due soon (within 30 days) or"
              + " overdue as of a day (today by default)")
  Recruitments.TodoPage todos(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable TodoStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return recruitments.todos(
        org,
        status,
        on == null ? LocalDate.now(clock) : on,
        Math.max(0, page),
        Math.clamp(size, 1, 200));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One recruitment: stage, steps recorded, steps due, kinds of step open next")
  RecruitmentView get(@PathVariable long id) {
    return recruitments.find(id).orElseThrow(() -> new RecruitmentNotFoundException(id));
  }

  /** An application: the applicant's facts (gender and birth date come from the ID number). */
  record ApplicationRequest(
      @Nullable Long organizationId,
      @Nullable String name,
      @Nullable String idNumber,
      @Nullable Ethnicity ethnicity,
      @Nullable Education education,
      @Nullable OccupationCategory category,
      @Nullable NewEmploymentGroup newEmploymentGroup,
      @Nullable String occupation,
      @Nullable String phone,
      @Nullable LocalDate appliedOn,
      @Nullable String receivedBy,
      @Nullable List<Long> people,
      @Nullable String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start a recruitment with an application; registers the person if new")
  Map<String, Long> start(@RequestBody ApplicationRequest a) {
    if (a.organizationId() == null
        || a.name() == null
        || a.idNumber() == null
        || a.education() == null
        || a.category() == null
        || a.appliedOn() == null
        || a.receivedBy() == null) {
      throw new InvalidValueException("recruitment.invalid.required");
    }
    IdCardNumber idNumber =
        new IdCardNumber(a.idNumber().trim().toUpperCase(java.util.Locale.ROOT));
    PersonFacts person =
        new PersonFacts(
            a.name(),
            idNumber,
            PersonFacts.genderOf(idNumber),
            a.ethnicity() == null ? Ethnicity.HAN : a.ethnicity(),
            idNumber.birthDate(),
            a.phone(),
            a.education(),
            a.occupation(),
            a.category(),
            a.newEmploymentGroup());
    long id =
        recruitments.start(
            new Recruitments.Application(
                person,
                a.organizationId(),
                a.appliedOn(),
                a.receivedBy(),
                a.people() == null ? List.of() : a.people(),
                a.note()));
    return Map.of("id", id);
  }

  /** A step: people are member ids (for introducers, the two introducers). */
  record StepRequest(
      @Nullable RecruitmentStepKind kind,
      @Nullable LocalDate date,
      @Nullable String decidedBy,
      @Nullable List<Long> people,
      @Nullable Integer trainingDays,
      @Nullable Integer classHours,
      @Nullable String specialReason,
      @Nullable Integer extensionMonths,
      @Nullable String stopReason,
      @Nullable String note) {}

  @PostMapping("/{id}/steps")
  @Operation(
      summary =
          "Record a step if the rules allow it; a refusal is a 400 problem naming the rule's message"
              + " key")
  RecruitmentView record(@PathVariable long id, @RequestBody StepRequest s) {
    if (s.kind() == null || s.date() == null) {
      throw new InvalidValueException("recruitment.invalid.required");
    }
    recruitments.record(
        id,
        new Recruitments.StepRecord(
            s.kind(),
            s.date(),
            s.decidedBy() == null ? "" : s.decidedBy(),
            s.people() == null ? List.of() : s.people(),
            s.trainingDays(),
            s.classHours(),
            s.specialReason(),
            s.extensionMonths(),
            s.stopReason(),
            s.note()));
    return get(id);
  }
}
