package org.zugong.member.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.member.MemberFilter;
import org.zugong.member.MemberNotFoundException;
import org.zugong.member.MemberView;
import org.zugong.member.Members;
import org.zugong.member.RecruitmentNotFoundException;
import org.zugong.member.RecruitmentView;
import org.zugong.member.Recruitments;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.TodoStatus;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonFacts;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Recruitment pages: the to-do list of an organization (steps due, due soon and overdue, each
 * opening its recruitment) beside the organization tree, the list of recruitments by stage, one
 * recruitment with its steps, and the dialogs that receive an application and record the next step,
 * where a refused step shows the rule that refused it and why.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class RecruitmentController {

  static final int PAGE_SIZE = 20;

  /** How many members of the branch the dialogs offer to pick from. */
  static final int PEOPLE_OFFERED = 500;

  private final Recruitments recruitments;
  private final Members members;
  private final Organizations organizations;
  private final MessageSource messages;
  private final Clock clock;

  RecruitmentController(
      Recruitments recruitments,
      Members members,
      Organizations organizations,
      MessageSource messages,
      Clock clock) {
    this.recruitments = recruitments;
    this.members = members;
    this.organizations = organizations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/recruitments")
  String list(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(defaultValue = "todos") String view,
      @RequestParam(required = false) @Nullable TodoStatus status,
      @RequestParam(required = false) @Nullable RecruitmentStage stage,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    OrganizationView selected =
        org == null
            ? null
            : organizations.find(org).orElseThrow(() -> new OrganizationNotFoundException(org));
    LocalDate today = LocalDate.now(clock);
    LocalDate asOf = on == null ? today : on;
    boolean all = view.equals("all");
    model.addAttribute("org", selected);
    model.addAttribute("ancestors", ancestors(selected));
    model.addAttribute(
        "children",
        selected == null ? organizations.roots() : organizations.children(selected.id()));
    model.addAttribute("view", all ? "all" : "todos");
    model.addAttribute("status", status);
    model.addAttribute("stage", stage);
    model.addAttribute("q", q);
    model.addAttribute("on", asOf);
    model.addAttribute("today", today);
    model.addAttribute("statuses", TodoStatus.values());
    model.addAttribute("stages", RecruitmentStage.values());
    model.addAttribute(
        "canApply", selected != null && selected.kind().holdsMembers() && selected.active());
    Long under = selected == null ? null : selected.id();
    Map<String, Long> counts = new HashMap<>();
    recruitments.todoCounts(under, asOf).forEach((k, v) -> counts.put(k.name(), v));
    model.addAttribute("counts", counts);
    if (all) {
      model.addAttribute(
          "result", recruitments.page(under, stage, q, Math.max(0, page), PAGE_SIZE));
    } else {
      model.addAttribute(
          "todos", recruitments.todos(under, status, asOf, Math.max(0, page), PAGE_SIZE));
    }
    return "member/recruitment/list";
  }

  @GetMapping("/recruitments/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("r", recruitment(id));
    model.addAttribute("today", LocalDate.now(clock));
    return "member/recruitment/page";
  }

  /** The recruitment section of a member card: the path that led to membership, if recorded. */
  @GetMapping("/members/{id}/recruitment")
  String ofMember(@PathVariable long id, Model model) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    model.addAttribute("m", m);
    model.addAttribute("r", recruitments.ofPerson(m.personId()).orElse(null));
    return "member/recruitment/card :: content";
  }

  // ---- recording a step ----------------------------------------------------------------------

  /** The fields of the step dialog; those the kind does not take are ignored. */
  record StepForm(
      @Nullable RecruitmentStepKind kind,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
      @Nullable String decidedBy,
      @Nullable List<Long> people,
      @Nullable Long introducer1,
      @Nullable Long introducer2,
      @Nullable Integer trainingDays,
      @Nullable Integer classHours,
      @Nullable String specialReason,
      @Nullable Integer extensionMonths,
      @Nullable String stopReason,
      @Nullable String note) {

    List<Long> chosen() {
      if (kind == RecruitmentStepKind.INTRODUCERS) {
        List<Long> two = new ArrayList<>();
        if (introducer1 != null) {
          two.add(introducer1);
        }
        if (introducer2 != null) {
          two.add(introducer2);
        }
        return two;
      }
      return people == null ? List.of() : people.stream().filter(p -> p != null).toList();
    }
  }

  @GetMapping("/recruitments/{id}/steps/new")
  String stepDialog(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable RecruitmentStepKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      @RequestParam(required = false) @Nullable String note,
      Model model) {
    RecruitmentView r = recruitment(id);
    RecruitmentStepKind chosen =
        kind != null ? kind : r.todos().isEmpty() ? first(r) : r.todos().getFirst().step();
    StepForm form =
        new StepForm(
            chosen,
            date == null ? LocalDate.now(clock) : date,
            chosen == null ? "" : recruitments.decidingBody(r.organizationId(), chosen),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            note);
    return stepModel(r, form, model);
  }

  @PostMapping("/recruitments/{id}/steps")
  String record(
      @PathVariable long id,
      StepForm form,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    RecruitmentView r = recruitment(id);
    try {
      if (form.kind() == null || form.date() == null) {
        throw new InvalidValueException("recruitment.invalid.required");
      }
      recruitments.record(
          id,
          new Recruitments.StepRecord(
              form.kind(),
              form.date(),
              form.decidedBy() == null ? "" : form.decidedBy(),
              form.chosen(),
              form.trainingDays(),
              form.classHours(),
              form.specialReason(),
              form.extensionMonths(),
              form.stopReason(),
              form.note()));
    } catch (InvalidValueException e) {
      refusal(e, locale, model);
      return stepModel(r, form, model);
    }
    response.setHeader("HX-Redirect", "/recruitments/" + id);
    return "member/recruitment/dialogs :: done";
  }

  private String stepModel(RecruitmentView r, StepForm form, Model model) {
    model.addAttribute("r", r);
    model.addAttribute("form", form);
    model.addAttribute("kinds", r.nextSteps());
    model.addAttribute("candidates", branchMembers(r.organizationId()));
    return "member/recruitment/dialogs :: step";
  }

  // ---- receiving an application --------------------------------------------------------------

  /** The fields of the application dialog. */
  record ApplicationForm(
      @Nullable Long organizationId,
      @Nullable String name,
      @Nullable String idNumber,
      @Nullable Ethnicity ethnicity,
      @Nullable Education education,
      @Nullable OccupationCategory category,
      @Nullable String occupation,
      @Nullable String phone,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate appliedOn,
      @Nullable String receivedBy,
      @Nullable String note) {}

  @GetMapping("/recruitments/new")
  String applicationDialog(
      @RequestParam(required = false) @Nullable Long org, Model model, Locale locale) {
    OrganizationView branch = org == null ? null : organizations.find(org).orElse(null);
    ApplicationForm form =
        new ApplicationForm(
            branch == null ? null : branch.id(),
            "",
            "",
            Ethnicity.HAN,
            Education.BACHELOR,
            OccupationCategory.ENTERPRISE_STAFF,
            "",
            "",
            LocalDate.now(clock),
            branch == null ? "" : branch.name(),
            "");
    if (branch == null || !branch.kind().holdsMembers()) {
      model.addAttribute(
          "error", messages.getMessage("recruitment.invalid.choose-branch", null, locale));
    }
    return applicationModel(branch, form, model);
  }

  @PostMapping("/recruitments")
  String apply(ApplicationForm form, Model model, Locale locale, HttpServletResponse response) {
    OrganizationView branch =
        form.organizationId() == null
            ? null
            : organizations.find(form.organizationId()).orElse(null);
    try {
      if (branch == null) {
        throw new InvalidValueException("recruitment.invalid.choose-branch");
      }
      if (form.idNumber() == null
          || form.appliedOn() == null
          || form.ethnicity() == null
          || form.education() == null
          || form.category() == null) {
        throw new InvalidValueException("recruitment.invalid.required");
      }
      IdCardNumber idNumber = new IdCardNumber(form.idNumber().trim().toUpperCase(Locale.ROOT));
      PersonFacts person =
          new PersonFacts(
              form.name() == null ? "" : form.name(),
              idNumber,
              PersonFacts.genderOf(idNumber),
              form.ethnicity(),
              idNumber.birthDate(),
              form.phone(),
              form.education(),
              form.occupation() == null || form.occupation().isBlank()
                  ? null
                  : form.occupation().trim(),
              form.category(),
              null);
      long id =
          recruitments.start(
              new Recruitments.Application(
                  person,
                  branch.id(),
                  form.appliedOn(),
                  form.receivedBy() == null ? "" : form.receivedBy(),
                  List.of(),
                  form.note()));
      response.setHeader("HX-Redirect", "/recruitments/" + id);
      return "member/recruitment/dialogs :: done";
    } catch (InvalidValueException e) {
      refusal(e, locale, model);
      return applicationModel(branch, form, model);
    }
  }

  private String applicationModel(
      @Nullable OrganizationView branch, ApplicationForm form, Model model) {
    model.addAttribute("branch", branch);
    model.addAttribute("form", form);
    model.addAttribute("ethnicities", Ethnicity.values());
    model.addAttribute("educations", Education.values());
    model.addAttribute("categories", OccupationCategory.values());
    return "member/recruitment/dialogs :: apply";
  }

  // ---- helpers -------------------------------------------------------------------------------

  private RecruitmentView recruitment(long id) {
    return recruitments.find(id).orElseThrow(() -> new RecruitmentNotFoundException(id));
  }

  /** The message of a refusal and, for a rule of the detailed rules, the rule's name. */
  private void refusal(InvalidValueException e, Locale locale, Model model) {
    model.addAttribute(
        "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    String prefix = "recruitment.rule.";
    if (e.messageKey().startsWith(prefix)) {
      String rule = e.messageKey().substring(prefix.length());
      model.addAttribute("rule", rule);
      model.addAttribute(
          "ruleName", messages.getMessage("recruitment.rule-name." + rule, null, rule, locale));
    }
  }

  /** The step the dialog proposes when none is due: the first open kind not yet recorded. */
  private static @Nullable RecruitmentStepKind first(RecruitmentView r) {
    return r.nextSteps().stream()
        .filter(k -> k != RecruitmentStepKind.STOP)
        .filter(k -> r.steps().stream().noneMatch(s -> s.kind() == k))
        .findFirst()
        .orElse(r.nextSteps().isEmpty() ? null : r.nextSteps().getFirst());
  }

  private List<MemberView> branchMembers(long organizationId) {
    return members
        .page(new MemberFilter("", organizationId, null, null, false), 0, PEOPLE_OFFERED)
        .rows();
  }

  /** The organizations above the selected one that the caller may see, the highest first. */
  private List<OrganizationView> ancestors(@Nullable OrganizationView selected) {
    List<OrganizationView> up = new ArrayList<>();
    Long parent = selected == null ? null : selected.parentId();
    while (parent != null && up.size() < 10) {
      OrganizationView o = organizations.find(parent).orElse(null);
      if (o == null) {
        break;
      }
      up.add(o);
      parent = o.parentId();
    }
    Collections.reverse(up);
    return up;
  }
}
