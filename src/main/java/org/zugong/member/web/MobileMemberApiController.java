package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.MobileMemberNotFoundException;
import org.zugong.member.MobileMembers;
import org.zugong.member.MobileMembers.Listing;
import org.zugong.member.mobile.ContactChannel;
import org.zugong.member.mobile.PlacementRoute;
import org.zugong.shared.InvalidValueException;

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

  // ---- the five steps and placement ----------------------------------------------------------

  /**
   * Where a member is: {@code regionCode} of a division of the city, or else {@code outside}, the
   * name of a place outside it.
   */
  record Place(@Nullable String regionCode, @Nullable String outside) {
    MobileMembers.PlaceInput input() {
      return new MobileMembers.PlaceInput(text(regionCode), text(outside));
    }
  }

  /** LOCATE: the member found away, who found them and when, where they are and since when. */
  record Locate(
      @Nullable Long memberId,
      @Nullable String foundBy,
      @Nullable LocalDate foundOn,
      @Nullable Place place,
      @Nullable LocalDate since,
      @Nullable Boolean fixed) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Locate (源头查找): open the record of a member found away from home")
  MobileMembers.Detail locate(@RequestBody Locate l) {
    long id =
        mobileMembers.locate(
            new MobileMembers.Locate(
                required(l.memberId()),
                text(l.foundBy()),
                required(l.foundOn()),
                required(l.place()).input(),
                required(l.since()),
                Boolean.TRUE.equals(l.fixed())));
    return get(id);
  }

  /** REGISTER: the activity certificate's number and the day of registration. */
  record Registration(@Nullable String certificate, @Nullable LocalDate on) {}

  @PostMapping("/{id}/register")
  @Operation(summary = "Register (建档建库) with the activity certificate (流动党员活动证)")
  MobileMembers.Detail register(@PathVariable long id, @RequestBody Registration r) {
    mobileMembers.register(id, text(r.certificate()), required(r.on()));
    return get(id);
  }

  /** CONTACT: when, how, and what was said. */
  record Contact(@Nullable LocalDate on, @Nullable ContactChannel channel, @Nullable String note) {}

  @PostMapping("/{id}/contacts")
  @Operation(summary = "Stay in contact (走亲连心): add to the contact log")
  MobileMembers.Detail contact(@PathVariable long id, @RequestBody Contact c) {
    mobileMembers.recordContact(id, required(c.on()), required(c.channel()), text(c.note()));
    return get(id);
  }

  /** TRACK: the member moved (or settled) somewhere from a day. */
  record Move(@Nullable Place place, @Nullable LocalDate since, @Nullable Boolean fixed) {}

  @PostMapping("/{id}/moves")
  @Operation(
      summary =
          "Track changes (动态管理): the member moved elsewhere or settled at a fixed place;"
              + " six months fixed makes a transfer due")
  MobileMembers.Detail move(@PathVariable long id, @RequestBody Move m) {
    mobileMembers.moveTo(
        id, required(m.place()).input(), required(m.since()), Boolean.TRUE.equals(m.fixed()));
    return get(id);
  }

  /** TRACK: the member came home on a day. */
  record Return(@Nullable LocalDate on) {}

  @PostMapping("/{id}/return")
  @Operation(summary = "Track changes (动态管理): the member came home; the period of mobility ends")
  MobileMembers.Detail returnHome(@PathVariable long id, @RequestBody Return r) {
    mobileMembers.returnHome(id, required(r.on()));
    return get(id);
  }

  /** ENGAGE: a skill the member offers. */
  record Skill(@Nullable String name) {}

  @PostMapping("/{id}/skills")
  @Operation(summary = "Engage strengths (用其所长): a skill the member offers")
  MobileMembers.Detail skill(@PathVariable long id, @RequestBody Skill s) {
    mobileMembers.addSkill(id, text(s.name()));
    return get(id);
  }

  /** ENGAGE: a service the member gave, and when. */
  record Engagement(@Nullable LocalDate on, @Nullable String service) {}

  @PostMapping("/{id}/engagements")
  @Operation(summary = "Engage strengths (用其所长): a service the member gave")
  MobileMembers.Detail engagement(@PathVariable long id, @RequestBody Engagement e) {
    mobileMembers.recordEngagement(id, required(e.on()), text(e.service()));
    return get(id);
  }

  /** Placement by one of the three routes with the organization of a code, from a day. */
  record Placement(
      @Nullable PlacementRoute route, @Nullable String organizationCode, @Nullable LocalDate on) {}

  @PostMapping("/{id}/placements")
  @Operation(
      summary =
          "Place the member (三个一批) with an organization by workplace, residence or a regional"
              + " organization")
  MobileMembers.Detail place(@PathVariable long id, @RequestBody Placement p) {
    mobileMembers.place(id, required(p.route()), text(p.organizationCode()), required(p.on()));
    return get(id);
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("mobile.form.required");
    }
    return value;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
