package org.zugong.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.organization.OrganizationImportJob;
import org.zugong.organization.OrganizationImportNotFoundException;
import org.zugong.organization.OrganizationImports;
import org.zugong.shared.InvalidValueException;

/** Organization imports as JSON: upload a filled-in template, then follow the import. */
@RestController
@RequestMapping("/api/v1/organization-imports")
@Tag(
    name = "organization-imports",
    description =
        "Imports of party organizations from the template spreadsheet (党组织信息导入): new"
            + " organizations, each under one in scope or under an earlier row of the sheet")
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
class OrganizationImportApiController {

  private final OrganizationImports imports;
  private final MessageSource messages;

  OrganizationImportApiController(OrganizationImports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  /** One bad cell, its reason in the caller's language. */
  record CellProblem(int row, String column, String field, String reason) {}

  /**
   * An import with its failure or first errors in the caller's language, and where to download the
   * workbook that marks every bad cell.
   */
  record ImportAnswer(
      OrganizationImportJob job,
      @Nullable String failure,
      List<CellProblem> errors,
      @Nullable String errorWorkbook) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Upload a filled-in template (.xlsx, part 'file'); the import runs in the background."
              + " Every organization is established, or none and an error workbook marks each bad cell")
  ResponseEntity<ImportAnswer> start(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidValueException("organization-import.invalid.no-file");
    }
    long id;
    try (InputStream in = file.getInputStream()) {
      String name = file.getOriginalFilename();
      id = imports.start(name == null ? "" : name, in, locale);
    }
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/organization-imports/" + id))
        .body(answer(id, locale));
  }

  @GetMapping
  @Operation(summary = "The latest imports in the caller's scope, newest first")
  List<OrganizationImportJob> recent() {
    return imports.recent(50);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: status, progress in percent, counts, and its first errors")
  ImportAnswer get(@PathVariable long id, Locale locale) {
    return answer(id, locale);
  }

  @GetMapping("/{id}/errors")
  @Operation(summary = "The error workbook of a refused import: every bad cell filled red")
  ResponseEntity<Resource> errorWorkbook(@PathVariable long id) throws IOException {
    Path file =
        imports.errorWorkbook(id).orElseThrow(() -> new OrganizationImportNotFoundException(id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(OrganizationImportController.XLSX))
        .contentLength(Files.size(file))
        .header(
            "Content-Disposition",
            "attachment; filename=\"organization-import-" + id + "-errors.xlsx\"")
        .body(new FileSystemResource(file));
  }

  private ImportAnswer answer(long id, Locale locale) {
    OrganizationImportJob job =
        imports.find(id).orElseThrow(() -> new OrganizationImportNotFoundException(id));
    List<CellProblem> errors =
        imports.errors(id, OrganizationImportController.SHOWN_ERRORS).stream()
            .map(
                e ->
                    new CellProblem(
                        e.row(),
                        e.column(),
                        messages.getMessage(e.columnKey(), null, e.columnKey(), locale),
                        messages.getMessage(
                            e.messageKey(), e.arguments().toArray(), e.messageKey(), locale)))
            .toList();
    String failure =
        job.failureKey() == null
            ? null
            : messages.getMessage(
                job.failureKey(), job.failureArguments().toArray(), job.failureKey(), locale);
    return new ImportAnswer(
        job,
        failure,
        errors,
        job.errorWorkbook() ? "/api/v1/organization-imports/" + id + "/errors" : null);
  }
}
