package org.zugong.identity.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;

/** The signed-in user: account, roles and scope, as kept in the session. */
public final class ZugongUser implements UserDetails, CredentialsContainer, ZugongPrincipal {

  @Serial private static final long serialVersionUID = 1L;

  private final long accountId;
  private final String username;
  private final String displayName;
  private @Nullable String passwordHash;
  private final ScopePath scopePath;
  private final String scopeName;
  private final Set<Role> roles;
  private final boolean enabled;
  private final @Nullable Instant lockedUntil;
  private final Instant now;
  private Locale locale;

  ZugongUser(
      long accountId,
      String username,
      String displayName,
      String passwordHash,
      ScopePath scopePath,
      String scopeName,
      Set<Role> roles,
      boolean enabled,
      @Nullable Instant lockedUntil,
      Instant now,
      Locale locale) {
    this.accountId = accountId;
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.scopePath = scopePath;
    this.scopeName = scopeName;
    this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    this.enabled = enabled;
    this.lockedUntil = lockedUntil;
    this.now = now;
    this.locale = locale;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return lockedUntil == null || !lockedUntil.isAfter(now);
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public long accountId() {
    return accountId;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public String scopeName() {
    return scopeName;
  }

  @Override
  public Set<Role> roles() {
    return roles;
  }

  @Override
  public ScopePath scopePath() {
    return scopePath;
  }

  @Override
  public Locale locale() {
    return locale;
  }

  void locale(Locale locale) {
    this.locale = locale;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
