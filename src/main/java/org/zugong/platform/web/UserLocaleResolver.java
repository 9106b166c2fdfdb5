package org.zugong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.zugong.platform.LocalePreferences;
import org.zugong.platform.ZugongPrincipal;

/**
 * Chinese unless the user chose otherwise. A signed-in user's choice is stored with the account and
 * comes back at the next sign-in; before sign-in it lives in the session.
 */
class UserLocaleResolver extends SessionLocaleResolver {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

  private final LocalePreferences preferences;

  UserLocaleResolver(LocalePreferences preferences) {
    this.preferences = preferences;
    setDefaultLocale(CHINESE);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Locale session = (Locale) request.getSession(true).getAttribute(LOCALE_SESSION_ATTRIBUTE_NAME);
    if (session != null) {
      return session;
    }
    ZugongPrincipal me = principal();
    return me != null ? supported(me.locale()) : CHINESE;
  }

  @Override
  public void setLocale(
      HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    Locale chosen = supported(locale);
    super.setLocale(request, response, chosen);
    ZugongPrincipal me = principal();
    if (me != null) {
      preferences.remember(me.accountId(), chosen);
    }
  }

  static Locale supported(@Nullable Locale locale) {
    if (locale != null && locale.getLanguage().equals("en")) {
      return Locale.ENGLISH;
    }
    return CHINESE;
  }

  private static @Nullable ZugongPrincipal principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p ? p : null;
  }
}
