package org.zugong.review.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.review.Indicators;

/**
 * The cockpit: the key figures of the year for the part of the tree the user picks within their
 * scope, one figure's months and its values one level down as charts; every number opens its
 * records.
 */
@Controller
@PreAuthorize(ReviewPages.STAFF)
class CockpitController {

  private final Indicators indicators;
  private final ReviewScope scopes;
  private final Clock clock;

  CockpitController(Indicators indicators, ReviewScope scopes, Clock clock) {
    this.indicators = indicators;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** A figure on the cockpit: the indicator and its value. */
  record Shown(Indicator indicator, BigDecimal value) {}

  @GetMapping("/cockpit")
  String cockpit(
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable String key,
      Model model) {
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    IndicatorQuery query = IndicatorQuery.year(part.path(), y);
    var values = indicators.values(indicators.keyFigures(), query);
    List<Shown> figures = new ArrayList<>();
    for (Indicator i : indicators.keyFigures()) {
      figures.add(new Shown(i, values.get(i.key())));
    }
    Indicator selected =
        key == null || key.isBlank()
            ? indicators.keyFigures().getFirst()
            : indicators
                .find(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("part", part);
    model.addAttribute("choices", scopes.choices(part));
    model.addAttribute("year", y);
    model.addAttribute("years", ReviewPages.years(clock));
    model.addAttribute("figures", figures);
    model.addAttribute("selected", selected);
    model.addAttribute("all", indicators.all());
    model.addAttribute("months", indicators.months(selected, part.path(), y));
    model.addAttribute(
        "parts", part.region() == null ? List.of() : indicators.parts(selected, part.path(), y));
    model.addAttribute("today", LocalDate.now(clock));
    return "review/cockpit";
  }
}
