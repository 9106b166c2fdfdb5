package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.ConditionSentences;
import org.zugong.talent.InstantService;
import org.zugong.talent.TalentNotFoundException;
import org.zugong.talent.Talents;

/**
 * 码上秒享: the phone-sized page a talent's QR code opens, its one-tap confirmation, the code itself,
 * and the page showing a talent's code.
 */
@Controller
@PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER', 'TALENT')")
class InstantServiceController {

  private final InstantService service;
  private final Talents talents;
  private final MessageSource messages;
  private final ConditionSentences sentences;

  InstantServiceController(
      InstantService service,
      Talents talents,
      MessageSource messages,
      ConditionSentences sentences) {
    this.service = service;
    this.talents = talents;
    this.messages = messages;
    this.sentences = sentences;
  }

  /** A benefit not available yet and why, as the page lists it. */
  record Missing(String benefit, String why) {}

  @GetMapping("/q/{token}")
  String open(@PathVariable String token, Model model, Locale locale) {
    InstantService.View v = service.open(token);
    model.addAttribute("v", v);
    // The reasons are put into words here, not by the template: the page is opened on every scan
    // of a code, and a sentence per clause costs less in Java than through template expressions.
    model.addAttribute(
        "missing",
        v.missing().stream()
            .map(
                d ->
                    new Missing(
                        messages.getMessage(d.benefit().messageKey(), null, locale),
                        sentences.failed(d.reason(), true, locale)))
            .toList());
    return "talent/instant";
  }

  @PostMapping("/q/{token}/confirm")
  @PreAuthorize("hasRole('TALENT')")
  String confirm(@PathVariable String token, RedirectAttributes redirect, Locale locale) {
    try {
      service.confirm(token);
      redirect.addFlashAttribute("confirmed", true);
    } catch (InvalidValueException e) {
      redirect.addFlashAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), locale));
    }
    return "redirect:/q/" + token;
  }

  @GetMapping("/q/{token}/code.png")
  ResponseEntity<byte[]> code(@PathVariable String token, HttpServletRequest request) {
    service.talentOf(token);
    talents.find(service.talentOf(token)).orElseThrow(() -> new TalentNotFoundException(-1));
    String url =
        ServletUriComponentsBuilder.fromContextPath(request)
            .path("/q/" + token)
            .build()
            .toUriString();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.IMAGE_PNG)
        .body(InstantService.qrPng(url, 280));
  }

  @GetMapping("/talents/{id}/code")
  String codeOf(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
    model.addAttribute("t", talents.find(id).orElseThrow(() -> new TalentNotFoundException(id)));
    model.addAttribute("token", service.tokenOf(id));
    return "talent/code";
  }
}
