package org.zugong.platform.spreadsheet;

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
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.shared.InvalidValueException;

/**
 * What the import pages of every kind of sheet do, for a module's page controller to call: the
 * import page (template, upload, the imports of the caller's scope) and an import's page, which
 * follows its progress (htmx polls a fragment) and shows the result, with the error workbook of a
 * refused sheet. The pages are the fragments of {@code fragments/import.html}, given the sheet's
 * name (its texts' prefix) and its address.
 */
public final class ImportPages {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The errors an import's page and the API show; the error workbook has all of them. */
  public static final int SHOWN_ERRORS = 50;

  private final SheetImports imports;
  private final MessageSource messages;
  private final Clock clock;
  private final String name;
  private final String views;
  private final String home;
  private final int maxRows;

  /**
   * @param name the sheet's name ({@code member-import}): its texts' prefix; its pages are at
   *     {@code /member-imports}
   * @param views the folder of the module's templates {@code list} and {@code job}
   * @param home the list the imported records go to ({@code /members})
   * @param maxRows the most rows one import takes
   */
  public ImportPages(
      SheetImports imports,
      MessageSource messages,
      Clock clock,
      String name,
      String views,
      String home,
      int maxRows) {
    this.imports = imports;
    this.messages = messages;
    this.clock = clock;
    this.name = name;
    this.views = views;
    this.home = home;
    this.maxRows = maxRows;
  }

  /** One bad cell as the page lists it, in the user's language. */
  public record ErrorLine(int row, String column, String field, String reason) {}

  /** The address of the import pages. */
  public String base() {
    return "/" + name + "s";
  }

  public String page(Model model) {
    model.addAttribute("jobs", imports.recent(20));
    model.addAttribute("maxRows", maxRows);
    model.addAttribute("zone", clock.getZone());
    sheet(model);
    return views + "/list";
  }

  public String upload(@Nullable MultipartFile file, Model model, Locale locale) {
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidValueException(name + ".invalid.no-file");
      }
      long id;
      try (InputStream in = file.getInputStream()) {
        String fileName = file.getOriginalFilename();
        id = imports.start(fileName == null ? "" : fileName, in, locale);
      }
      return "redirect:" + base() + "/" + id;
    } catch (InvalidValueException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return page(model);
    } catch (IOException e) {
      model.addAttribute("error", text(name + ".failed", locale));
      return page(model);
    }
  }

  public String job(long id, Model model, Locale locale) {
    progressModel(id, model, locale);
    return views + "/job";
  }

  public String progress(long id, Model model, Locale locale) {
    progressModel(id, model, locale);
    return "fragments/import :: progress";
  }

  public void errorWorkbook(long id, HttpServletResponse response) throws IOException {
    Path file = imports.errorWorkbook(id).orElseThrow(() -> notFound(id));
    response.setContentType(XLSX);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + errorsFile(id) + "\"");
    response.setContentLengthLong(Files.size(file));
    try (OutputStream out = response.getOutputStream()) {
      Files.copy(file, out);
    }
  }

  public void template(Locale locale, HttpServletResponse response) throws IOException {
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + name + "-template.xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      imports.template(out, locale);
    }
  }

  /** The name of a refused import's error workbook as it is downloaded. */
  String errorsFile(long id) {
    return name + "-" + id + "-errors.xlsx";
  }

  ImportNotFoundException notFound(long id) {
    return new ImportNotFoundException(name.substring(0, name.lastIndexOf("-import")), id);
  }

  /** A failed import's reason in the user's language. */
  @Nullable String failure(ImportJob job, Locale locale) {
    return job.failureKey() == null
        ? null
        : messages.getMessage(
            job.failureKey(), job.failureArguments().toArray(), job.failureKey(), locale);
  }

  /** The first errors of an import in the user's language. */
  List<ErrorLine> errors(long id, Locale locale) {
    return imports.errors(id, SHOWN_ERRORS).stream()
        .map(
            e ->
                new ErrorLine(
                    e.row(),
                    e.column(),
                    text(e.columnKey(), locale),
                    messages.getMessage(
                        e.messageKey(), e.arguments().toArray(), e.messageKey(), locale)))
        .toList();
  }

  ImportJob find(long id) {
    return imports.find(id).orElseThrow(() -> notFound(id));
  }

  private void progressModel(long id, Model model, Locale locale) {
    ImportJob job = find(id);
    model.addAttribute("job", job);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("failure", failure(job, locale));
    model.addAttribute("errors", job.errorCount() == 0 ? List.of() : errors(id, locale));
    sheet(model);
  }

  /**
   * What the shared fragments need to know of the sheet: its texts' prefix, its address, and the
   * list the imported records go to.
   */
  private void sheet(Model model) {
    model.addAttribute("sheet", name);
    model.addAttribute("base", base());
    model.addAttribute("home", home);
    model.addAttribute("records", home.substring(home.lastIndexOf('/') + 1));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
