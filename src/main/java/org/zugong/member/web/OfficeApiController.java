package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.OfficeNotFoundException;
import org.zugong.member.OfficePost;
import org.zugong.member.OrganizationOffices;
import org.zugong.member.OrganizationOffices.Office;
import org.zugong.shared.InvalidValueException;

/** The committees of party organizations as JSON, within the caller's scope. */
@RestController
@Tag(
    name = "organization-offices",
    description = "Committee posts of party organizations (书记、副书记、委员) held by members")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class OfficeApiController {

  private final OrganizationOffices offices;

  OfficeApiController(OrganizationOffices offices) {
    this.offices = offices;
  }

  @GetMapping("/api/v1/organizations/{id}/offices")
  @Operation(summary = "Every term of the organization's committee posts, open ones first")
  List<Office> list(@PathVariable long id) {
    return offices.of(id);
  }

  /** A member put in a post from a day; {@code duty} such as 组织委员 for a committee member. */
  record Appointment(
      @Nullable Long memberId,
      @Nullable OfficePost post,
      @Nullable String duty,
      @Nullable LocalDate from) {}

  @PostMapping("/api/v1/organizations/{id}/offices")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  @Operation(
      summary =
          "Appoint a full member of the organization's subtree to a post; a new secretary ends"
              + " the previous one's term the day before")
  Office appoint(@PathVariable long id, @RequestBody Appointment a) {
    long office =
        offices.appoint(
            id, required(a.memberId()), required(a.post()), a.duty(), required(a.from()));
    return get(office);
  }

  @GetMapping("/api/v1/organization-offices/{id}")
  @Operation(summary = "One term of office")
  Office get(@PathVariable long id) {
    return offices.find(id).orElseThrow(() -> new OfficeNotFoundException(id));
  }

  /** The last day of a term and why it ended. */
  record Ending(@Nullable LocalDate until, @Nullable String reason) {}

  @PostMapping("/api/v1/organization-offices/{id}/end")
  @PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')")
  @Operation(summary = "End a term on a day, with the reason (换届、调离、免职…)")
  Office end(@PathVariable long id, @RequestBody Ending e) {
    offices.end(id, required(e.until()), e.reason() == null ? "" : e.reason());
    return get(id);
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("office.invalid.required");
    }
    return value;
  }
}
