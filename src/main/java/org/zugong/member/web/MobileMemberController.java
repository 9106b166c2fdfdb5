package org.zugong.member.web;

import jakarta.servlet.http.HttpServletRequest;
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
import org.zugong.member.MobileMemberNotFoundException;
import org.zugong.member.MobileMembers;
import org.zugong.member.MobileMembers.Detail;
import org.zugong.member.MobileMembers.Listing;
import org.zugong.member.mobile.ContactChannel;
import org.zugong.member.mobile.PlacementRoute;
import org.zugong.member.mobile.Step;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.shared.InvalidValueException;

/**
 * Mobile member pages: the coverage of a part of the tree beside the list behind each figure, the
 * mobile member page with the five steps, and the dialogs that locate a member and place one.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class MobileMemberController {

  static final int PAGE_SIZE = 20;

  private final MobileMembers mobileMembers;
  private final Members members;
  private final Organizations organizations;
  private final MessageSource messages;
  private final Clock clock;

  MobileMemberController(
      MobileMembers mobileMembers,
      Members members,
      Organizations organizations,
      MessageSource messages,
      Clock clock) {
    this.mobileMembers = mobileMembers;
    this.members = members;
    this.organizations = organizations;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- coverage and lists --------------------------------------------------------------------

  @GetMapping("/mobile-members")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(defaultValue = "MOBILE") Listing list,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    OrganizationView under = org == null ? null : organizations.find(org).orElse(null);
    Long underId = under == null ? null : under.id();
    model.addAttribute("q", q);
    model.addAttribute("org", under);
    model.addAttribute("list", list);
    List<OrganizationView> roots = organizations.roots();
    model.addAttribute("roots", roots);
    // A single root (a district's committee) opens at once: its children are the parts to choose.
    Long expanded = null;
    if (under != null) {
      expanded = under.id();
    } else if (roots.size() == 1) {
      expanded = roots.getFirst().id();
    }
    model.addAttribute("children", expanded == null ? List.of() : organizations.children(expanded));
    model.addAttribute("coverage", mobileMembers.coverage(underId));
    model.addAttribute("figures", List.of(Listing.values()));
    model.addAttribute(
        "result",
        mobileMembers.list(
            new MobileMembers.Filter(q, underId, list), Math.max(0, page), PAGE_SIZE));
    return request.getHeader("HX-Request") != null
        ? "member/mobile/list :: table"
        : "member/mobile/list";
  }

  // ---- the mobile member page ----------------------------------------------------------------

  @GetMapping("/mobile-members/{id}")
  String page(@PathVariable long id, Model model) {
    Detail detail = mobileMembers.find(id).orElseThrow(() -> new MobileMemberNotFoundException(id));
    model.addAttribute("d", detail);
    model.addAttribute("r", detail.row());
    model.addAttribute("steps", List.of(Step.values()));
    model.addAttribute("channels", ContactChannel.values());
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("lapseMonths", mobileMembers.lapseMonths());
    return "member/mobile/page";
  }

  @PostMapping("/mobile-members/{id}/registration")
  String register(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String certificate,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.register(id, certificate, on));
  }

  @PostMapping("/mobile-members/{id}/contacts")
  String contact(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam ContactChannel channel,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.recordContact(id, on, channel, note));
  }

  @PostMapping("/mobile-members/{id}/moves")
  String move(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String regionCode,
      @RequestParam(defaultValue = "") String outside,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
      @RequestParam(defaultValue = "false") boolean fixed,
      Model model,
      Locale locale) {
    return step(
        id,
        model,
        locale,
        () ->
            mobileMembers.moveTo(
                id, new MobileMembers.PlaceInput(regionCode, outside), since, fixed));
  }

  @PostMapping("/mobile-members/{id}/return")
  String returnHome(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.returnHome(id, on));
  }

  @PostMapping("/mobile-members/{id}/skills")
  String skill(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String skill,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.addSkill(id, skill));
  }

  @PostMapping("/mobile-members/{id}/engagements")
  String engagement(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam(defaultValue = "") String service,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.recordEngagement(id, on, service));
  }

  @PostMapping("/mobile-members/{id}/placement/end")
  String endPlacement(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale) {
    return step(id, model, locale, () -> mobileMembers.endPlacement(id, on));
  }

  /** Runs a step and shows the page again: with the refusal in the user's language, if any. */
  private String step(long id, Model model, Locale locale, Runnable work) {
    try {
      work.run();
    } catch (InvalidValueException e) {
      model.addAttribute("error", message(e, locale));
      return page(id, model);
    }
    return "redirect:/mobile-members/" + id;
  }

  // ---- dialogs -------------------------------------------------------------------------------

  /** The fields of the locate dialog; the member by id (from the card) or by ID number or name. */
  record LocateForm(
      @Nullable Long memberId,
      @Nullable String member,
      @Nullable String foundBy,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate foundOn,
      @Nullable String regionCode,
      @Nullable String outside,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since,
      boolean fixed) {}

  @GetMapping("/mobile-members/locate")
  String locateDialog(@RequestParam(required = false) @Nullable Long member, Model model) {
    MemberView m = member == null ? null : members.find(member).orElse(null);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute(
        "form",
        new LocateForm(
            m == null ? null : m.id(), m == null ? "" : m.name(), "", today, "", "", today, false));
    model.addAttribute("today", today);
    return "member/mobile/dialogs :: locate";
  }

  @PostMapping("/mobile-members")
  String locate(LocateForm form, Model model, Locale locale, HttpServletResponse response) {
    try {
      if (form.foundOn() == null || form.since() == null) {
        throw new InvalidValueException("mobile.form.required");
      }
      long memberId = form.memberId() != null ? form.memberId() : memberOf(text(form.member()));
      long id =
          mobileMembers.locate(
              new MobileMembers.Locate(
                  memberId,
                  text(form.foundBy()),
                  form.foundOn(),
                  new MobileMembers.PlaceInput(text(form.regionCode()), text(form.outside())),
                  form.since(),
                  form.fixed()));
      response.setHeader("HX-Redirect", "/mobile-members/" + id);
      return "member/mobile/dialogs :: done";
    } catch (InvalidValueException e) {
      model.addAttribute("form", form);
      model.addAttribute("today", LocalDate.now(clock));
      model.addAttribute("error", message(e, locale));
      return "member/mobile/dialogs :: locate";
    }
  }

  /** The one current member in scope with this whole ID number or name. */
  private long memberOf(String text) {
    if (text.isBlank()) {
      throw new InvalidValueException("mobile.locate.member-required");
    }
    List<MemberView> found = members.page(MemberFilter.of(text, null), 0, 2).rows();
    if (found.size() != 1) {
      throw new InvalidValueException(
          found.isEmpty() ? "mobile.locate.member-unknown" : "mobile.locate.member-ambiguous");
    }
    return found.getFirst().id();
  }

  @GetMapping("/mobile-members/{id}/place")
  String placeDialog(@PathVariable long id, Model model) {
    Detail detail = mobileMembers.find(id).orElseThrow(() -> new MobileMemberNotFoundException(id));
    model.addAttribute("d", detail);
    model.addAttribute("routes", PlacementRoute.values());
    model.addAttribute("route", PlacementRoute.RESIDENCE);
    model.addAttribute("code", "");
    model.addAttribute("on", LocalDate.now(clock));
    model.addAttribute("today", LocalDate.now(clock));
    return "member/mobile/dialogs :: place";
  }

  @PostMapping("/mobile-members/{id}/place")
  String place(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable PlacementRoute route,
      @RequestParam(defaultValue = "") String organizationCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Detail detail = mobileMembers.find(id).orElseThrow(() -> new MobileMemberNotFoundException(id));
    try {
      if (route == null || on == null) {
        throw new InvalidValueException("mobile.form.required");
      }
      mobileMembers.place(id, route, organizationCode, on);
      response.setHeader("HX-Redirect", "/mobile-members/" + id);
      return "member/mobile/dialogs :: done";
    } catch (InvalidValueException e) {
      model.addAttribute("d", detail);
      model.addAttribute("routes", PlacementRoute.values());
      model.addAttribute("route", route);
      model.addAttribute("code", organizationCode);
      model.addAttribute("on", on);
      model.addAttribute("today", LocalDate.now(clock));
      model.addAttribute("error", message(e, locale));
      return "member/mobile/dialogs :: place";
    }
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
