package org.zugong.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.zugong.member.Dues;
import org.zugong.member.dues.DuesCategory;
import org.zugong.member.dues.DuesStanding;
import org.zugong.member.dues.MonthlyDues;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.shared.InvalidValueException;

/**
 * Membership dues as JSON, within the caller's scope: amounts with the clause that sets them,
 * statements, a month's sheet, arrears, and recording payments and exemptions. Amounts are in yuan;
 * explanations are in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "dues", description = "Membership dues (党费): amounts, payments, arrears")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class DuesApiController {

  private final Dues dues;
  private final Organizations organizations;
  private final MessageSource messages;

  DuesApiController(Dues dues, Organizations organizations, MessageSource messages) {
    this.dues = dues;
    this.organizations = organizations;
    this.messages = messages;
  }

  /** A month's dues: the amount, the clause of the regulation it rests on, and why. */
  record Due(
      YearMonth month, BigDecimal amount, String clause, String reference, String explanation) {}

  /** One month of a ledger or sheet: PAID, UNPAID or NOTHING_DUE. */
  record Month(
      YearMonth month,
      Dues.MonthState state,
      Due due,
      @Nullable LocalDate paidOn,
      @Nullable BigDecimal paid) {}

  record Exemption(
      long id,
      YearMonth from,
      YearMonth until,
      BigDecimal payable,
      String reason,
      String recordedBy) {}

  record Ledger(
      long memberId,
      String name,
      String organization,
      DuesCategory category,
      boolean owes,
      YearMonth firstMonth,
      YearMonth through,
      int arrearsMonths,
      BigDecimal arrears,
      String standing,
      String standingText,
      List<Month> months,
      List<Exemption> exemptions) {}

  record SheetLine(long memberId, String name, String organization, Month month) {}

  record Sheet(
      long organizationId,
      String organization,
      YearMonth month,
      long members,
      long paid,
      BigDecimal paidAmount,
      int page,
      int size,
      long total,
      List<SheetLine> lines) {}

  record Figures(
      long organizationId, String organization, int inArrears, BigDecimal amount, int lapsed) {}

  record Debtor(
      long memberId,
      String name,
      String organization,
      int months,
      BigDecimal amount,
      boolean lapsed,
      String standing) {}

  record Arrears(YearMonth through, Figures total, List<Figures> parts, List<Debtor> members) {}

  /** A payment to record; {@code paidOn} defaults to today. */
  record PaymentRequest(YearMonth month, BigDecimal amount, LocalDate paidOn) {}

  /** An approved exemption: {@code payable} 0 waives the dues, more reduces them. */
  record ExemptionRequest(YearMonth from, YearMonth until, BigDecimal payable, String reason) {}

  @GetMapping
  @Operation(
      summary =
          "A month's dues of the members under an organization (the caller's first by default),"
              + " each paid, unpaid or with nothing due")
  Sheet sheet(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable YearMonth month,
      @RequestParam(defaultValue = "false") boolean unpaid,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Locale locale) {
    Dues.Sheet s =
        dues.sheet(
            organization(org).id(),
            month == null ? dues.latestMonth() : month,
            unpaid,
            Math.max(0, page),
            Math.clamp(size, 1, 500));
    return new Sheet(
        s.organization().id(),
        s.organization().name(),
        s.month(),
        s.members(),
        s.paid(),
        Yuan.of(s.paidFen()),
        s.page(),
        s.size(),
        s.total(),
        s.lines().stream()
            .map(
                l ->
                    new SheetLine(
                        l.member().id(),
                        l.member().name(),
                        l.member().organizationName(),
                        month(l.month(), locale)))
            .toList());
  }

  @GetMapping("/arrears")
  @Operation(
      summary =
          "Members under an organization with unpaid months through a month, their total, and"
              + " those with six consecutive months unpaid (Party Constitution art. 9)")
  Arrears arrears(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable YearMonth through,
      Locale locale) {
    Dues.Arrears a =
        dues.arrears(organization(org).id(), through == null ? dues.latestMonth() : through);
    return new Arrears(
        a.through(),
        figures(a.total()),
        a.parts().stream().map(DuesApiController::figures).toList(),
        a.debtors().stream()
            .map(
                d ->
                    new Debtor(
                        d.member().id(),
                        d.member().name(),
                        d.member().organizationName(),
                        d.months(),
                        Yuan.of(d.fen()),
                        d.lapsed(),
                        text(d.standing().messageKey(), d.standing().arguments(), locale)))
            .toList());
  }

  @GetMapping("/members/{memberId}")
  @Operation(summary = "A member's dues month by month through a month, with their standing")
  Ledger ledger(
      @PathVariable long memberId,
      @RequestParam(required = false) @Nullable YearMonth through,
      Locale locale) {
    Dues.MemberLedger l = dues.ledger(memberId, through == null ? dues.latestMonth() : through);
    DuesStanding standing = l.statement().standing();
    return new Ledger(
        l.member().id(),
        l.member().name(),
        l.member().organizationName(),
        l.member().category(),
        l.member().owes(),
        l.member().firstMonth(),
        l.statement().through(),
        l.statement().arrearsMonths(),
        Yuan.of(l.statement().arrearsFen()),
        switch (standing) {
          case DuesStanding.UpToDate u -> "UP_TO_DATE";
          case DuesStanding.InArrears i -> "IN_ARREARS";
          case DuesStanding.Lapsed x -> "LAPSED";
        },
        text(standing.messageKey(), standing.arguments(), locale),
        l.months().stream().map(m -> month(m, locale)).toList(),
        l.exemptions().stream()
            .map(
                e ->
                    new Exemption(
                        e.id(),
                        e.exemption().from(),
                        e.exemption().until(),
                        Yuan.of(e.exemption().payableFen()),
                        e.exemption().reason(),
                        e.recordedBy()))
            .toList());
  }

  @GetMapping("/members/{memberId}/amount")
  @Operation(
      summary = "What a member owes for a month, with the clause of the regulation behind it")
  Due amount(
      @PathVariable long memberId,
      @RequestParam(required = false) @Nullable YearMonth month,
      Locale locale) {
    return due(dues.amountFor(memberId, month == null ? dues.latestMonth() : month), locale);
  }

  @PostMapping("/members/{memberId}/payments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Records a month's dues paid; refused (400, with the reason) before the member's first"
              + " month, dated after today, beyond the current quarter, twice, or below the due")
  Month pay(@PathVariable long memberId, @RequestBody PaymentRequest request, Locale locale) {
    if (request.month() == null || request.amount() == null || request.paidOn() == null) {
      throw new InvalidValueException("dues.payment.incomplete");
    }
    dues.recordPayment(memberId, request.month(), Yuan.fen(request.amount()), request.paidOn());
    // As the ledger stands on the day of the payment, which may be after the month.
    YearMonth asOf = YearMonth.from(request.paidOn());
    YearMonth through = asOf.isAfter(request.month()) ? asOf : request.month();
    return dues.ledger(memberId, through).months().stream()
        .filter(m -> m.month().equals(request.month()))
        .findFirst()
        .map(m -> month(m, locale))
        .orElseThrow();
  }

  @PostMapping("/members/{memberId}/exemptions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Records an approved exemption (免交) or reduction (少交) of a member's dues")
  Exemption exempt(@PathVariable long memberId, @RequestBody ExemptionRequest request) {
    if (request.from() == null
        || request.until() == null
        || request.payable() == null
        || request.reason() == null) {
      throw new InvalidValueException("dues.exemption.incomplete");
    }
    long id =
        dues.recordExemption(
            memberId,
            request.from(),
            request.until(),
            Yuan.fen(request.payable()),
            request.reason());
    return new Exemption(
        id,
        request.from(),
        request.until(),
        request.payable(),
        request.reason().strip(),
        dues.ledger(memberId, request.until()).exemptions().stream()
            .filter(e -> e.id() == id)
            .findFirst()
            .orElseThrow()
            .recordedBy());
  }

  private OrganizationView organization(@Nullable Long org) {
    if (org == null) {
      return organizations.roots().stream()
          .findFirst()
          .orElseThrow(() -> new OrganizationNotFoundException(0));
    }
    return organizations.find(org).orElseThrow(() -> new OrganizationNotFoundException(org));
  }

  private static Figures figures(Dues.ArrearsFigures f) {
    return new Figures(
        f.organization().id(),
        f.organization().name(),
        f.inArrears(),
        Yuan.of(f.fen()),
        f.lapsed());
  }

  private Month month(Dues.MonthView m, Locale locale) {
    return new Month(
        m.month(),
        m.state(),
        due(m.due(), locale),
        m.payment() == null ? null : m.payment().paidOn(),
        m.payment() == null ? null : Yuan.of(m.payment().fen()));
  }

  private Due due(MonthlyDues d, Locale locale) {
    return new Due(
        d.month(),
        Yuan.of(d.fen()),
        d.clause().name(),
        d.clause().reference(),
        text(d.messageKey(), d.arguments(), locale));
  }

  private String text(String key, Object[] arguments, Locale locale) {
    return messages.getMessage(key, arguments, key, locale);
  }
}
