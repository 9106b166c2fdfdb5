package org.zugong.platform;

import java.util.Locale;

/** Remembers a user's language. Implemented by the identity module, which owns accounts. */
public interface LocalePreferences {

  void remember(long accountId, Locale locale);
}
