package org.zugong.organization.internal;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.zugong.organization.Organizations;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;

/** The organization module's menu entries and home figure. */
@Configuration(proxyBeanMethods = false)
class OrganizationMenu {

  @Bean
  MenuItem organizationsMenuItem() {
    return new MenuItem(
        "menu.section.party",
        "menu.organizations",
        "/organizations",
        100,
        Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.BRANCH_SECRETARY));
  }

  @Bean
  MenuItem organizationImportMenuItem() {
    return new MenuItem(
        "menu.section.party",
        "menu.organization-import",
        "/organization-imports",
        105,
        Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN));
  }

  @Component
  static class Figures implements HomeFigures {
    private final Organizations organizations;

    Figures(Organizations organizations) {
      this.organizations = organizations;
    }

    @Override
    public List<HomeFigure> figures() {
      long total =
          organizations.countByKind(null).values().stream().mapToLong(Long::longValue).sum();
      return List.of(new HomeFigure("home.figure.organizations", total, "/organizations", 1));
    }
  }
}
