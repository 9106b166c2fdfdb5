package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.MobileMemberNotFoundException;
import org.zugong.member.MobileMembers;
import org.zugong.member.MobileMembers.Listing;

/** Mobile members and their coverage as JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/mobile-members")
@Tag(
    name = "mobile-members",
    description = "Mobile party members (流动党员): the five steps, placement and coverage")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class MobileMemberApiController {

  private final MobileMembers mobileMembers;

  MobileMemberApiController(MobileMembers mobileMembers) {
    this.mobileMembers = mobileMembers;
  }

  @GetMapping
  @Operation(
      summary =
          "One list of mobile members (mobile, placed, unplaced, lapsed, transfer due, received,"
              + " returned) below an organization, by part of a name")
  MobileMembers.Page list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(defaultValue = "MOBILE") Listing list,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return mobileMembers.list(
        new MobileMembers.Filter(q, org, list), Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/coverage")
  @Operation(
      summary =
          "Coverage of the caller's scope or below one organization today: the size of each list")
  MobileMembers.Coverage coverage(@RequestParam(required = false) @Nullable Long org) {
    return mobileMembers.coverage(org);
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "One period of mobility: the five steps, the placements, coverage and mobility today")
  MobileMembers.Detail get(@PathVariable long id) {
    return mobileMembers.find(id).orElseThrow(() -> new MobileMemberNotFoundException(id));
  }
}
