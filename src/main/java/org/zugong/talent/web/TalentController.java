package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.region.Regions;
import org.zugong.talent.Benefits;
import org.zugong.talent.Policies;
import org.zugong.talent.TalentNotFoundException;
import org.zugong.talent.TalentView;
import org.zugong.talent.Talents;
import org.zugong.talent.Tier;

/**
 * Talent pages: the region tree beside a searchable talent list, the talent card with its
 * certifications and every benefit decided with its reason, and the policy list with how many
 * people each condition excluded.
 */
@Controller
@PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER', 'TALENT')")
class TalentController {

  static final int PAGE_SIZE = 20;

  private final Talents talents;
  private final Benefits benefits;
  private final Policies policies;
  private final Regions regions;
  private final Clock clock;

  TalentController(
      Talents talents, Benefits benefits, Policies policies, Regions regions, Clock clock) {
    this.talents = talents;
    this.benefits = benefits;
    this.policies = policies;
    this.regions = regions;
    this.clock = clock;
  }

  @GetMapping("/talents")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String region,
      @RequestParam(required = false) @Nullable Tier tier,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("roots", regions.roots());
    model.addAttribute("treeTarget", "talents");
    model.addAttribute("treeLink", "/talents?region=");
    model.addAttribute("selectedCode", region);
    model.addAttribute("region", region == null ? null : regions.find(region).orElse(null));
    model.addAttribute("q", q);
    model.addAttribute("tier", tier);
    model.addAttribute("tiers", Tier.values());
    model.addAttribute(
        "result",
        talents.page(new Talents.Query(q, region, tier, null), Math.max(0, page), PAGE_SIZE));
    return request.getHeader("HX-Request") != null ? "talent/list :: table" : "talent/list";
  }

  @GetMapping("/talents/{id}")
  String card(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      org.springframework.security.core.Authentication auth,
      Model model) {
    TalentView t = talents.find(id).orElseThrow(() -> new TalentNotFoundException(id));
    LocalDate on = date == null ? LocalDate.now(clock) : date;
    model.addAttribute("t", t);
    model.addAttribute("date", on);
    model.addAttribute("certifications", talents.certifications(id));
    model.addAttribute("decisions", benefits.explain(id, on));
    model.addAttribute(
        "institution",
        t.institutionCode() == null
            ? null
            : talents.institutions().stream()
                .filter(i -> i.code().equals(t.institutionCode()))
                .findFirst()
                .orElse(null));
    model.addAttribute(
        "canReveal",
        auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    java.util.Set.of(
                            "ROLE_CITY_ADMIN", "ROLE_DISTRICT_ADMIN", "ROLE_INSTITUTION_OFFICER")
                        .contains(a.getAuthority())));
    model.addAttribute("regionName", regions.find(t.regionCode()).map(r -> r.name()).orElse(""));
    return "talent/card";
  }

  @PostMapping("/talents/{id}/bank-account")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'INSTITUTION_OFFICER')")
  String revealBankAccount(@PathVariable long id, Model model) {
    talents.find(id).orElseThrow(() -> new TalentNotFoundException(id));
    model.addAttribute("value", talents.revealBankAccount(id).orElse(""));
    return "talent/card :: revealed";
  }

  @GetMapping("/policies")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER')")
  String policies(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      Model model) {
    LocalDate on = date == null ? LocalDate.now(clock) : date;
    model.addAttribute("date", on);
    model.addAttribute("policies", policies.list());
    model.addAttribute("counts", benefits.evaluate(on).clauses());
    return "talent/policies";
  }
}
