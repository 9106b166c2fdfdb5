package org.zugong.identity.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;

/** The identity module's menu entry. */
@Configuration(proxyBeanMethods = false)
class IdentityMenu {

  @Bean
  MenuItem accountsMenuItem() {
    return new MenuItem(
        "menu.section.system",
        "menu.accounts",
        "/accounts",
        900,
        Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN));
  }
}
