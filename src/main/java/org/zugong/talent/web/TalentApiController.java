package org.zugong.talent.web;

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
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.Benefits;
import org.zugong.talent.Certification;
import org.zugong.talent.NewTalent;
import org.zugong.talent.TalentNotFoundException;
import org.zugong.talent.TalentView;
import org.zugong.talent.Talents;
import org.zugong.talent.Tier;
import org.zugong.talent.rules.BenefitDecision;

/** Talents, their certifications and their benefit decisions as JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/talents")
@Tag(name = "talents", description = "Talents (人才), certification and benefit decisions")
@PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER', 'TALENT')")
class TalentApiController {

  private final Talents talents;
  private final Benefits benefits;
  private final Clock clock;

  TalentApiController(Talents talents, Benefits benefits, Clock clock) {
    this.talents = talents;
    this.benefits = benefits;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary = "Find talents by the start of the name, below a region, by tier or institution")
  Talents.Page search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String region,
      @RequestParam(required = false) @Nullable Tier tier,
      @RequestParam(required = false) @Nullable String institution,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return talents.page(
        new Talents.Query(q, region, tier, institution),
        Math.max(0, page),
        Math.clamp(size, 1, 200));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One talent, the ID number and bank account masked")
  TalentView get(@PathVariable long id) {
    return talents.find(id).orElseThrow(() -> new TalentNotFoundException(id));
  }

  @GetMapping("/{id}/certifications")
  @Operation(summary = "A talent's certifications, latest first")
  List<Certification> certifications(@PathVariable long id) {
    get(id);
    return talents.certifications(id);
  }

  @GetMapping("/{id}/benefits")
  @Operation(
      summary =
          "Every clause in force on the date decided for the talent: granted with amount and"
              + " instalments, or why not (the first failing condition and the talent's value)")
  List<BenefitDecision> benefits(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date) {
    get(id);
    return benefits.explain(id, date == null ? LocalDate.now(clock) : date);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'INSTITUTION_OFFICER')")
  @Operation(
      summary =
          "Registers a person on record as a talent; an employer code failing the GB 32100 check"
              + " is refused unless acceptEmployerCodeWarning is set (the officer is recorded)")
  TalentView register(@RequestBody NewTalent request) {
    return talents.find(talents.register(request)).orElseThrow();
  }

  /** A certification to record. */
  record CertificationRequest(
      @Nullable Tier tier,
      @Nullable LocalDate certifiedOn,
      @Nullable String basis,
      @Nullable String certifier,
      @Nullable String directTrack) {}

  @PostMapping("/{id}/certifications")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'INSTITUTION_OFFICER')")
  @Operation(
      summary =
          "Certifies a talent into a tier; an institution's officer certifies its own talents"
              + " within the institution's yearly quota")
  TalentView certify(@PathVariable long id, @RequestBody CertificationRequest request) {
    if (request.tier() == null || request.certifiedOn() == null || request.basis() == null) {
      throw new InvalidValueException("talent.invalid.certification-incomplete");
    }
    talents.certify(
        id,
        request.tier(),
        request.certifiedOn(),
        request.basis(),
        request.certifier() == null ? "" : request.certifier(),
        request.directTrack());
    return get(id);
  }

  @PostMapping("/{id}/bank-account/reveal")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'INSTITUTION_OFFICER')")
  @Operation(summary = "The full bank account (audited)")
  Map<String, String> revealBankAccount(@PathVariable long id) {
    get(id);
    return Map.of("bankAccount", talents.revealBankAccount(id).orElse(""));
  }
}
