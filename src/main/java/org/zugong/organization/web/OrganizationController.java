package org.zugong.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.organization.UnitType;
import org.zugong.shared.InvalidValueException;

/**
 * The organization page: the tree (now, or as it stood on a date) beside the selected
 * organization's details, children and history; dialogs for establishing, renaming, moving, merging
 * and dissolving.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class OrganizationController {

  static final int PAGE_SIZE = 20;

  /** Pages that show the organization tree, and where a node leads on each. */
  static final java.util.Map<String, String> TREE_LINKS =
      java.util.Map.of(
          "organizations", "/organizations?id=",
          "members", "/members?org=",
          "statistics", "/members/statistics?org=");

  private final Organizations organizations;
  private final MessageSource messages;
  private final Clock clock;

  OrganizationController(Organizations organizations, MessageSource messages, Clock clock) {
    this.organizations = organizations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/organizations")
  String page(
      @RequestParam(required = false) @Nullable Long id,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable OrganizationKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", OrganizationKind.values());
    model.addAttribute("on", on);
    model.addAttribute("today", LocalDate.now(clock));
    if (on != null) {
      model.addAttribute("historicRoots", organizations.rootsOn(on));
      return "organization/as-of";
    }
    List<OrganizationView> roots = organizations.roots();
    model.addAttribute("roots", roots);
    model.addAttribute("orgTarget", "organizations");
    model.addAttribute("orgLink", TREE_LINKS.get("organizations"));
    OrganizationView selected = null;
    if (id != null) {
      selected = organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
    } else if (!roots.isEmpty()) {
      selected = roots.getFirst();
    }
    model.addAttribute("selected", selected);
    if (!q.isBlank() || kind != null) {
      model.addAttribute(
          "results",
          organizations.search(
              q, kind, selected == null ? null : selected.id(), Math.max(0, page), PAGE_SIZE));
    } else if (selected != null) {
      model.addAttribute("children", organizations.children(selected.id()));
      model.addAttribute("history", organizations.history(selected.id()));
    }
    return request.getHeader("HX-Request") != null
        ? "organization/list :: detail"
        : "organization/list";
  }

  @GetMapping("/organizations/tree/{id}")
  String treeChildren(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on,
      @RequestParam(defaultValue = "organizations") String target,
      Model model) {
    String link = TREE_LINKS.get(target);
    if (link == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    model.addAttribute("orgTarget", target);
    model.addAttribute("orgLink", link);
    if (organizations.find(id).isEmpty()) {
      throw new OrganizationNotFoundException(id);
    }
    if (on != null) {
      model.addAttribute("on", on);
      model.addAttribute("historicNodes", organizations.childrenOn(id, on));
      return "organization/as-of :: nodes";
    }
    model.addAttribute("nodes", organizations.children(id));
    return "fragments/org-tree :: nodes";
  }

  /** The fields of the establish dialog. */
  record EstablishForm(
      String name,
      @Nullable OrganizationKind kind,
      @Nullable OrganizationCategory category,
      @Nullable UnitType unitType,
      String unitName,
      String trade,
      String regionCode,
      @Nullable Long parentId,
      @Nullable LocalDate on,
      String secretaryName) {}

  @GetMapping("/organizations/new")
  String establishDialog(@RequestParam(required = false) @Nullable Long parentId, Model model) {
    OrganizationView parent = parentId == null ? null : organizations.find(parentId).orElse(null);
    model.addAttribute(
        "form",
        new EstablishForm(
            "",
            OrganizationKind.BRANCH,
            OrganizationCategory.REGULAR,
            UnitType.COMMUNITY,
            "",
            "",
            parent == null ? "" : parent.regionCode(),
            parentId,
            LocalDate.now(clock),
            ""));
    return establishModel(model, parent);
  }

  private String establishModel(Model model, @Nullable OrganizationView parent) {
    model.addAttribute("parent", parent);
    model.addAttribute("kinds", OrganizationKind.values());
    model.addAttribute("categories", OrganizationCategory.values());
    model.addAttribute("unitTypes", UnitType.values());
    return "organization/dialogs :: establish";
  }

  @PostMapping("/organizations")
  String establish(EstablishForm form, Model model, Locale locale, HttpServletResponse response) {
    OrganizationView parent =
        form.parentId() == null ? null : organizations.find(form.parentId()).orElse(null);
    try {
      if (form.kind() == null
          || form.category() == null
          || form.unitType() == null
          || form.on() == null) {
        throw new InvalidValueException("organization.invalid.required");
      }
      long id =
          organizations.establish(
              new Establish(
                  form.name(),
                  form.kind(),
                  form.category(),
                  form.unitType(),
                  form.unitName(),
                  form.trade(),
                  form.regionCode().trim(),
                  form.parentId(),
                  form.on(),
                  form.secretaryName()));
      response.setHeader("HX-Redirect", "/organizations?id=" + id);
      return "organization/dialogs :: done";
    } catch (InvalidValueException e) {
      model.addAttribute("form", form);
      model.addAttribute("error", message(e, locale));
      return establishModel(model, parent);
    }
  }

  @GetMapping("/organizations/{id}/change")
  String changeDialog(@PathVariable long id, @RequestParam String action, Model model) {
    if (!List.of("rename", "move", "merge", "dissolve").contains(action)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    model.addAttribute(
        "org", organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id)));
    model.addAttribute("action", action);
    model.addAttribute("today", LocalDate.now(clock));
    return "organization/dialogs :: change";
  }

  @PostMapping("/organizations/{id}/change")
  String change(
      @PathVariable long id,
      @RequestParam String action,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String targetCode,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    OrganizationView org =
        organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
    try {
      switch (action) {
        case "rename" -> organizations.rename(id, name, on);
        case "move" -> organizations.move(id, target(targetCode), on);
        case "merge" -> organizations.merge(id, target(targetCode), on);
        case "dissolve" -> organizations.dissolve(id, on);
        default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
      }
    } catch (InvalidValueException e) {
      model.addAttribute("org", org);
      model.addAttribute("action", action);
      model.addAttribute("today", LocalDate.now(clock));
      model.addAttribute("error", message(e, locale));
      return "organization/dialogs :: change";
    }
    long show =
        action.equals("dissolve") || action.equals("merge")
            ? (org.parentId() == null ? id : org.parentId())
            : id;
    response.setHeader("HX-Redirect", "/organizations?id=" + show);
    return "organization/dialogs :: done";
  }

  private long target(String code) {
    return organizations
        .findByCode(code.trim())
        .orElseThrow(() -> new InvalidValueException("organization.invalid.target", code))
        .id();
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
