package org.zugong.platform;

import java.util.Locale;
import java.util.Set;
import org.zugong.shared.Role;

/** What the page frame needs to know of the signed-in user; implemented by the identity module. */
public interface ZugongPrincipal extends CurrentScope {

  long accountId();

  String username();

  String displayName();

  /** The name of the scope's node, e.g. 海曙区. */
  String scopeName();

  Set<Role> roles();

  Locale locale();
}
