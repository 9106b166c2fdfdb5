package org.zugong.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Role;

/** An account as the account pages show it; the ID number only masked. */
public record AccountView(
    long id,
    String username,
    String displayName,
    String scopeCode,
    String scopeName,
    Set<Role> roles,
    boolean enabled,
    @Nullable Instant lockedUntil,
    @Nullable String idNumberMasked,
    boolean demo) {

  public boolean locked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
