package org.zugong.review.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;

/** The cockpit and the year-in-review in the left menu. */
@Configuration(proxyBeanMethods = false)
class ReviewMenu {

  static final Set<Role> STAFF =
      Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.BRANCH_SECRETARY);

  @Bean
  MenuItem cockpitMenuItem() {
    return new MenuItem("menu.section.overview", "menu.cockpit", "/cockpit", 10, STAFF);
  }

  @Bean
  MenuItem reviewMenuItem() {
    return new MenuItem("menu.section.overview", "menu.review", "/review", 20, STAFF);
  }
}
