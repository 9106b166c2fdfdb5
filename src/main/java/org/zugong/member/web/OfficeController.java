package org.zugong.member.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.member.MemberFilter;
import org.zugong.member.MemberView;
import org.zugong.member.Members;
import org.zugong.member.OfficeNotFoundException;
import org.zugong.member.OfficePost;
import org.zugong.member.OrganizationOffices;
import org.zugong.member.OrganizationOffices.Office;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.shared.InvalidValueException;

/**
 * The committee of an organization (班子成员): a section of the organization's card, loaded by htmx,
 * with dialogs to appoint a member to a post and to end a term.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class OfficeController {

  private final OrganizationOffices offices;
  private final Organizations organizations;
  private final Members members;
  private final MessageSource messages;
  private final Clock clock;

  OfficeController(
      OrganizationOffices offices,
      Organizations organizations,
      Members members,
      MessageSource messages,
      Clock clock) {
    this.offices = offices;
    this.organizations = organizations;
    this.members = members;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/organizations/{id}/offices")
  String section(@PathVariable long id, Model model) {
    OrganizationView org = organization(id);
    List<Office> all = offices.of(id);
    model.addAttribute("org", org);
    model.addAttribute("open", all.stream().filter(Office::open).toList());
    model.addAttribute("past", all.stream().filter(o -> !o.open()).toList());
    return "member/office/section :: section";
  }

  @GetMapping("/organizations/{id}/offices/new")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  String appointDialog(@PathVariable long id, Model model) {
    return appointForm(
        model, organization(id), OfficePost.COMMITTEE_MEMBER, "", "", LocalDate.now(clock), null);
  }

  @PostMapping("/organizations/{id}/offices")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  String appoint(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable OfficePost post,
      @RequestParam(defaultValue = "") String member,
      @RequestParam(defaultValue = "") String duty,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    OrganizationView org = organization(id);
    try {
      if (post == null || from == null) {
        throw new InvalidValueException("office.invalid.required");
      }
      offices.appoint(id, memberOf(id, member), post, duty, from);
      response.setHeader("HX-Redirect", "/organizations?id=" + id);
      return "member/office/section :: done";
    } catch (InvalidValueException e) {
      return appointForm(model, org, post, member, duty, from, message(e, locale));
    }
  }

  @GetMapping("/organization-offices/{id}/end")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  String endDialog(@PathVariable long id, Model model) {
    return endForm(model, office(id), LocalDate.now(clock), "", null);
  }

  @PostMapping("/organization-offices/{id}/end")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  String end(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate until,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Office office = office(id);
    try {
      if (until == null) {
        throw new InvalidValueException("office.invalid.required");
      }
      offices.end(id, until, reason);
      response.setHeader("HX-Redirect", "/organizations?id=" + office.organizationId());
      return "member/office/section :: done";
    } catch (InvalidValueException e) {
      return endForm(model, office, until, reason, message(e, locale));
    }
  }

  private String appointForm(
      Model model,
      OrganizationView org,
      @Nullable OfficePost post,
      String member,
      String duty,
      @Nullable LocalDate from,
      @Nullable String error) {
    model.addAttribute("org", org);
    model.addAttribute("posts", OfficePost.values());
    model.addAttribute("post", post);
    model.addAttribute("member", member);
    model.addAttribute("duty", duty);
    model.addAttribute("from", from);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("error", error);
    return "member/office/section :: appoint";
  }

  private String endForm(
      Model model,
      Office office,
      @Nullable LocalDate until,
      String reason,
      @Nullable String error) {
    model.addAttribute("o", office);
    model.addAttribute("until", until);
    model.addAttribute("reason", reason);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("error", error);
    return "member/office/section :: end";
  }

  /** The one current member of the organization's subtree with this whole ID number or name. */
  private long memberOf(long organizationId, String text) {
    if (text.isBlank()) {
      throw new InvalidValueException("office.invalid.member-required");
    }
    List<MemberView> found =
        members.page(MemberFilter.of(text.strip(), organizationId), 0, 2).rows();
    if (found.size() != 1) {
      throw new InvalidValueException(
          found.isEmpty() ? "office.invalid.member-unknown" : "office.invalid.member-ambiguous",
          text.strip());
    }
    return found.getFirst().id();
  }

  private OrganizationView organization(long id) {
    return organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
  }

  private Office office(long id) {
    return offices.find(id).orElseThrow(() -> new OfficeNotFoundException(id));
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
