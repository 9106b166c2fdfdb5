package org.zugong.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.zugong.platform.DataScope;

/**
 * Locks an account for 15 minutes after 5 wrong passwords in a row; a success starts the count
 * anew.
 */
@Component
class SignInAttempts {

  static final int MAX_FAILURES = 5;
  static final Duration LOCK = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;

  SignInAttempts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String username = event.getAuthentication().getName().trim().toLowerCase(Locale.ROOT);
    OffsetDateTime now = OffsetDateTime.now(clock);
    DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    update identity_account set
                      failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                      locked_until = case when failed_attempts + 1 >= :max then cast(:until as timestamptz) else locked_until end
                    where username = :username
                    """)
                .param("max", MAX_FAILURES)
                .param("until", now.plus(LOCK))
                .param("username", username)
                .update());
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof ZugongUser user) {
      DataScope.asSystem(
          () ->
              jdbc.sql(
                      "update identity_account set failed_attempts = 0, locked_until = null where id = ?")
                  .param(user.accountId())
                  .update());
    }
  }
}
