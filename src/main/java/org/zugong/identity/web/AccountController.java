package org.zugong.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.identity.AccountView;
import org.zugong.identity.Accounts;
import org.zugong.identity.NewAccount;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.Role;

/**
 * Account management pages: the region tree beside a searchable table, dialogs (loaded by htmx) for
 * opening accounts, assigning roles and resetting passwords.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class AccountController {

  static final int PAGE_SIZE = 20;

  private final Accounts accounts;
  private final Regions regions;
  private final MessageSource messages;
  private final java.time.Clock clock;

  AccountController(
      Accounts accounts, Regions regions, MessageSource messages, java.time.Clock clock) {
    this.accounts = accounts;
    this.regions = regions;
    this.messages = messages;
    this.clock = clock;
  }

  /** The fields of the new-account dialog. */
  record AccountForm(String username, String displayName, String password, String idNumber) {
    static AccountForm empty() {
      return new AccountForm("", "", "", "");
    }
  }

  @GetMapping("/accounts")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String scope,
      @RequestParam(defaultValue = "0") int page,
      jakarta.servlet.http.HttpServletRequest request,
      Model model) {
    model.addAttribute("roots", regions.roots());
    model.addAttribute("treeTarget", "accounts");
    model.addAttribute("treeLink", "/accounts?scope=");
    model.addAttribute("selectedCode", scope);
    model.addAttribute("q", q);
    model.addAttribute("scope", scope);
    model.addAttribute("scopeRegion", scope == null ? null : regions.find(scope).orElse(null));
    model.addAttribute(
        "result", accounts.list(new Accounts.Query(q, scope, Math.max(0, page), PAGE_SIZE)));
    model.addAttribute("now", java.time.Instant.now(clock));
    return request.getHeader("HX-Request") != null
        ? "identity/accounts :: table"
        : "identity/accounts";
  }

  @GetMapping("/accounts/new")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String newDialog(Model model) {
    model.addAttribute("form", AccountForm.empty());
    return "identity/dialogs :: new-account";
  }

  @PostMapping("/accounts")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String create(AccountForm form, Model model, Locale locale, HttpServletResponse response) {
    try {
      accounts.create(
          new NewAccount(form.username(), form.displayName(), form.password(), form.idNumber()));
    } catch (InvalidValueException e) {
      model.addAttribute(
          "form", new AccountForm(form.username(), form.displayName(), "", form.idNumber()));
      model.addAttribute("error", message(e, locale));
      return "identity/dialogs :: new-account";
    }
    response.setHeader(
        "HX-Redirect",
        "/accounts?q="
            + java.net.URLEncoder.encode(form.username(), java.nio.charset.StandardCharsets.UTF_8));
    return "identity/dialogs :: done";
  }

  @GetMapping("/accounts/{id}/roles")
  @PreAuthorize("hasRole('SECURITY_ADMIN')")
  String rolesDialog(@PathVariable long id, Model model) {
    AccountView account = accounts.get(id);
    model.addAttribute("account", account);
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("scopeCode", account.scopeCode());
    return "identity/dialogs :: roles";
  }

  @PostMapping("/accounts/{id}/roles")
  @PreAuthorize("hasRole('SECURITY_ADMIN')")
  String assign(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable List<Role> roles,
      @RequestParam String scopeCode,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    try {
      accounts.assign(id, chosen, scopeCode.trim());
    } catch (InvalidValueException e) {
      model.addAttribute("account", accounts.get(id));
      model.addAttribute("allRoles", Role.values());
      model.addAttribute("scopeCode", scopeCode);
      model.addAttribute("error", message(e, locale));
      return "identity/dialogs :: roles";
    }
    response.setHeader("HX-Refresh", "true");
    return "identity/dialogs :: done";
  }

  @GetMapping("/accounts/{id}/password")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String passwordDialog(@PathVariable long id, Model model) {
    model.addAttribute("account", accounts.get(id));
    return "identity/dialogs :: password";
  }

  @PostMapping("/accounts/{id}/password")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String resetPassword(
      @PathVariable long id,
      @RequestParam String password,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    try {
      accounts.resetPassword(id, password);
    } catch (InvalidValueException e) {
      model.addAttribute("account", accounts.get(id));
      model.addAttribute("error", message(e, locale));
      return "identity/dialogs :: password";
    }
    response.setHeader("HX-Refresh", "true");
    return "identity/dialogs :: done";
  }

  @PostMapping("/accounts/{id}/enabled")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String setEnabled(@PathVariable long id, @RequestParam boolean enabled) {
    accounts.setEnabled(id, enabled);
    return "redirect:/accounts";
  }

  @PostMapping("/accounts/{id}/unlock")
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  String unlock(@PathVariable long id) {
    accounts.unlock(id);
    return "redirect:/accounts";
  }

  @PostMapping("/accounts/{id}/id-number")
  String reveal(@PathVariable long id, Model model) {
    model.addAttribute("idNumber", accounts.revealIdNumber(id));
    return "identity/dialogs :: id-number";
  }

  private String message(InvalidValueException e, Locale locale) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
  }
}
