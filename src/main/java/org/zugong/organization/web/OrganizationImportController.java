package org.zugong.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
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
import org.zugong.organization.OrganizationImports;
import org.zugong.platform.spreadsheet.ImportPages;

/**
 * The organization import page: the template to download, the upload, the imports of the caller's
 * scope; an import's page follows its progress (htmx polls a fragment) and shows the result, with
 * the error workbook of a refused sheet. The platform's {@link ImportPages} does the work.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
class OrganizationImportController {

  private final ImportPages pages;

  OrganizationImportController(OrganizationImports imports, MessageSource messages, Clock clock) {
    this.pages = pages(imports, messages, clock);
  }

  /** The organization sheet's pages: its texts, its address, its templates. */
  static ImportPages pages(OrganizationImports imports, MessageSource messages, Clock clock) {
    return new ImportPages(
        imports,
        messages,
        clock,
        "organization-import",
        "organization/import",
        "/organizations",
        OrganizationImports.maxRows());
  }

  @GetMapping("/organization-imports")
  String page(Model model) {
    return pages.page(model);
  }

  @PostMapping("/organization-imports")
  String upload(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Model model,
      Locale locale) {
    return pages.upload(file, model, locale);
  }

  @GetMapping("/organization-imports/{id}")
  String job(@PathVariable long id, Model model, Locale locale) {
    return pages.job(id, model, locale);
  }

  @GetMapping("/organization-imports/{id}/progress")
  String progress(@PathVariable long id, Model model, Locale locale) {
    return pages.progress(id, model, locale);
  }

  @GetMapping("/organization-imports/{id}/errors")
  void errorWorkbook(@PathVariable long id, HttpServletResponse response) throws IOException {
    pages.errorWorkbook(id, response);
  }

  @GetMapping("/organization-imports/template")
  void template(Locale locale, HttpServletResponse response) throws IOException {
    pages.template(locale, response);
  }
}
