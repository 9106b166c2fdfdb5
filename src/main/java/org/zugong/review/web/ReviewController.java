package org.zugong.review.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.zugong.review.YearInReview;
import org.zugong.review.YearInReview.Figure;
import org.zugong.review.YearInReview.Review;

/**
 * The year-in-review of a part of the tree: the page, the same as a PDF with a Chinese font
 * embedded, and every figure as a workbook.
 */
@Controller
@PreAuthorize(ReviewPages.STAFF)
class ReviewController {

  private final YearInReview reviews;
  private final ReviewScope scopes;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final Clock clock;

  ReviewController(
      YearInReview reviews,
      ReviewScope scopes,
      ITemplateEngine templates,
      MessageSource messages,
      Clock clock) {
    this.reviews = reviews;
    this.scopes = scopes;
    this.templates = templates;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/review")
  String review(
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      Model model) {
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    model.addAttribute("part", part);
    model.addAttribute("choices", scopes.choices(part));
    model.addAttribute("years", ReviewPages.years(clock));
    model.addAttribute("year", y);
    model.addAttribute("review", reviews.review(y, part.path()));
    return "review/review";
  }

  @GetMapping("/review.pdf")
  void pdf(
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    Review review = reviews.review(y, part.path());
    String html =
        templates.process(
            "review/print", new Context(locale, Map.of("part", part, "year", y, "review", review)));
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"review-" + y + "-" + part.code() + ".pdf\"");
    try (OutputStream out = response.getOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(
          () -> {
            try {
              return new ClassPathResource("fonts/DroidSansFallback.ttf").getInputStream();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          },
          "Zugong CJK");
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    }
  }

  @GetMapping("/review.xlsx")
  void workbook(
      @RequestParam(required = false) @Nullable String under,
      @RequestParam(required = false) @Nullable Integer year,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    ReviewScope.Part part = scopes.resolve(under);
    int y = ReviewPages.year(year, clock);
    Review review = reviews.review(y, part.path());
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"review-" + y + "-" + part.code() + ".xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "Zugong", "1.0");
      Worksheet ws = wb.newWorksheet(text("review.title", locale));
      String[] headers = {
        "review.column.section",
        "review.column.key",
        "review.column.figure",
        "review.column.value",
        "review.column.unit",
        "review.column.stated",
        "review.column.qualifier",
        "review.column.reproduces",
        "review.column.phrase"
      };
      for (int c = 0; c < headers.length; c++) {
        ws.value(0, c, text(headers[c], locale));
        ws.style(0, c).bold().set();
      }
      int row = 1;
      for (Figure f : review.figures()) {
        ws.value(row, 0, text(f.section().messageKey(), locale));
        ws.value(row, 1, f.key());
        ws.value(row, 2, text("indicator." + f.key(), locale));
        BigDecimal v = f.value();
        if (v != null) {
          ws.value(row, 3, v);
        } else {
          ws.value(row, 3, text("review.not-available", locale));
        }
        ws.value(row, 4, text("indicator." + f.key() + ".unit", locale));
        if (f.reference() != null) {
          ws.value(row, 5, f.reference().value());
          ws.value(row, 6, text(f.reference().qualifier().messageKey(), locale));
          ws.value(row, 8, f.reference().phrase());
        }
        Boolean reproduces = f.reproduces();
        if (reproduces != null) {
          ws.value(
              row, 7, text(reproduces ? "review.reproduces.yes" : "review.reproduces.no", locale));
        }
        row++;
      }
      wb.finish();
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
