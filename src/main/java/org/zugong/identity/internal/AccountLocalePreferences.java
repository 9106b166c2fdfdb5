package org.zugong.identity.internal;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zugong.platform.LocalePreferences;

/** Keeps each user's language with their account. */
@Component
class AccountLocalePreferences implements LocalePreferences {

  private final JdbcClient jdbc;

  AccountLocalePreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void remember(long accountId, Locale locale) {
    jdbc.sql("update identity_account set locale = ? where id = ?")
        .params(locale.toLanguageTag(), accountId)
        .update();
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ZugongUser user) {
      user.locale(locale);
    }
  }
}
