package org.zugong.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.shared.InvalidValueException;

/**
 * What the import APIs of every kind of sheet do, for a module's API controller to call: upload a
 * filled-in template, then follow the import, at {@code /api/v1/<name>s}.
 */
public final class ImportApi {

  private final SheetImports imports;
  private final ImportPages pages;
  private final String name;

  /**
   * @param pages the same sheet's pages, whose texts the answers share
   */
  public ImportApi(SheetImports imports, ImportPages pages, String name) {
    this.imports = imports;
    this.pages = pages;
    this.name = name;
  }

  /** One bad cell, its reason in the caller's language. */
  public record CellProblem(int row, String column, String field, String reason) {}

  /**
   * An import with its failure or first errors in the caller's language, and where to download the
   * workbook that marks every bad cell.
   */
  public record ImportAnswer(
      ImportJob job,
      @Nullable String failure,
      List<CellProblem> errors,
      @Nullable String errorWorkbook) {}

  public ResponseEntity<ImportAnswer> start(@Nullable MultipartFile file, Locale locale)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidValueException(name + ".invalid.no-file");
    }
    long id;
    try (InputStream in = file.getInputStream()) {
      String fileName = file.getOriginalFilename();
      id = imports.start(fileName == null ? "" : fileName, in, locale);
    }
    return ResponseEntity.accepted().location(URI.create(base() + id)).body(answer(id, locale));
  }

  public List<ImportJob> recent() {
    return imports.recent(50);
  }

  public ImportAnswer answer(long id, Locale locale) {
    ImportJob job = pages.find(id);
    List<CellProblem> errors =
        pages.errors(id, locale).stream()
            .map(e -> new CellProblem(e.row(), e.column(), e.field(), e.reason()))
            .toList();
    return new ImportAnswer(
        job,
        pages.failure(job, locale),
        errors,
        job.errorWorkbook() ? base() + id + "/errors" : null);
  }

  public ResponseEntity<Resource> errorWorkbook(long id) throws IOException {
    Path file = imports.errorWorkbook(id).orElseThrow(() -> pages.notFound(id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ImportPages.XLSX))
        .contentLength(Files.size(file))
        .header("Content-Disposition", "attachment; filename=\"" + pages.errorsFile(id) + "\"")
        .body(new FileSystemResource(file));
  }

  private String base() {
    return "/api/v1/" + name + "s/";
  }
}
