package org.zugong.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.PersonalDataCipher;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.region.Regions;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.PersonalDataRevealed;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;

/**
 * Account management, split by 三员分立: the system administrator opens, disables, unlocks and resets
 * accounts; the security administrator assigns roles and scopes. Every change is published for the
 * audit with its old and new values; an ID number is revealed only on request, and audited.
 */
@Service
@Transactional
public class Accounts {

  private static final String SELECT =
      """
      select a.id, a.username, a.display_name, a.scope_code, a.scope_path, a.enabled, a.locked_until,
             a.id_number_masked, a.demo,
             coalesce((select string_agg(role, ',') from identity_account_role x where x.account_id = a.id), '') as roles
      from identity_account a
      """;

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final PersonalDataCipher cipher;
  private final Regions regions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Accounts(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      PersonalDataCipher cipher,
      Regions regions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.cipher = cipher;
    this.regions = regions;
    this.events = events;
    this.clock = clock;
  }

  /** A page of accounts within the caller's scope, optionally below one region. */
  public record Query(String text, @Nullable String scopeCode, int page, int size) {}

  public record Page(List<AccountView> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
  @Transactional(readOnly = true)
  public Page list(Query query) {
    String text = query.text().trim();
    String idIndex = null;
    if (text.length() == 18) {
      try {
        idIndex = cipher.blindIndex(new IdCardNumber(text).value());
      } catch (InvalidValueException ignored) {
        // Not an ID number: search names only.
      }
    }
    String under = null;
    if (query.scopeCode() != null) {
      under = regions.pathOf(query.scopeCode()).map(ScopePath::value).orElse("~");
    }
    String where =
        " where (:text = '' or a.username like :like or a.display_name like :like"
            + " or a.id_number_index = :idIndex)"
            + " and (cast(:under as text) is null or starts_with(a.scope_path, cast(:under as text)))";
    String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    long total =
        jdbc.sql("select count(*) from identity_account a" + where)
            .param("text", text)
            .param("like", like)
            .param("idIndex", idIndex)
            .param("under", under)
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql(SELECT + where + " order by a.scope_path, a.username limit :size offset :offset")
            .param("text", text)
            .param("like", like)
            .param("idIndex", idIndex)
            .param("under", under)
            .param("size", query.size())
            .param("offset", (long) query.page() * query.size())
            .query(Accounts::row)
            .list();
    return new Page(views(rows), query.page(), query.size(), total);
  }

  @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
  @Transactional(readOnly = true)
  public AccountView get(long id) {
    return views(List.of(load(id))).getFirst();
  }

  /**
   * Opens an account in the administrator's own scope, without roles: those come from the security
   * administrator.
   */
  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  public long create(NewAccount form) {
    ZugongPrincipal me = me();
    String username = form.username().trim().toLowerCase(Locale.ROOT);
    if (!username.matches("[a-z][a-z0-9_.-]{2,31}")) {
      throw new InvalidValueException("account.invalid.username");
    }
    if (form.displayName().isBlank()) {
      throw new InvalidValueException("account.invalid.display-name");
    }
    PasswordPolicy.firstBrokenRule(form.password(), username)
        .ifPresent(
            key -> {
              throw new InvalidValueException(key);
            });
    IdCardNumber idNumber =
        form.idNumber() == null || form.idNumber().isBlank()
            ? null
            : new IdCardNumber(form.idNumber());
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  insert into identity_account (username, display_name, password_hash, scope_code, scope_path,
                    id_number_cipher, id_number_index, id_number_masked, created_at, updated_at)
                  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                  """)
              .params(
                  username,
                  form.displayName().trim(),
                  passwords.encode(form.password()),
                  me.scopePath().leaf(),
                  me.scopePath().value(),
                  idNumber == null ? null : cipher.encrypt(idNumber.value()),
                  idNumber == null ? null : cipher.blindIndex(idNumber.value()),
                  idNumber == null ? null : idNumber.masked(),
                  now,
                  now)
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw new InvalidValueException("account.invalid.username-taken", username);
    }
    Map<String, Change> changes = new HashMap<>();
    changes.put("username", new Change(null, username));
    changes.put("displayName", new Change(null, form.displayName().trim()));
    changes.put("scope", new Change(null, me.scopePath().leaf()));
    if (idNumber != null) {
      changes.put("idNumber", new Change(null, idNumber.masked()));
    }
    events.publishEvent(
        new RecordChanged("account", Long.toString(id), "create", me.scopePath().value(), changes));
    return id;
  }

  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  public void setEnabled(long id, boolean enabled) {
    Row before = load(id);
    refuseOtherAdministrator(before);
    jdbc.sql("update identity_account set enabled = ?, updated_at = ? where id = ?")
        .params(enabled, OffsetDateTime.now(clock), id)
        .update();
    changed(
        before,
        "update",
        Map.of(
            "enabled", new Change(Boolean.toString(before.enabled()), Boolean.toString(enabled))));
  }

  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  public void unlock(long id) {
    Row before = load(id);
    jdbc.sql(
            "update identity_account set locked_until = null, failed_attempts = 0, updated_at = ? where id = ?")
        .params(OffsetDateTime.now(clock), id)
        .update();
    changed(
        before,
        "unlock",
        Map.of("lockedUntil", new Change(String.valueOf(before.lockedUntil()), null)));
  }

  @PreAuthorize("hasRole('SYSTEM_ADMIN')")
  public void resetPassword(long id, String password) {
    Row before = load(id);
    refuseOtherAdministrator(before);
    PasswordPolicy.firstBrokenRule(password, before.username())
        .ifPresent(
            key -> {
              throw new InvalidValueException(key);
            });
    jdbc.sql("update identity_account set password_hash = ?, updated_at = ? where id = ?")
        .params(passwords.encode(password), OffsetDateTime.now(clock), id)
        .update();
    changed(before, "reset-password", Map.of("password", new Change("******", "******")));
  }

  /**
   * Sets an account's roles and scope; the scope must lie within the security administrator's own.
   */
  @PreAuthorize("hasRole('SECURITY_ADMIN')")
  public void assign(long id, Set<Role> roles, String scopeCode) {
    Row before = load(id);
    RoleAssignmentPolicy.check(me().accountId(), id, roles).orThrow();
    ScopePath path =
        regions
            .pathOf(scopeCode)
            .orElseThrow(() -> new InvalidValueException("account.invalid.scope", scopeCode));
    jdbc.sql("delete from identity_account_role where account_id = ?").param(id).update();
    for (Role role : roles) {
      jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)")
          .params(id, role.name())
          .update();
    }
    jdbc.sql(
            "update identity_account set scope_code = ?, scope_path = ?, updated_at = ? where id = ?")
        .params(scopeCode, path.value(), OffsetDateTime.now(clock), id)
        .update();
    Map<String, Change> changes = new HashMap<>();
    String oldRoles =
        String.join(",", new TreeSet<>(before.roles().stream().map(Role::name).toList()));
    String newRoles = String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
    if (!oldRoles.equals(newRoles)) {
      changes.put("roles", new Change(oldRoles, newRoles));
    }
    if (!before.scopeCode().equals(scopeCode)) {
      changes.put("scope", new Change(before.scopeCode(), scopeCode));
    }
    if (!changes.isEmpty()) {
      events.publishEvent(
          new RecordChanged("account", Long.toString(id), "assign", path.value(), changes));
    }
  }

  /**
   * Narrows an account's scope to a node below the one it has, kept by another module: an
   * institution's node for its officers, a talent's own leaf for the talent's account. The region
   * stays the account's named scope; the scope is never widened this way.
   */
  public void narrowScope(String username, ScopePath narrower) {
    Row before =
        jdbc.sql(SELECT + " where a.username = ?")
            .param(username)
            .query(Accounts::row)
            .optional()
            .orElseThrow(() -> new InvalidValueException("account.invalid.scope", username));
    if (!new ScopePath(before.scopePath()).contains(narrower)) {
      throw new InvalidValueException("account.invalid.scope", narrower.value());
    }
    jdbc.sql("update identity_account set scope_path = ?, updated_at = ? where id = ?")
        .params(narrower.value(), OffsetDateTime.now(clock), before.id())
        .update();
    changed(
        before,
        "narrow-scope",
        Map.of("scopePath", new Change(before.scopePath(), narrower.value())));
  }

  /** The account holder's ID number in full; the view is audited. */
  @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
  public @Nullable String revealIdNumber(long id) {
    Row row = load(id);
    byte[] sealed =
        jdbc.sql("select id_number_cipher from identity_account where id = ?")
            .param(id)
            .query((rs, n) -> rs.getBytes(1))
            .optional()
            .orElse(null);
    if (sealed == null) {
      return null;
    }
    events.publishEvent(
        new PersonalDataRevealed("account", Long.toString(id), "idNumber", row.scopePath()));
    return cipher.decrypt(sealed);
  }

  private void refuseOtherAdministrator(Row target) {
    if (target.id() != me().accountId()
        && (target.roles().contains(Role.SECURITY_ADMIN)
            || target.roles().contains(Role.AUDITOR))) {
      throw new InvalidValueException("account.rule.other-admin");
    }
  }

  private void changed(Row before, String action, Map<String, Change> changes) {
    events.publishEvent(
        new RecordChanged(
            "account", Long.toString(before.id()), action, before.scopePath(), changes));
  }

  private Row load(long id) {
    return jdbc.sql(SELECT + " where a.id = ?")
        .param(id)
        .query(Accounts::row)
        .optional()
        .orElseThrow(() -> new AccountNotFoundException(id));
  }

  private List<AccountView> views(List<Row> rows) {
    Set<String> codes = new HashSet<>();
    rows.forEach(r -> codes.add(r.scopeCode()));
    Map<String, String> names = regions.names(codes);
    List<AccountView> views = new ArrayList<>();
    for (Row r : rows) {
      views.add(
          new AccountView(
              r.id(),
              r.username(),
              r.displayName(),
              r.scopeCode(),
              names.getOrDefault(r.scopeCode(), r.scopeCode()),
              r.roles(),
              r.enabled(),
              r.lockedUntil() == null ? null : r.lockedUntil().toInstant(),
              r.idNumberMasked(),
              r.demo()));
    }
    return views;
  }

  private static ZugongPrincipal me() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ZugongPrincipal p) {
      return p;
    }
    throw new IllegalStateException("No signed-in user");
  }

  private record Row(
      long id,
      String username,
      String displayName,
      String scopeCode,
      String scopePath,
      Set<Role> roles,
      boolean enabled,
      @Nullable Timestamp lockedUntil,
      @Nullable String idNumberMasked,
      boolean demo) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : rs.getString("roles").split(",")) {
      if (!r.isEmpty()) {
        roles.add(Role.valueOf(r));
      }
    }
    return new Row(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("scope_code"),
        rs.getString("scope_path"),
        roles,
        rs.getBoolean("enabled"),
        rs.getTimestamp("locked_until"),
        rs.getString("id_number_masked"),
        rs.getBoolean("demo"));
  }
}
