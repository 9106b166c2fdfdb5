package org.zugong.audit.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;

/** The audit module's menu entry. */
@Configuration(proxyBeanMethods = false)
class AuditMenu {

  @Bean
  MenuItem auditMenuItem() {
    return new MenuItem("menu.section.system", "menu.audit", "/audit", 950, Set.of(Role.AUDITOR));
  }
}
