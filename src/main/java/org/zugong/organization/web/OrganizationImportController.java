package org.zugong.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.organization.OrganizationImportError;
import org.zugong.organization.OrganizationImportJob;
import org.zugong.organization.OrganizationImportNotFoundException;
import org.zugong.organization.OrganizationImports;
import org.zugong.shared.InvalidValueException;

/**
 * The organization import page: the template to download, the upload, the imports of the caller's
 * scope; an import's page follows its progress (htmx polls a fragment) and shows the result, with
 * the error workbook of a refused sheet.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
class OrganizationImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final int SHOWN_ERRORS = 50;

  private final OrganizationImports imports;
  private final MessageSource messages;
  private final Clock clock;

  OrganizationImportController(OrganizationImports imports, MessageSource messages, Clock clock) {
    this.imports = imports;
    this.messages = messages;
    this.clock = clock;
  }

  /** One bad cell as the page lists it, in the user's language. */
  record ErrorLine(int row, String column, String field, String reason) {}

  @GetMapping("/organization-imports")
  String page(Model model) {
    model.addAttribute("jobs", imports.recent(20));
    model.addAttribute("maxRows", OrganizationImports.maxRows());
    model.addAttribute("zone", clock.getZone());
    return "organization/import/list";
  }

  @PostMapping("/organization-imports")
  String upload(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Model model,
      Locale locale) {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidValueException("organization-import.invalid.no-file");
      }
      long id;
      try (InputStream in = file.getInputStream()) {
        String name = file.getOriginalFilename();
        id = imports.start(name == null ? "" : name, in, locale);
      }
      return "redirect:/organization-imports/" + id;
    } catch (InvalidValueException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return page(model);
    } catch (IOException e) {
      model.addAttribute("error", text("organization-import.failed", locale));
      return page(model);
    }
  }

  @GetMapping("/organization-imports/{id}")
  String job(@PathVariable long id, Model model, Locale locale) {
    progressModel(id, model, locale);
    return "organization/import/job";
  }

  @GetMapping("/organization-imports/{id}/progress")
  String progress(@PathVariable long id, Model model, Locale locale) {
    progressModel(id, model, locale);
    return "organization/import/job :: progress";
  }

  @GetMapping("/organization-imports/{id}/errors")
  void errorWorkbook(@PathVariable long id, HttpServletResponse response) throws IOException {
    Path file =
        imports.errorWorkbook(id).orElseThrow(() -> new OrganizationImportNotFoundException(id));
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"organization-import-" + id + "-errors.xlsx\"");
    response.setContentLengthLong(Files.size(file));
    try (OutputStream out = response.getOutputStream()) {
      Files.copy(file, out);
    }
  }

  @GetMapping("/organization-imports/template")
  void template(Locale locale, HttpServletResponse response) throws IOException {
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"organization-import-template.xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      imports.template(out, locale);
    }
  }

  private void progressModel(long id, Model model, Locale locale) {
    OrganizationImportJob job =
        imports.find(id).orElseThrow(() -> new OrganizationImportNotFoundException(id));
    model.addAttribute("job", job);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute(
        "failure",
        job.failureKey() == null
            ? null
            : messages.getMessage(
                job.failureKey(), job.failureArguments().toArray(), job.failureKey(), locale));
    List<ErrorLine> errors =
        job.errorCount() == 0
            ? List.of()
            : imports.errors(id, SHOWN_ERRORS).stream().map(e -> line(e, locale)).toList();
    model.addAttribute("errors", errors);
  }

  private ErrorLine line(OrganizationImportError e, Locale locale) {
    return new ErrorLine(
        e.row(),
        e.column(),
        text(e.columnKey(), locale),
        messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(), locale));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
