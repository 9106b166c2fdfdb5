package org.zugong.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;

/**
 * The organization list as a workbook: the active organizations below the selected one (or in the
 * caller's whole scope), filtered as the page filters them, written row by row.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class OrganizationExportController {

  private static final int PAGE = 2_000;

  private final Organizations organizations;
  private final MessageSource messages;

  OrganizationExportController(Organizations organizations, MessageSource messages) {
    this.organizations = organizations;
    this.messages = messages;
  }

  @GetMapping("/organizations/export")
  void export(
      @RequestParam(required = false) @Nullable Long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable OrganizationKind kind,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"organizations.xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "Zugong", "1.0");
      Worksheet ws = wb.newWorksheet(text("organization.title", locale));
      String[] headers = {
        "organization.column.code",
        "organization.column.name",
        "organization.column.kind",
        "organization.column.category",
        "organization.column.unit-type",
        "organization.column.unit-name",
        "organization.column.region",
        "organization.column.established",
        "organization.column.secretary",
        "organization.column.children"
      };
      for (int c = 0; c < headers.length; c++) {
        ws.value(0, c, text(headers[c], locale));
        ws.style(0, c).bold().set();
      }
      int row = 1;
      int page = 0;
      Organizations.Page result;
      do {
        result = organizations.search(q, kind, id, page++, PAGE);
        for (OrganizationView o : result.rows()) {
          ws.value(row, 0, o.code());
          ws.value(row, 1, o.name());
          ws.value(row, 2, text(o.kind().messageKey(), locale));
          ws.value(row, 3, text(o.category().messageKey(), locale));
          ws.value(row, 4, text(o.unitType().messageKey(), locale));
          if (o.unitName() != null) {
            ws.value(row, 5, o.unitName());
          }
          ws.value(row, 6, o.regionCode());
          ws.value(row, 7, o.establishedOn().toString());
          if (o.secretaryName() != null) {
            ws.value(row, 8, o.secretaryName());
          }
          ws.value(row, 9, o.childCount());
          row++;
        }
        ws.flush();
      } while (result.rows().size() == PAGE);
      wb.finish();
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
