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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.member.ArrivingMember;
import org.zugong.member.MemberFilter;
import org.zugong.member.MemberNotFoundException;
import org.zugong.member.MemberStage;
import org.zugong.member.MemberView;
import org.zugong.member.Members;
import org.zugong.member.TransferAction;
import org.zugong.member.TransferNotFoundException;
import org.zugong.member.TransferView;
import org.zugong.member.Transfers;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferWorkList.Category;
import org.zugong.member.transfer.TransferWorkList.Direction;
import org.zugong.organization.Organizations;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.OccupationCategory;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;

/**
 * Transfer pages: an organization's work list (pending, unfinished, due soon, overdue; incoming and
 * outgoing) beside its part of the tree, one transfer with its steps, a member's transfers, and
 * dialogs to start a transfer and to take each step.
 */
@Controller
@org.springframework.security.access.prepost.PreAuthorize(
    "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class TransferController {

  private final Transfers transfers;
  private final Members members;
  private final Organizations organizations;
  private final MessageSource messages;
  private final Clock clock;

  TransferController(
      Transfers transfers,
      Members members,
      Organizations organizations,
      MessageSource messages,
      Clock clock) {
    this.transfers = transfers;
    this.members = members;
    this.organizations = organizations;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- pages -------------------------------------------------------------------------------

  @GetMapping("/transfers")
  String workList(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(defaultValue = "INCOMING") Direction direction,
      @RequestParam(defaultValue = "PENDING") Category category,
      HttpServletRequest request,
      Model model) {
    Transfers.WorkList work = transfers.workList(org, direction, category);
    model.addAttribute("work", work);
    model.addAttribute("org", work.organization());
    model.addAttribute("roots", organizations.roots());
    model.addAttribute(
        "children",
        work.organization() == null ? List.of() : organizations.children(work.organization().id()));
    model.addAttribute("directions", Direction.values());
    model.addAttribute("categories", Category.values());
    return request.getHeader("HX-Request") != null
        ? "member/transfer/list :: work"
        : "member/transfer/list";
  }

  @GetMapping("/transfers/{id}")
  String detail(@PathVariable long id, Model model) {
    model.addAttribute("t", find(id));
    model.addAttribute("steps", transfers.steps(id));
    return "member/transfer/detail";
  }

  @GetMapping("/members/{id}/transfers")
  String ofMember(@PathVariable long id, HttpServletRequest request, Model model) {
    MemberView m = members.find(id).orElseThrow(() -> new MemberNotFoundException(id));
    List<TransferView> list = transfers.ofMember(id);
    model.addAttribute("m", m);
    model.addAttribute("transfers", list);
    model.addAttribute("steps", transfers.historyOf(id));
    model.addAttribute(
        "mayStart",
        m.status() == org.zugong.member.MemberStatus.NORMAL
            && list.stream().noneMatch(TransferView::open));
    return request.getHeader("HX-Request") != null
        ? "member/transfer/card :: history"
        : "member/transfer/member";
  }

  // ---- starting a transfer -----------------------------------------------------------------

  /** The fields of the start dialog, for every kind; each kind reads its own. */
  record StartForm(
      @Nullable TransferKind kind,
      @Nullable Long memberId,
      String targetCode,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
      String targetName,
      String sourceName,
      String letterNumber,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate letterIssuedOn,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate letterValidUntil,
      String name,
      String idNumber,
      @Nullable Ethnicity ethnicity,
      @Nullable Education education,
      @Nullable OccupationCategory category,
      @Nullable MemberStage stage,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate joinedOn,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate fullOn) {

    StartForm {
      targetCode = targetCode == null ? "" : targetCode;
      targetName = targetName == null ? "" : targetName;
      sourceName = sourceName == null ? "" : sourceName;
      letterNumber = letterNumber == null ? "" : letterNumber;
      name = name == null ? "" : name;
      idNumber = idNumber == null ? "" : idNumber;
    }
  }

  @GetMapping("/transfers/new")
  String startDialog(
      @RequestParam(required = false) @Nullable Long memberId,
      @RequestParam(defaultValue = "WITHIN_CITY") TransferKind kind,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    StartForm form =
        new StartForm(
            kind,
            memberId,
            "",
            today.plusMonths(Transfers.DEFAULT_VALIDITY_MONTHS),
            "",
            "",
            "",
            today,
            today.plusMonths(Transfers.DEFAULT_VALIDITY_MONTHS),
            "",
            "",
            Ethnicity.HAN,
            Education.BACHELOR,
            OccupationCategory.ENTERPRISE_STAFF,
            MemberStage.FULL,
            null,
            null);
    return startModel(model, form);
  }

  /** Closes a dialog: its place is left empty. */
  @GetMapping("/transfers/dialog/closed")
  String closeDialog() {
    return "member/transfer/dialogs :: done";
  }

  @GetMapping("/transfers/members")
  String memberOptions(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute(
        "options", q.isBlank() ? List.of() : members.page(MemberFilter.of(q, null), 0, 10).rows());
    return "member/transfer/dialogs :: member-options";
  }

  @PostMapping("/transfers")
  String start(StartForm form, Model model, Locale locale, HttpServletResponse response) {
    try {
      long id = start(form);
      response.setHeader("HX-Redirect", "/transfers/" + id);
      return "member/transfer/dialogs :: done";
    } catch (InvalidValueException e) {
      model.addAttribute("error", message(e, locale));
      return startModel(model, form);
    } catch (MemberNotFoundException e) {
      model.addAttribute(
          "error", message(new InvalidValueException("transfer.invalid.member"), locale));
      return startModel(model, form);
    }
  }

  private long start(StartForm f) {
    if (f.kind() == null) {
      throw new InvalidValueException("transfer.invalid.required");
    }
    return switch (f.kind()) {
      case WITHIN_CITY ->
          transfers.submitWithinCity(member(f), f.targetCode(), required(f.validUntil()));
      case OUT_OF_CITY -> transfers.submitOutOfCity(member(f), f.targetName());
      case INTO_CITY ->
          transfers.registerIntoCity(
              new ArrivingMember(
                  f.name(),
                  new IdCardNumber(f.idNumber().strip()),
                  required(f.ethnicity()),
                  required(f.education()),
                  required(f.category()),
                  required(f.stage()),
                  required(f.joinedOn()),
                  f.fullOn()),
              f.sourceName(),
              f.targetCode(),
              f.letterNumber(),
              required(f.letterIssuedOn()),
              required(f.letterValidUntil()));
    };
  }

  private static long member(StartForm f) {
    if (f.memberId() == null) {
      throw new InvalidValueException("transfer.invalid.member");
    }
    return f.memberId();
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new InvalidValueException("transfer.invalid.required");
    }
    return value;
  }

  private String startModel(Model model, StartForm form) {
    model.addAttribute("form", form);
    model.addAttribute(
        "member", form.memberId() == null ? null : members.find(form.memberId()).orElse(null));
    model.addAttribute("kinds", TransferKind.values());
    model.addAttribute("ethnicities", Ethnicity.values());
    model.addAttribute("educations", Education.values());
    model.addAttribute("occupations", OccupationCategory.values());
    model.addAttribute("stages", MemberStage.values());
    model.addAttribute("today", LocalDate.now(clock));
    return "member/transfer/dialogs :: start";
  }

  // ---- the steps ---------------------------------------------------------------------------

  @GetMapping("/transfers/{id}/step")
  String stepDialog(@PathVariable long id, @RequestParam TransferAction action, Model model) {
    return stepModel(model, find(id), action);
  }

  @PostMapping("/transfers/{id}/step")
  String step(
      @PathVariable long id,
      @RequestParam TransferAction action,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String targetCode,
      @RequestParam(defaultValue = "") String letterNumber,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate validUntil,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    TransferView t = find(id);
    try {
      LocalDate until =
          validUntil == null
              ? LocalDate.now(clock).plusMonths(Transfers.DEFAULT_VALIDITY_MONTHS)
              : validUntil;
      switch (action) {
        case ACCEPT -> transfers.accept(id);
        case RETURN -> transfers.returnToSource(id, reason);
        case RESUBMIT -> transfers.resubmit(id, targetCode, until);
        case CANCEL -> transfers.cancel(id, reason);
        case ISSUE_LETTER -> transfers.issueLetter(id, letterNumber, until);
        case RECORD_RECEIPT -> transfers.recordReceipt(id);
      }
    } catch (InvalidValueException e) {
      model.addAttribute("error", message(e, locale));
      return stepModel(model, t, action);
    }
    response.setHeader("HX-Redirect", "/transfers/" + id);
    return "member/transfer/dialogs :: done";
  }

  private String stepModel(Model model, TransferView t, TransferAction action) {
    model.addAttribute("t", t);
    model.addAttribute("action", action);
    model.addAttribute(
        "validUntil", LocalDate.now(clock).plusMonths(Transfers.DEFAULT_VALIDITY_MONTHS));
    return "member/transfer/dialogs :: step";
  }

  private TransferView find(long id) {
    return transfers.find(id).orElseThrow(() -> new TransferNotFoundException(id));
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
