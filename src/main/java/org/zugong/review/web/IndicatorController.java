package org.zugong.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.platform.Indicator;
import org.zugong.platform.IndicatorQuery;
import org.zugong.platform.IndicatorRecords;
import org.zugong.review.Indicators;

/** The records behind one figure for a year and a part of the tree, as a page and a workbook. */
@Controller
@PreAuthorize(ReviewPages.STAFF)
class IndicatorController {

  static final int PAGE_SIZE = 50;
  private static final int EXPORT_PAGE = 2_000;

  private final Indicators indicators;
  private final ReviewScope scopes;
  private final MessageSource messages;
  private final Clock clock;

  IndicatorController(
      Indicators indicators, ReviewScope scopes, MessageSource messages, Clock clock) {
    this.indicators = indicators;
    this.scopes = scopes;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/indicators/{key}")
  String records(
      @PathVariable String key,
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Indicator indicator = indicator(key);
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    IndicatorQuery query = IndicatorQuery.year(part.path(), y);
    int p = Math.max(0, page);
    IndicatorRecords records = indicator.records(query, p, PAGE_SIZE);
    model.addAttribute("indicator", indicator);
    model.addAttribute("part", part);
    model.addAttribute("year", y);
    model.addAttribute("value", indicator.value(query));
    model.addAttribute("records", records);
    model.addAttribute("page", p);
    model.addAttribute("pages", Math.max(1, (records.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    return "review/records";
  }

  @GetMapping("/indicators/{key}/export")
  void export(
      @PathVariable String key,
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Indicator indicator = indicator(key);
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    IndicatorQuery query = IndicatorQuery.year(part.path(), y);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + key + "-" + y + "-" + part.code() + ".xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "Zugong", "1.0");
      Worksheet ws = wb.newWorksheet(key);
      int row = 0;
      int page = 0;
      IndicatorRecords records;
      do {
        records = indicator.records(query, page++, EXPORT_PAGE);
        List<IndicatorRecords.Column> columns = records.columns();
        if (row == 0) {
          for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, text(columns.get(c).heading(), locale));
            ws.style(0, c).bold().set();
          }
          row = 1;
        }
        for (IndicatorRecords.Row r : records.rows()) {
          for (int c = 0; c < columns.size(); c++) {
            String cell = r.cells().get(c);
            if (cell != null) {
              ws.value(row, c, columns.get(c).translated() ? text(cell, locale) : cell);
            }
          }
          row++;
        }
        ws.flush();
      } while (records.rows().size() == EXPORT_PAGE);
      wb.finish();
    }
  }

  private Indicator indicator(String key) {
    return indicators
        .find(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
