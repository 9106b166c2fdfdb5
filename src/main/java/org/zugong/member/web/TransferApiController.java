package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.member.ArrivingMember;
import org.zugong.member.MemberNotFoundException;
import org.zugong.member.MemberStage;
import org.zugong.member.Members;
import org.zugong.member.TransferNotFoundException;
import org.zugong.member.TransferStep;
import org.zugong.member.TransferView;
import org.zugong.member.Transfers;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferWorkList.Category;
import org.zugong.member.transfer.TransferWorkList.Direction;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Transfers of organizational relationship as JSON, within the caller's scope, with the same rules
 * as the pages: both ends see a transfer, the source starts and cancels it, the target accepts or
 * returns it.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "transfers", description = "Transfers of organizational relationship (组织关系转接)")
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class TransferApiController {

  private final Transfers transfers;
  private final Members members;

  TransferApiController(Transfers transfers, Members members) {
    this.transfers = transfers;
    this.members = members;
  }

  /** A transfer with its steps. */
  record Detail(TransferView transfer, List<TransferStep> steps) {}

  @GetMapping
  @Operation(
      summary =
          "An organization's work list: open transfers received or sent, by category (pending,"
              + " unfinished, due soon, overdue); or a member's transfers")
  List<TransferView> list(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(defaultValue = "INCOMING") Direction direction,
      @RequestParam(defaultValue = "UNFINISHED") Category category,
      @RequestParam(required = false) @Nullable Long member) {
    if (member != null) {
      members.find(member).orElseThrow(() -> new MemberNotFoundException(member));
      return transfers.ofMember(member);
    }
    return transfers.workList(org, direction, category).rows();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One transfer with every step")
  Detail get(@PathVariable long id) {
    return new Detail(
        transfers.find(id).orElseThrow(() -> new TransferNotFoundException(id)),
        transfers.steps(id));
  }

  /**
   * What starts a transfer: {@code memberId}, {@code targetCode} and {@code validUntil} within the
   * city; {@code memberId} and {@code targetName} out of it; the arriving member, {@code
   * sourceName}, {@code targetCode} and the letter into it.
   */
  record Submission(
      TransferKind kind,
      @Nullable Long memberId,
      @Nullable String targetCode,
      @Nullable LocalDate validUntil,
      @Nullable String targetName,
      @Nullable String sourceName,
      @Nullable Arriving arriving,
      @Nullable String letterNumber,
      @Nullable LocalDate letterIssuedOn,
      @Nullable LocalDate letterValidUntil) {}

  /** The member arriving from outside the city, as their letter and file describe them. */
  record Arriving(
      String name,
      String idNumber,
      Ethnicity ethnicity,
      Education education,
      OccupationCategory category,
      MemberStage stage,
      LocalDate joinedOn,
      @Nullable LocalDate fullOn) {

    ArrivingMember toMember() {
      return new ArrivingMember(
          name,
          new IdCardNumber(idNumber.strip()),
          ethnicity,
          education,
          category,
          stage,
          joinedOn,
          fullOn);
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start a transfer within, out of or into the city")
  Detail submit(@RequestBody Submission s) {
    long id =
        switch (s.kind()) {
          case WITHIN_CITY ->
              transfers.submitWithinCity(
                  required(s.memberId()), text(s.targetCode()), required(s.validUntil()));
          case OUT_OF_CITY ->
              transfers.submitOutOfCity(required(s.memberId()), text(s.targetName()));
          case INTO_CITY ->
              transfers.registerIntoCity(
                  required(s.arriving()).toMember(),
                  text(s.sourceName()),
                  text(s.targetCode()),
                  text(s.letterNumber()),
                  required(s.letterIssuedOn()),
                  required(s.letterValidUntil()));
        };
    return get(id);
  }

  /** The reason of a return or a cancellation. */
  record Reason(@Nullable String reason) {}

  @PostMapping("/{id}/accept")
  @Operation(summary = "The target accepts the member, who moves to it")
  Detail accept(@PathVariable long id) {
    transfers.accept(id);
    return get(id);
  }

  @PostMapping("/{id}/return")
  @Operation(summary = "The target returns the transfer to its source, with the reason")
  Detail returnToSource(@PathVariable long id, @RequestBody Reason reason) {
    transfers.returnToSource(id, text(reason.reason()));
    return get(id);
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "The source cancels an open transfer")
  Detail cancel(@PathVariable long id, @RequestBody(required = false) @Nullable Reason reason) {
    transfers.cancel(id, reason == null ? null : reason.reason());
    return get(id);
  }

  /** Where a returned transfer goes again: the target's code and the new letter's last day. */
  record Resubmission(@Nullable String targetCode, @Nullable LocalDate validUntil) {}

  @PostMapping("/{id}/resubmit")
  @Operation(
      summary =
          "The source sends a returned transfer within the city again, to the same or another"
              + " organization, with a new letter")
  Detail resubmit(@PathVariable long id, @RequestBody Resubmission r) {
    transfers.resubmit(id, text(r.targetCode()), required(r.validUntil()));
    return get(id);
  }

  /** The paper letter of a transfer out of the city: its number and last valid day. */
  record Letter(@Nullable String letterNumber, @Nullable LocalDate validUntil) {}

  @PostMapping("/{id}/letter")
  @Operation(summary = "The source issues the paper letter of a transfer out of the city")
  Detail issueLetter(@PathVariable long id, @RequestBody Letter letter) {
    transfers.issueLetter(id, text(letter.letterNumber()), required(letter.validUntil()));
    return get(id);
  }

  @PostMapping("/{id}/receipt")
  @Operation(
      summary =
          "The source records the receipt returned from outside the city, which closes the transfer")
  Detail recordReceipt(@PathVariable long id) {
    transfers.recordReceipt(id);
    return get(id);
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("transfer.invalid.required");
    }
    return value;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
