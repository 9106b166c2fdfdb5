package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.MemberFilter;
import org.zugong.member.MemberNotFoundException;
import org.zugong.member.MemberStatistics;
import org.zugong.member.MemberView;
import org.zugong.member.Members;

/** Members and their statistics as JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "members", description = "Party members (党员) and party statistics")
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class MemberApiController {

  private final Members members;
  private final MemberStatistics statistics;

  MemberApiController(Members members, MemberStatistics statistics) {
    this.members = members;
    this.statistics = statistics;
  }

  @GetMapping
  @Operation(
      summary =
          "Find members by name or whole ID number, below an organization, by a statistic's dimension")
  Members.Page search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) MemberFilter.@Nullable Dimension dim,
      @RequestParam(required = false) @Nullable String value,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return members.page(
        new MemberFilter(q, org, dim, value, false), Math.max(0, page), Math.clamp(size, 1, 200));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One member, the ID number masked")
  MemberView get(@PathVariable long id) {
    return members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "A member's history: joining, conversion, status changes, moves")
  List<Members.MemberEvent> history(@PathVariable long id) {
    get(id);
    return members.history(id);
  }

  @GetMapping("/statistics")
  @Operation(summary = "Party statistics of the caller's scope or below one organization")
  MemberStatistics.Statistics statistics(@RequestParam(required = false) @Nullable Long org) {
    return statistics.of(org);
  }
}
