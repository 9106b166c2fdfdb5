package org.zugong.talent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.talent.BenefitRunNotFoundException;
import org.zugong.talent.BenefitRuns;

/** 免申即享 runs as JSON: start, status, approve, resume, publish and the grants. */
@RestController
@RequestMapping("/api/v1/benefit-runs")
@Tag(name = "benefit-runs", description = "Benefits granted without application (免申即享)")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
class BenefitRunApiController {

  private final BenefitRuns runs;
  private final Clock clock;

  BenefitRunApiController(BenefitRuns runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "The runs the caller sees, newest first")
  List<BenefitRuns.Run> list() {
    return runs.list();
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(
      summary =
          "Starts a run over every talent the caller sees for the policies in force on the date"
              + " (today unless given); it works in the background")
  ResponseEntity<BenefitRuns.Run> start(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date) {
    long id = runs.start(date == null ? LocalDate.now(clock) : date);
    return ResponseEntity.status(HttpStatus.CREATED).body(find(id));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A run's status and progress")
  BenefitRuns.Run status(@PathVariable long id) {
    return find(id);
  }

  @PostMapping("/{id}/resume")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(summary = "Works a run again: chunks done are not redone, grants never twice")
  BenefitRuns.Run resume(@PathVariable long id) {
    return step(id, runs::resumeAsync);
  }

  @PostMapping("/{id}/approve")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(summary = "Approves a proposed run: writes the payment ledger for grants not held")
  BenefitRuns.Run approve(@PathVariable long id) {
    return step(id, runs::approve);
  }

  @PostMapping("/{id}/publish")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  @Operation(summary = "Publishes a paid run (公示) for five working days")
  BenefitRuns.Run publish(@PathVariable long id) {
    return step(id, runs::publish);
  }

  @GetMapping("/{id}/grants")
  @Operation(summary = "A page of the run's grants the caller sees, optionally with one risk")
  List<BenefitRuns.Grant> grants(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String risk,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    find(id);
    return runs.grants(id, risk, Math.max(0, page), Math.clamp(size, 1, 1000));
  }

  /** A step on a run the caller sees, answered with the run as it stands after the step. */
  private BenefitRuns.Run step(long id, LongConsumer step) {
    find(id);
    step.accept(id);
    return find(id);
  }

  private BenefitRuns.Run find(long id) {
    return runs.find(id).orElseThrow(() -> new BenefitRunNotFoundException(id));
  }
}
