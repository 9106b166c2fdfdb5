package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.InvalidFieldsException;
import org.zugong.talent.ProgramApplicationNotFoundException;
import org.zugong.talent.ProgramStage;
import org.zugong.talent.TalentPrograms;

/**
 * Yongjiang Talent Program pages: the applications by step, an application with its steps, scores
 * and objections and the dialog of its next step; the think tank and the leaders' liaison.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER')")
class ProgramController {

  static final int PAGE_SIZE = 20;

  private final TalentPrograms programs;
  private final MessageSource messages;
  private final Clock clock;

  ProgramController(TalentPrograms programs, MessageSource messages, Clock clock) {
    this.programs = programs;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/talent-programs")
  String list(
      @RequestParam(required = false) @Nullable ProgramStage stage,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) @Nullable Long opened,
      org.springframework.security.core.Authentication auth,
      Model model) {
    model.addAttribute("calls", programs.calls());
    model.addAttribute("opened", opened);
    model.addAttribute("canOpenCall", holds(auth, "ROLE_CITY_ADMIN"));
    model.addAttribute("stages", ProgramStage.values());
    model.addAttribute("stage", stage);
    model.addAttribute("result", programs.applications(stage, Math.max(0, page), PAGE_SIZE));
    return "talent/programs";
  }

  @GetMapping("/talent-programs/{id}")
  String detail(
      @PathVariable long id, org.springframework.security.core.Authentication auth, Model model) {
    model.addAttribute("d", programs.detail(id));
    model.addAttribute(
        "canAct",
        auth.getAuthorities().stream().anyMatch(a -> "ROLE_CITY_ADMIN".equals(a.getAuthority())));
    return "talent/program";
  }

  @GetMapping("/talent-programs/{id}/step")
  @PreAuthorize("hasRole('CITY_ADMIN')")
  String stepDialog(@PathVariable long id, Model model) {
    return dialog(id, model, null);
  }

  /**
   * Takes the next step of an application: {@code action} is one of check, pass-check, reject,
   * assign, score, complete-review, pass-final, objection, handle, certify.
   */
  @PostMapping("/talent-programs/{id}/step")
  @PreAuthorize("hasRole('CITY_ADMIN')")
  String step(
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(required = false) @Nullable Long expertId,
      @RequestParam(required = false) @Nullable Integer score,
      @RequestParam(required = false) @Nullable Long objectionId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    programs.detail(id); // 404 outside the scope
    try {
      switch (action) {
        case "check" -> programs.startFormalCheck(id);
        case "pass-check" -> programs.passFormalCheck(id, note);
        case "reject" -> programs.reject(id, note);
        case "assign" -> programs.assignExpert(id, required(expertId));
        case "score" -> programs.score(id, required(expertId), required(score), note);
        case "complete-review" -> programs.completeExpertReview(id);
        case "pass-final" -> programs.passFinalReview(id, required(on));
        case "objection" -> programs.recordObjection(id, required(on), note);
        case "handle" -> programs.handleObjection(id, required(objectionId), note);
        case "certify" -> programs.certify(id);
        default -> throw new InvalidValueException("talent.program.invalid.action", action);
      }
      response.setHeader("HX-Redirect", "/talent-programs/" + id);
      return "talent/program-dialogs :: done";
    } catch (InvalidValueException e) {
      return dialog(
          id, model, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
  }

  private String dialog(long id, Model model, @Nullable String error) {
    model.addAttribute("d", programs.detail(id));
    model.addAttribute("experts", programs.experts());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("error", error);
    return "talent/program-dialogs :: step";
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("talent.program.invalid.required");
    }
    return value;
  }

  @GetMapping("/talent-programs/think-tank")
  String thinkTank(Model model) {
    model.addAttribute("members", programs.thinkTank(LocalDate.now(clock)));
    return "talent/think-tank";
  }

  /** The fields of the dialog opening a call, as typed (parsed here, checked by the module). */
  record CallForm(
      @Nullable String year,
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable String opensOn,
      @Nullable String closesOn) {}

  @GetMapping("/talent-programs/calls/new")
  @PreAuthorize("hasRole('CITY_ADMIN')")
  String newCall(Model model) {
    LocalDate today = LocalDate.now(clock);
    return callDialog(
        new CallForm(
            Integer.toString(today.getYear()),
            "",
            "",
            today.toString(),
            today.plusMonths(1).toString()),
        Map.of(),
        model);
  }

  /**
   * Opens a call from the dialog: every refused field is shown beside it, in the user's language.
   */
  @PostMapping("/talent-programs/calls")
  @PreAuthorize("hasRole('CITY_ADMIN')")
  String openCall(CallForm form, Model model, Locale locale, HttpServletResponse response) {
    try {
      long id =
          programs.openCall(
              new TalentPrograms.NewCall(
                  integer(form.year()),
                  form.nameZh(),
                  form.nameEn(),
                  date(form.opensOn()),
                  date(form.closesOn())));
      response.setHeader("HX-Redirect", "/talent-programs?opened=" + id);
      return "talent/program-dialogs :: done";
    } catch (InvalidFieldsException e) {
      return callDialog(form, fieldErrors(e, locale), model);
    }
  }

  private String callDialog(CallForm form, Map<String, String> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "talent/program-dialogs :: call";
  }

  @GetMapping("/talent-programs/liaisons")
  String liaisons(
      @RequestParam(required = false) @Nullable Long visited,
      @RequestParam(required = false) @Nullable Long assigned,
      org.springframework.security.core.Authentication auth,
      Model model) {
    model.addAttribute("liaisons", programs.liaisons(200));
    model.addAttribute("visited", visited);
    model.addAttribute("assigned", assigned);
    model.addAttribute(
        "canRecordVisit", holds(auth, "ROLE_CITY_ADMIN") || holds(auth, "ROLE_DISTRICT_ADMIN"));
    return "talent/liaisons";
  }

  static final int KEY_TALENT_CHOICES = 20;

  /** The fields of the dialog assigning a leader, as typed. */
  record LiaisonForm(
      @Nullable String talentId, @Nullable String leaderName, @Nullable String leaderPost) {}

  @GetMapping("/talent-programs/liaisons/new")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String newLiaison(Model model) {
    return liaisonDialog(new LiaisonForm("", "", ""), Map.of(), model);
  }

  /**
   * The key talents without a leader whose name contains {@code q}, as the options of the dialog's
   * select (searched as the user types).
   */
  @GetMapping("/talent-programs/liaisons/key-talents")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String keyTalents(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("keyTalents", programs.keyTalentsWithoutLeader(q, KEY_TALENT_CHOICES));
    model.addAttribute("form", new LiaisonForm("", "", ""));
    return "talent/program-dialogs :: key-talent-options";
  }

  /** Assigns a leader to a key talent from the dialog; refused fields are shown beside each. */
  @PostMapping("/talent-programs/liaisons")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String assignLiaison(LiaisonForm form, Model model, Locale locale, HttpServletResponse response) {
    try {
      long id =
          programs.assignLiaison(
              new TalentPrograms.NewLiaison(
                  longValue(form.talentId()), form.leaderName(), form.leaderPost()));
      response.setHeader(
          "HX-Redirect", "/talent-programs/liaisons?assigned=" + id + "#liaison-" + id);
      return "talent/program-dialogs :: done";
    } catch (InvalidFieldsException e) {
      return liaisonDialog(form, fieldErrors(e, locale), model);
    }
  }

  private String liaisonDialog(LiaisonForm form, Map<String, String> errors, Model model) {
    List<TalentPrograms.KeyTalent> choices =
        new ArrayList<>(programs.keyTalentsWithoutLeader("", KEY_TALENT_CHOICES));
    // The talent chosen stays chosen when the dialog comes back refused, even past the first 20.
    Long chosen = longValue(form.talentId());
    if (chosen != null && choices.stream().noneMatch(k -> k.id() == chosen)) {
      programs.keyTalent(chosen).ifPresent(k -> choices.addFirst(k));
    }
    model.addAttribute("keyTalents", choices);
    model.addAttribute("keyTalentLimit", KEY_TALENT_CHOICES);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "talent/program-dialogs :: liaison";
  }

  /** A whole number as typed, or null where blank or not a number. */
  private static @Nullable Long longValue(@Nullable String text) {
    try {
      return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The fields of the dialog recording a visit, as typed. */
  record VisitForm(@Nullable String visitedOn, @Nullable String note, @Nullable String outcome) {}

  @GetMapping("/talent-programs/liaisons/{liaisonId}/visits/new")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String newVisit(@PathVariable long liaisonId, Model model) {
    return visitDialog(
        liaison(liaisonId),
        new VisitForm(LocalDate.now(clock).toString(), "", ""),
        Map.of(),
        model);
  }

  /** Records a leader's visit from the dialog; refused fields are shown beside each. */
  @PostMapping("/talent-programs/liaisons/{liaisonId}/visits")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String recordVisit(
      @PathVariable long liaisonId,
      VisitForm form,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    TalentPrograms.Liaison liaison = liaison(liaisonId);
    try {
      programs.recordVisit(
          liaisonId,
          new TalentPrograms.NewVisit(date(form.visitedOn()), form.note(), form.outcome()));
      response.setHeader(
          "HX-Redirect",
          "/talent-programs/liaisons?visited=" + liaisonId + "#liaison-" + liaisonId);
      return "talent/program-dialogs :: done";
    } catch (InvalidFieldsException e) {
      return visitDialog(liaison, form, fieldErrors(e, locale), model);
    }
  }

  private TalentPrograms.Liaison liaison(long id) {
    return programs
        .liaison(id)
        .orElseThrow(() -> new ProgramApplicationNotFoundException("liaison", id));
  }

  private String visitDialog(
      TalentPrograms.Liaison liaison, VisitForm form, Map<String, String> errors, Model model) {
    model.addAttribute("l", liaison);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "talent/program-dialogs :: visit";
  }

  /** The first reason for each refused field, in the user's language. */
  private Map<String, String> fieldErrors(InvalidFieldsException e, Locale locale) {
    Map<String, String> out = new LinkedHashMap<>();
    for (InvalidFieldsException.FieldProblem p : e.problems()) {
      out.putIfAbsent(
          p.field(), messages.getMessage(p.messageKey(), p.arguments().toArray(), locale));
    }
    return out;
  }

  /** A number as typed, or null where blank or not a number (the module then says why). */
  private static @Nullable Integer integer(@Nullable String text) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A date as a date field sends it (ISO), or null where blank or not a date. */
  private static @Nullable LocalDate date(@Nullable String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static boolean holds(org.springframework.security.core.Authentication auth, String role) {
    return auth.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
  }
}
