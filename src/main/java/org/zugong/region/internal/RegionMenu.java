package org.zugong.region.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;

/** The region module's menu entry. */
@Configuration(proxyBeanMethods = false)
class RegionMenu {

  @Bean
  MenuItem regionMenuItem() {
    return new MenuItem("menu.section.basic", "menu.regions", "/regions", 200, Set.of());
  }
}
