package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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
      Model model) {
    model.addAttribute("calls", programs.calls());
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

  @GetMapping("/talent-programs/liaisons")
  String liaisons(Model model) {
    model.addAttribute("liaisons", programs.liaisons(200));
    return "talent/liaisons";
  }
}
