package org.zugong.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.audit.AuditTrail;

/** The auditor's page: the audit searched and filtered, exported as a workbook, verified. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

  static final int PAGE_SIZE = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .withZone(java.time.ZoneId.of("Asia/Shanghai"));

  private final AuditTrail trail;
  private final MessageSource messages;

  AuditController(AuditTrail trail, MessageSource messages) {
    this.trail = trail;
    this.messages = messages;
  }

  @GetMapping("/audit")
  String list(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String entity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AuditTrail.Filter filter = new AuditTrail.Filter(actor, action, entity, from, to);
    model.addAttribute("filter", filter);
    model.addAttribute("actions", trail.actions());
    model.addAttribute("result", trail.search(filter, Math.max(0, page), PAGE_SIZE));
    model.addAttribute("time", TIME);
    return "audit/list";
  }

  @PostMapping("/audit/verify")
  String verify(Model model) {
    model.addAttribute("verification", trail.verify());
    return "audit/list :: verification";
  }

  @GetMapping("/audit/export")
  void export(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String entity,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      java.util.Locale locale,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      Workbook workbook = new Workbook(out, "Zugong", "1.0");
      Worksheet sheet = workbook.newWorksheet(messages.getMessage("audit.title", null, locale));
      String[] headers = {
        "seq", "time", "actor", "action", "entity", "entityId", "scope", "details", "ip"
      };
      for (int c = 0; c < headers.length; c++) {
        sheet.value(0, c, messages.getMessage("audit.column." + headers[c], null, locale));
      }
      int[] row = {1};
      trail.export(
          new AuditTrail.Filter(actor, action, entity, from, to),
          e -> {
            int r = row[0]++;
            sheet.value(r, 0, e.seq());
            sheet.value(r, 1, TIME.format(e.occurredAt()));
            sheet.value(r, 2, e.actor());
            sheet.value(r, 3, e.action());
            sheet.value(r, 4, e.entity());
            sheet.value(r, 5, e.entityId());
            sheet.value(r, 6, e.scopePath());
            sheet.value(r, 7, e.details());
            sheet.value(r, 8, e.clientIp());
          });
      workbook.finish();
    }
  }
}
