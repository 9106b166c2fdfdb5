package org.zugong.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.platform.IndicatorRecords;
import org.zugong.review.Indicators;
import org.zugong.review.YearInReview;

/** Indicators and the year-in-review as JSON, within the caller's scope. */
@RestController
@Tag(
    name = "indicators",
    description = "Figures computed from records for a year and a part of the tree, and the review")
@PreAuthorize(ReviewPages.STAFF)
class ReviewApiController {

  private final Indicators indicators;
  private final YearInReview reviews;
  private final ReviewScope scopes;
  private final Clock clock;

  ReviewApiController(
      Indicators indicators, YearInReview reviews, ReviewScope scopes, Clock clock) {
    this.indicators = indicators;
    this.reviews = reviews;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** An indicator as declared: key, module, measure, whether a key figure. */
  record Declared(String key, String module, Indicator.Measure measure, boolean keyFigure) {}

  @GetMapping("/api/v1/indicators")
  @Operation(summary = "Every indicator the modules declare")
  List<Declared> list() {
    return indicators.all().stream()
        .map(i -> new Declared(i.key(), i.module(), i.measure(), i.keyFigure()))
        .toList();
  }

  /** A value with what it is of. */
  record Value(String key, int year, String under, BigDecimal value) {}

  @GetMapping("/api/v1/indicators/{key}")
  @Operation(
      summary =
          "The value of an indicator for a year, in the caller's scope or a division within it"
              + " (by its code)")
  Value value(
      @PathVariable String key,
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year) {
    Indicator i = indicator(key);
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    return new Value(key, y, part.path().value(), i.value(IndicatorQuery.year(part.path(), y)));
  }

  @GetMapping("/api/v1/indicators/{key}/records")
  @Operation(summary = "The records behind an indicator's value, a page at a time")
  IndicatorRecords records(
      @PathVariable String key,
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Indicator i = indicator(key);
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    return i.records(
        IndicatorQuery.year(part.path(), y), Math.max(0, page), Math.clamp(size, 1, 500));
  }

  @GetMapping("/api/v1/review")
  @Operation(
      summary =
          "The year-in-review: every figure of the review by section, computed, or not yet"
              + " available where its module does not exist")
  YearInReview.Review review(
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year) {
    ReviewScope.Part part = scopes.resolve(under);
    return reviews.review(ReviewPages.year(year, clock), part.path());
  }

  private Indicator indicator(String key) {
    return indicators
        .find(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
