package org.zugong.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.zugong.organization.OrganizationImports;
import org.zugong.platform.spreadsheet.ImportApi;
import org.zugong.platform.spreadsheet.ImportApi.ImportAnswer;
import org.zugong.platform.spreadsheet.ImportJob;

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

  private final ImportApi api;

  OrganizationImportApiController(
      OrganizationImports imports, MessageSource messages, Clock clock) {
    this.api =
        new ImportApi(
            imports,
            OrganizationImportController.pages(imports, messages, clock),
            "organization-import");
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Upload a filled-in template (.xlsx, part 'file'); the import runs in the background."
              + " Every organization is established, or none and an error workbook marks each bad cell")
  ResponseEntity<ImportAnswer> start(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale)
      throws IOException {
    return api.start(file, locale);
  }

  @GetMapping
  @Operation(summary = "The latest imports in the caller's scope, newest first")
  List<ImportJob> recent() {
    return api.recent();
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: status, progress in percent, counts, and its first errors")
  ImportAnswer get(@PathVariable long id, Locale locale) {
    return api.answer(id, locale);
  }

  @GetMapping("/{id}/errors")
  @Operation(summary = "The error workbook of a refused import: every bad cell filled red")
  ResponseEntity<Resource> errorWorkbook(@PathVariable long id) throws IOException {
    return api.errorWorkbook(id);
  }
}
