package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.region.Region;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.BenefitRunNotFoundException;
import org.zugong.talent.BenefitRuns;

/**
 * Pages of 免申即享 runs: the list with a form to start one, a run's progress (polled while it is
 * proposing), its risks, approval, publication (公示) and archiving, and its grants, exportable.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
class BenefitRunController {

  static final int PAGE_SIZE = 50;

  private final BenefitRuns runs;
  private final Regions regions;
  private final MessageSource messages;
  private final Clock clock;

  BenefitRunController(BenefitRuns runs, Regions regions, MessageSource messages, Clock clock) {
    this.runs = runs;
    this.regions = regions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/benefit-runs")
  String list(Model model) {
    List<Region> places = new ArrayList<>();
    for (Region root : regions.roots()) {
      places.add(root);
      places.addAll(regions.children(root.code()));
    }
    model.addAttribute("places", places);
    model.addAttribute("runs", runs.list());
    model.addAttribute("today", LocalDate.now(clock));
    return "talent/runs";
  }

  @PostMapping("/benefit-runs")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String start(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      @RequestParam(required = false) @Nullable String region,
      RedirectAttributes redirect,
      Locale locale) {
    try {
      LocalDate on = date == null ? LocalDate.now(clock) : date;
      long id =
          region == null || region.isBlank()
              ? runs.start(on)
              : runs.start(
                  on,
                  regions
                      .pathOf(region)
                      .orElseThrow(
                          () -> new InvalidValueException("benefit.invalid.region", region)));
      return "redirect:/benefit-runs/" + id;
    } catch (InvalidValueException e) {
      redirect.addFlashAttribute("error", message(e, locale));
      return "redirect:/benefit-runs";
    }
  }

  @GetMapping("/benefit-runs/{id}")
  String detail(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String risk,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    BenefitRuns.Run run = runs.find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
    model.addAttribute("run", run);
    model.addAttribute("risks", runs.risks(id));
    model.addAttribute("risk", risk);
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("grantCount", runs.grantCount(id));
    model.addAttribute("grants", runs.grants(id, risk, Math.max(0, page), PAGE_SIZE));
    return request.getHeader("HX-Request") != null ? "talent/run :: progress" : "talent/run";
  }

  @PostMapping("/benefit-runs/{id}/approve")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String approve(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return act(id, () -> runs.approve(id), redirect, locale);
  }

  @PostMapping("/benefit-runs/{id}/publish")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return act(id, () -> runs.publish(id), redirect, locale);
  }

  @PostMapping("/benefit-runs/{id}/archive")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String archive(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return act(id, () -> runs.archive(id), redirect, locale);
  }

  @PostMapping("/benefit-runs/{id}/resume")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String resume(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return act(id, () -> runs.resumeAsync(id), redirect, locale);
  }

  private String act(long id, Runnable action, RedirectAttributes redirect, Locale locale) {
    runs.find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
    try {
      action.run();
    } catch (InvalidValueException e) {
      redirect.addFlashAttribute("error", message(e, locale));
    }
    return "redirect:/benefit-runs/" + id;
  }

  /** The grants of a run the caller sees, as a CSV file (UTF-8 with a byte order mark). */
  @GetMapping("/benefit-runs/{id}/grants.csv")
  ResponseEntity<byte[]> export(@PathVariable long id, Locale locale) {
    runs.find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(
        String.join(
            ",",
            messages.getMessage("benefit.column.key", null, locale),
            messages.getMessage("talent.column.name", null, locale),
            messages.getMessage("benefit.column.clause", null, locale),
            messages.getMessage("talent.column.benefit", null, locale),
            messages.getMessage("benefit.column.period", null, locale),
            messages.getMessage("talent.column.amount", null, locale),
            messages.getMessage("benefit.column.status", null, locale),
            messages.getMessage("benefit.column.risks", null, locale)));
    csv.append("\r\n");
    for (int page = 0; ; page++) {
      var rows = runs.grants(id, null, page, 5000);
      for (BenefitRuns.Grant g : rows) {
        csv.append(g.key())
            .append(',')
            .append(g.talentName())
            .append(',')
            .append(g.policyCode())
            .append('/')
            .append(g.clauseId())
            .append(',')
            .append(messages.getMessage("talent.benefit." + g.benefit(), null, locale))
            .append(',')
            .append(g.periodStart())
            .append(',')
            .append(g.amount())
            .append(',')
            .append(messages.getMessage("benefit.grant.status." + g.status(), null, locale))
            .append(',')
            .append(String.join(" ", g.risks()))
            .append("\r\n");
      }
      if (rows.size() < 5000) {
        break;
      }
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"benefit-run-" + id + "-grants.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), locale);
  }
}
