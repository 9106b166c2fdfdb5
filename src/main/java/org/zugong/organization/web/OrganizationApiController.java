package org.zugong.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.organization.Establish;
import org.zugong.organization.OrganizationEvent;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;

/** The organization tree as JSON, within the caller's scope, with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations", description = "Party organizations (党组织) and their history")
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class OrganizationApiController {

  private final Organizations organizations;

  OrganizationApiController(Organizations organizations) {
    this.organizations = organizations;
  }

  @GetMapping
  @Operation(summary = "Search active organizations by name or code")
  Organizations.Page search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable OrganizationKind kind,
      @RequestParam(required = false) @Nullable Long under,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return organizations.search(q, kind, under, Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/roots")
  @Operation(summary = "The top of the caller's part of the tree, now or on a date")
  List<?> roots(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on) {
    return on == null ? organizations.roots() : organizations.rootsOn(on);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One organization")
  OrganizationView get(@PathVariable long id) {
    return organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
  }

  @GetMapping("/{id}/children")
  @Operation(summary = "The organizations directly below one, now or on a date")
  List<?> children(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate on) {
    get(id);
    return on == null ? organizations.children(id) : organizations.childrenOn(id, on);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Everything that happened to one organization")
  List<OrganizationEvent> history(@PathVariable long id) {
    get(id);
    return organizations.history(id);
  }

  @GetMapping("/statistics")
  @Operation(summary = "Active organizations of each kind within the caller's scope")
  Map<OrganizationKind, Long> statistics(@RequestParam(required = false) @Nullable Long under) {
    if (under != null) {
      get(under);
    }
    return organizations.countByKind(under);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Establish an organization")
  OrganizationView establish(@RequestBody Establish command) {
    return get(organizations.establish(command));
  }

  /** An effective-dated change. */
  record Change(@Nullable String name, @Nullable Long targetId, LocalDate on) {}

  @PostMapping("/{id}/rename")
  @Operation(summary = "Rename an organization from a date")
  OrganizationView rename(@PathVariable long id, @RequestBody Change change) {
    organizations.rename(id, change.name() == null ? "" : change.name(), change.on());
    return get(id);
  }

  @PostMapping("/{id}/move")
  @Operation(summary = "Move an organization under another (改隶) from a date")
  OrganizationView move(@PathVariable long id, @RequestBody Change change) {
    organizations.move(id, required(change.targetId()), change.on());
    return get(id);
  }

  @PostMapping("/{id}/merge")
  @Operation(summary = "Merge an organization into another from a date")
  OrganizationView merge(@PathVariable long id, @RequestBody Change change) {
    organizations.merge(id, required(change.targetId()), change.on());
    return get(required(change.targetId()));
  }

  @PostMapping("/{id}/dissolve")
  @Operation(summary = "Dissolve an organization from a date")
  OrganizationView dissolve(@PathVariable long id, @RequestBody Change change) {
    organizations.dissolve(id, change.on());
    return get(id);
  }

  private static long required(@Nullable Long id) {
    if (id == null) {
      throw new org.zugong.shared.InvalidValueException("organization.invalid.target", "");
    }
    return id;
  }
}
