package org.zugong.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.member.MemberFilter;
import org.zugong.member.MemberNotFoundException;
import org.zugong.member.MemberStatistics;
import org.zugong.member.MemberStatus;
import org.zugong.member.MemberView;
import org.zugong.member.Members;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.Persons;
import org.zugong.shared.InvalidValueException;

/**
 * Member pages: the organization tree beside a searchable member list that any statistic opens, the
 * member card with its history, the statistics of a part of the tree, and exports.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class MemberController {

  static final int PAGE_SIZE = 20;

  private final Members members;
  private final MemberStatistics statistics;
  private final Organizations organizations;
  private final Persons persons;
  private final MessageSource messages;
  private final Clock clock;

  MemberController(
      Members members,
      MemberStatistics statistics,
      Organizations organizations,
      Persons persons,
      MessageSource messages,
      Clock clock) {
    this.members = members;
    this.statistics = statistics;
    this.organizations = organizations;
    this.persons = persons;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/members")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) MemberFilter.@Nullable Dimension dim,
      @RequestParam(required = false) @Nullable String value,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    MemberFilter filter = new MemberFilter(q, org, dim, value, false);
    model.addAttribute("roots", organizations.roots());
    model.addAttribute("orgTarget", "members");
    model.addAttribute("orgLink", "/members?org=");
    model.addAttribute("q", q);
    model.addAttribute("org", org == null ? null : organizations.find(org).orElse(null));
    model.addAttribute("dim", dim);
    model.addAttribute("value", value);
    model.addAttribute("result", members.page(filter, Math.max(0, page), PAGE_SIZE));
    return request.getHeader("HX-Request") != null ? "member/list :: table" : "member/list";
  }

  @GetMapping("/members/export")
  void export(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) MemberFilter.@Nullable Dimension dim,
      @RequestParam(required = false) @Nullable String value,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"members.xlsx\"");
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "Zugong", "1.0");
      Worksheet ws = wb.newWorksheet(text("member.title", locale));
      String[] headers = {
        "member.column.name",
        "member.column.gender",
        "member.column.birth-date",
        "member.column.id-number",
        "member.column.ethnicity",
        "member.column.education",
        "member.column.occupation",
        "member.column.organization",
        "member.column.stage",
        "member.column.status",
        "member.column.joined-on"
      };
      for (int c = 0; c < headers.length; c++) {
        ws.value(0, c, text(headers[c], locale));
      }
      int[] row = {1};
      members.each(
          new MemberFilter(q, org, dim, value, false),
          m -> {
            int r = row[0]++;
            ws.value(r, 0, m.name());
            ws.value(r, 1, text(m.gender().messageKey(), locale));
            ws.value(r, 2, m.birthDate().toString());
            ws.value(r, 3, m.idNumberMasked());
            ws.value(r, 4, text(m.ethnicity().messageKey(), locale));
            ws.value(r, 5, text(m.education().messageKey(), locale));
            ws.value(r, 6, text(m.category().messageKey(), locale));
            ws.value(r, 7, m.organizationName());
            ws.value(r, 8, text(m.stage().messageKey(), locale));
            ws.value(r, 9, text(m.status().messageKey(), locale));
            ws.value(r, 10, m.joinedOn().toString());
          });
      wb.finish();
    }
  }

  @GetMapping("/members/{id}")
  String card(@PathVariable long id, Model model) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    model.addAttribute("m", m);
    model.addAttribute("person", persons.find(m.personId()).orElse(null));
    model.addAttribute("changes", persons.changes(m.personId()));
    model.addAttribute("history", members.history(id));
    model.addAttribute("statuses", MemberStatus.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "member/card";
  }

  @GetMapping("/members/{id}/details")
  String detailsDialog(@PathVariable long id, Model model) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    model.addAttribute("m", m);
    model.addAttribute(
        "person", persons.find(m.personId()).orElseThrow(() -> new MemberNotFoundException(id)));
    return detailsModel(model);
  }

  private String detailsModel(Model model) {
    model.addAttribute("ethnicities", org.zugong.person.Ethnicity.values());
    model.addAttribute("educations", org.zugong.person.Education.values());
    model.addAttribute("categories", org.zugong.person.OccupationCategory.values());
    model.addAttribute("groups", org.zugong.person.NewEmploymentGroup.values());
    return "member/details :: dialog";
  }

  @PostMapping("/members/{id}/details")
  String updateDetails(
      @PathVariable long id,
      @RequestParam String name,
      @RequestParam org.zugong.person.Ethnicity ethnicity,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam org.zugong.person.Education education,
      @RequestParam(defaultValue = "") String occupation,
      @RequestParam org.zugong.person.OccupationCategory category,
      @RequestParam(required = false) org.zugong.person.@Nullable NewEmploymentGroup group,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    try {
      persons.updateDetails(
          m.personId(),
          new org.zugong.person.PersonDetails(
              name, ethnicity, phone, education, occupation, category, group));
    } catch (InvalidValueException e) {
      model.addAttribute("m", m);
      model.addAttribute("person", persons.find(m.personId()).orElseThrow());
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return detailsModel(model);
    }
    response.setHeader("HX-Redirect", "/members/" + id);
    return "member/details :: done";
  }

  @PostMapping("/members/{id}/id-number")
  String reveal(@PathVariable long id, Model model) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    model.addAttribute("idNumber", persons.revealIdNumber(m.personId()).orElse(""));
    return "member/card :: id-number";
  }

  @PostMapping("/members/{id}/status")
  String status(
      @PathVariable long id,
      @RequestParam MemberStatus status,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale) {
    try {
      members.changeStatus(id, status, on, reason);
    } catch (InvalidValueException e) {
      model.addAttribute(
          "error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return card(id, model);
    }
    return "redirect:/members/" + id;
  }

  @GetMapping("/members/statistics")
  String statistics(@RequestParam(required = false) @Nullable Long org, Model model) {
    OrganizationView under = org == null ? null : organizations.find(org).orElse(null);
    model.addAttribute("org", under);
    model.addAttribute("roots", organizations.roots());
    model.addAttribute("orgTarget", "statistics");
    model.addAttribute("orgLink", "/members/statistics?org=");
    model.addAttribute("stats", statistics.of(under == null ? null : under.id()));
    model.addAttribute("dimensions", List.of(MemberFilter.Dimension.values()));
    return "member/statistics";
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
