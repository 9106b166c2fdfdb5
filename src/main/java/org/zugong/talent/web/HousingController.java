package org.zugong.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.talent.TalentFinance;
import org.zugong.talent.TalentHousing;
import org.zugong.talent.TalentMap;

/** Talent housing with its waiting list, Golden Phoenix finance requests and the talent map. */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'INSTITUTION_OFFICER')")
class HousingController {

  private final TalentHousing housing;
  private final TalentMap map;
  private final TalentFinance finance;
  private final Regions regions;
  private final MessageSource messages;
  private final Clock clock;

  HousingController(
      TalentHousing housing,
      TalentMap map,
      TalentFinance finance,
      Regions regions,
      MessageSource messages,
      Clock clock) {
    this.housing = housing;
    this.map = map;
    this.finance = finance;
    this.regions = regions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/talent-housing")
  String housing(@RequestParam(required = false) @Nullable String project, Model model) {
    List<TalentHousing.Project> projects = housing.projects();
    TalentHousing.Project selected =
        projects.stream()
            .filter(p -> p.project().equals(project))
            .findFirst()
            .orElse(projects.isEmpty() ? null : projects.getFirst());
    model.addAttribute("projects", projects);
    model.addAttribute("selected", selected);
    model.addAttribute(
        "regionNames", regions.names(projects.stream().map(p -> p.regionCode()).toList()));
    model.addAttribute(
        "vacant", selected == null ? List.of() : housing.vacantUnits(selected.project(), 20));
    model.addAttribute(
        "waiting", selected == null ? List.of() : housing.waitingList(selected.regionCode(), 20));
    return "talent/housing";
  }

  @PostMapping("/talent-housing/units/{id}/allocate")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String allocate(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String project,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    try {
      housing.allocate(id);
      response.setHeader(
          "HX-Redirect",
          "/talent-housing?project="
              + java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8));
      model.addAttribute("error", null);
    } catch (InvalidValueException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "talent/housing :: allocation";
  }

  /** Comma-separated labels, demand and supply for the chart's data attributes. */
  record Chart(String labels, String demand, String supply) {}

  private static Chart chart(
      Map<String, long[]> rows, java.util.function.Function<String, String> label) {
    List<String> labels = new java.util.ArrayList<>();
    List<String> demand = new java.util.ArrayList<>();
    List<String> supply = new java.util.ArrayList<>();
    rows.forEach(
        (k, v) -> {
          labels.add(label.apply(k).replace(",", " "));
          demand.add(Long.toString(v[0]));
          supply.add(Long.toString(v[1]));
        });
    return new Chart(String.join(",", labels), String.join(",", demand), String.join(",", supply));
  }

  @GetMapping("/talent-finance")
  String finance(@RequestParam(required = false) @Nullable String status, Model model) {
    model.addAttribute("summary", finance.financeSummary());
    model.addAttribute("requests", finance.financeRequests(status, 100));
    model.addAttribute("status", status);
    return "talent/finance";
  }

  @PostMapping("/talent-finance/{id}/decision")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN')")
  String decide(
      @PathVariable long id,
      @RequestParam String status,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    try {
      finance.decide(id, status);
      response.setHeader("HX-Redirect", "/talent-finance");
      model.addAttribute("error", null);
    } catch (InvalidValueException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "talent/finance :: decision";
  }

  @GetMapping("/talent-map")
  String talentMap(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      Model model,
      Locale locale) {
    LocalDate on = date == null ? LocalDate.now(clock) : date;
    List<TalentMap.Cell> cells = map.cells(on);
    Map<String, long[]> byIndustry = new TreeMap<>();
    Map<String, long[]> byDistrict = new LinkedHashMap<>();
    for (TalentMap.Cell c : cells) {
      long[] i = byIndustry.computeIfAbsent(c.industry(), k -> new long[2]);
      i[0] += c.demand();
      i[1] += c.supply();
      long[] d = byDistrict.computeIfAbsent(c.regionCode(), k -> new long[2]);
      d[0] += c.demand();
      d[1] += c.supply();
    }
    model.addAttribute("date", on);
    model.addAttribute("byIndustry", byIndustry);
    model.addAttribute("byDistrict", byDistrict);
    Map<String, String> names = regions.names(byDistrict.keySet());
    model.addAttribute("regionNames", names);
    model.addAttribute(
        "industryChart",
        chart(byIndustry, k -> messages.getMessage("talent.industry." + k, null, k, locale)));
    model.addAttribute("districtChart", chart(byDistrict, k -> names.getOrDefault(k, k)));
    return "talent/map";
  }
}
