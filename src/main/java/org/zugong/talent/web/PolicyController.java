package org.zugong.talent.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.Policies;
import org.zugong.talent.rules.PolicyDocuments;
import org.zugong.talent.rules.RuleDocumentException;

/**
 * The policy editor: a version's document as JSON, saved as a draft with every problem shown in the
 * user's language (clause, place, reason), and published once nothing is refused.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
class PolicyController {

  private final Policies policies;
  private final MessageSource messages;

  PolicyController(Policies policies, MessageSource messages) {
    this.policies = policies;
    this.messages = messages;
  }

  @GetMapping("/policies/{code}/versions/{version}")
  String edit(@PathVariable String code, @PathVariable int version, Model model) {
    String json =
        policies
            .export(code, version)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("code", code);
    model.addAttribute("version", version);
    model.addAttribute("document", json);
    model.addAttribute("problems", List.of());
    model.addAttribute("status", status(code, version));
    return "talent/policy-edit";
  }

  @PostMapping("/policies/drafts")
  String save(@RequestParam String document, Model model, Locale locale) {
    try {
      policies.saveDraft(document);
      var doc = PolicyDocuments.read(document);
      return "redirect:/policies/" + doc.code() + "/versions/" + doc.version() + "?saved";
    } catch (RuleDocumentException e) {
      model.addAttribute(
          "problems",
          e.problems().stream()
              .map(p -> messages.getMessage(p.messageKey(), p.messageArguments(), locale))
              .toList());
    } catch (InvalidValueException e) {
      model.addAttribute(
          "problems", List.of(messages.getMessage(e.messageKey(), e.arguments(), locale)));
    }
    model.addAttribute("code", "");
    model.addAttribute("version", 0);
    model.addAttribute("document", document);
    model.addAttribute("status", "");
    return "talent/policy-edit";
  }

  @PostMapping("/policies/{code}/versions/{version}/publish")
  String publish(@PathVariable String code, @PathVariable int version, Model model, Locale locale) {
    try {
      policies.publish(code, version);
      return "redirect:/policies/" + code + "/versions/" + version + "?published";
    } catch (InvalidValueException e) {
      String json =
          policies
              .export(code, version)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
      model.addAttribute("code", code);
      model.addAttribute("version", version);
      model.addAttribute("document", json);
      model.addAttribute(
          "problems", List.of(messages.getMessage(e.messageKey(), e.arguments(), locale)));
      model.addAttribute("status", status(code, version));
      return "talent/policy-edit";
    }
  }

  private String status(String code, int version) {
    return policies.list().stream()
        .filter(p -> p.code().equals(code))
        .flatMap(p -> p.versions().stream())
        .filter(v -> v.version() == version)
        .map(v -> v.status())
        .findFirst()
        .orElse("");
  }
}
