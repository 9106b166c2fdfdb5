package org.zugong.member.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.zugong.member.Dues;
import org.zugong.member.dues.MonthlyDues;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.shared.InvalidValueException;

/**
 * Dues pages: an organization's dues for a month, member by member, with a dialog to record a
 * payment; the arrears of its subtree by child organization, each figure opening its members; and
 * the ledger a member card shows, with dialogs for payments and exemptions.
 */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')")
class DuesController {

  static final int PAGE_SIZE = 20;

  private final Dues dues;
  private final Organizations organizations;
  private final MessageSource messages;
  private final Clock clock;

  DuesController(Dues dues, Organizations organizations, MessageSource messages, Clock clock) {
    this.dues = dues;
    this.organizations = organizations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/dues")
  String sheet(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable YearMonth month,
      @RequestParam(defaultValue = "false") boolean unpaid,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    YearMonth shown = month == null ? dues.latestMonth() : month;
    OrganizationView selected = navigation(org, model);
    model.addAttribute("month", shown);
    model.addAttribute("unpaid", unpaid);
    if (selected != null) {
      model.addAttribute(
          "sheet", dues.sheet(selected.id(), shown, unpaid, Math.max(0, page), PAGE_SIZE));
    }
    return request.getHeader("HX-Request") != null
        ? "member/dues/month :: table"
        : "member/dues/month";
  }

  @GetMapping("/dues/arrears")
  String arrears(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable YearMonth month,
      Model model) {
    YearMonth shown = month == null ? dues.latestMonth() : month;
    OrganizationView selected = navigation(org, model);
    model.addAttribute("month", shown);
    if (selected != null) {
      model.addAttribute("arrears", dues.arrears(selected.id(), shown));
    }
    return "member/dues/arrears";
  }

  @GetMapping("/dues/arrears/members")
  String debtors(
      @RequestParam(required = false) @Nullable Long org,
      @RequestParam(required = false) @Nullable YearMonth month,
      @RequestParam(defaultValue = "false") boolean lapsed,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    YearMonth shown = month == null ? dues.latestMonth() : month;
    OrganizationView selected = navigation(org, model);
    model.addAttribute("month", shown);
    model.addAttribute("lapsed", lapsed);
    List<Dues.Debtor> all = List.of();
    if (selected != null) {
      all =
          dues.arrears(selected.id(), shown).debtors().stream()
              .filter(d -> lapsed ? d.lapsed() : d.months() > 0)
              .toList();
    }
    int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.clamp(page, 0, pages - 1);
    model.addAttribute(
        "debtors",
        all.subList(current * PAGE_SIZE, Math.min(all.size(), (current + 1) * PAGE_SIZE)));
    model.addAttribute("count", all.size());
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    return "member/dues/debtors";
  }

  /** The ledger of a member card, loaded into the card by its dues section. */
  @GetMapping("/dues/members/{memberId}")
  String ledger(
      @PathVariable long memberId,
      @RequestParam(required = false) @Nullable YearMonth month,
      Model model) {
    YearMonth shown = month == null ? dues.latestMonth() : month;
    model.addAttribute("month", shown);
    model.addAttribute("ledger", dues.ledger(memberId, shown));
    model.addAttribute("current", dues.amountFor(memberId, shown));
    return "member/dues/card :: ledger";
  }

  @GetMapping("/dues/members/{memberId}/payment")
  String paymentDialog(
      @PathVariable long memberId,
      @RequestParam(required = false) @Nullable YearMonth month,
      Model model) {
    YearMonth shown = month == null ? dues.latestMonth() : month;
    MonthlyDues due = dues.amountFor(memberId, shown);
    return paymentModel(
        model, memberId, shown, Yuan.of(due.fen()).toPlainString(), LocalDate.now(clock));
  }

  @PostMapping("/dues/members/{memberId}/payment")
  String pay(
      @PathVariable long memberId,
      @RequestParam YearMonth month,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate paidOn,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    dues.payer(memberId);
    try {
      if (paidOn == null) {
        throw new InvalidValueException("dues.payment.incomplete");
      }
      dues.recordPayment(memberId, month, Yuan.fen(amount), paidOn);
    } catch (InvalidValueException e) {
      model.addAttribute("error", message(e, locale));
      return paymentModel(
          model, memberId, month, amount, paidOn == null ? LocalDate.now(clock) : paidOn);
    }
    // The page that opened the dialog shows the payment when it is loaded again.
    response.setHeader("HX-Refresh", "true");
    return "member/dues/dialogs :: done";
  }

  private String paymentModel(
      Model model, long memberId, YearMonth month, String amount, LocalDate paidOn) {
    model.addAttribute("payer", dues.payer(memberId));
    model.addAttribute("month", month);
    model.addAttribute("due", dues.amountFor(memberId, month));
    model.addAttribute("amount", amount);
    model.addAttribute("paidOn", paidOn);
    model.addAttribute("today", LocalDate.now(clock));
    return "member/dues/dialogs :: payment";
  }

  /** Closes a dialog without doing anything. */
  @GetMapping("/dues/dialog/close")
  String close() {
    return "member/dues/dialogs :: done";
  }

  @GetMapping("/dues/members/{memberId}/exemption")
  String exemptionDialog(@PathVariable long memberId, Model model) {
    YearMonth month = dues.latestMonth();
    return exemptionModel(model, memberId, month, month, "0", "");
  }

  @PostMapping("/dues/members/{memberId}/exemption")
  String exempt(
      @PathVariable long memberId,
      @RequestParam(required = false) @Nullable YearMonth from,
      @RequestParam(required = false) @Nullable YearMonth until,
      @RequestParam(defaultValue = "0") String payable,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    dues.payer(memberId);
    try {
      if (from == null || until == null) {
        throw new InvalidValueException("dues.exemption.incomplete");
      }
      dues.recordExemption(memberId, from, until, Yuan.fen(payable), reason);
    } catch (InvalidValueException e) {
      model.addAttribute("error", message(e, locale));
      YearMonth shown = dues.latestMonth();
      return exemptionModel(
          model,
          memberId,
          from == null ? shown : from,
          until == null ? shown : until,
          payable,
          reason);
    }
    response.setHeader("HX-Refresh", "true");
    return "member/dues/dialogs :: done";
  }

  private String exemptionModel(
      Model model, long memberId, YearMonth from, YearMonth until, String payable, String reason) {
    model.addAttribute("payer", dues.payer(memberId));
    model.addAttribute("from", from);
    model.addAttribute("until", until);
    model.addAttribute("payable", payable);
    model.addAttribute("reason", reason);
    return "member/dues/dialogs :: exemption";
  }

  /**
   * Puts the tree around the selected organization into the model: the organization (the caller's
   * first one if none is asked for), the one above it and those below; returns the selected one.
   */
  private @Nullable OrganizationView navigation(@Nullable Long org, Model model) {
    OrganizationView selected;
    if (org != null) {
      selected = organizations.find(org).orElseThrow(() -> new OrganizationNotFoundException(org));
    } else {
      selected = organizations.roots().stream().findFirst().orElse(null);
    }
    model.addAttribute("org", selected);
    model.addAttribute("booksOpen", dues.booksOpen());
    model.addAttribute("thisMonth", YearMonth.now(clock));
    if (selected != null) {
      model.addAttribute(
          "parent",
          selected.parentId() == null
              ? null
              : organizations.find(selected.parentId()).orElse(null));
      model.addAttribute(
          "children",
          organizations.children(selected.id()).stream()
              .filter(c -> c.kind() != OrganizationKind.GROUP)
              .toList());
    }
    return selected;
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
