package org.zugong.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zugong.platform.DataScope;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.platform.ZugongProperties;
import org.zugong.shared.PersonalDataRevealed;
import org.zugong.shared.RecordChanged;

/**
 * Turns events into audit rows. Writes and reveals are recorded synchronously, in the transaction
 * that made them; sign-ins happen outside any user's scope and are recorded as the system.
 */
@Component
class AuditListeners {

  private final AuditLog log;
  private final ZugongProperties properties;

  AuditListeners(AuditLog log, ZugongProperties properties) {
    this.log = log;
    this.properties = properties;
  }

  @EventListener
  void on(RecordChanged e) {
    Map<String, Object> details = new LinkedHashMap<>();
    e.changes()
        .forEach(
            (field, change) -> {
              Map<String, @Nullable String> pair = new LinkedHashMap<>();
              pair.put("old", change.oldValue());
              pair.put("new", change.newValue());
              details.put(field, pair);
            });
    ZugongPrincipal me = me();
    log.append(
        new AuditLog.Event(
            me == null ? "system" : me.username(),
            me == null ? null : me.accountId(),
            e.action(),
            e.entity(),
            e.entityId(),
            e.scopePath(),
            details));
  }

  @EventListener
  void on(PersonalDataRevealed e) {
    ZugongPrincipal me = me();
    log.append(
        new AuditLog.Event(
            me == null ? "system" : me.username(),
            me == null ? null : me.accountId(),
            "reveal",
            e.entity(),
            e.entityId(),
            e.scopePath(),
            Map.of("field", e.field())));
  }

  @EventListener
  void on(AuthenticationSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof ZugongPrincipal p) {
      DataScope.asSystem(
          () ->
              log.append(
                  new AuditLog.Event(
                      p.username(),
                      p.accountId(),
                      "login",
                      "account",
                      Long.toString(p.accountId()),
                      p.scopePath().value(),
                      Map.of())));
    }
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent e) {
    String attempted = e.getAuthentication().getName();
    String reason = e.getException().getClass().getSimpleName();
    DataScope.asSystem(
        () ->
            log.append(
                new AuditLog.Event(
                    attempted.length() > 64 ? attempted.substring(0, 64) : attempted,
                    null,
                    "login-failure",
                    "account",
                    null,
                    properties.rootScope(),
                    Map.of("reason", reason))));
  }

  @EventListener
  void on(LogoutSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof ZugongPrincipal p) {
      DataScope.asSystem(
          () ->
              log.append(
                  new AuditLog.Event(
                      p.username(),
                      p.accountId(),
                      "logout",
                      "account",
                      Long.toString(p.accountId()),
                      p.scopePath().value(),
                      Map.of())));
    }
  }

  private static @Nullable ZugongPrincipal me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p ? p : null;
  }
}
