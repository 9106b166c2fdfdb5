package org.zugong.talent.internal;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;
import org.zugong.talent.Talents;

/** The talent module's menu entries and home figures. */
@Configuration(proxyBeanMethods = false)
class TalentMenu {

  @Bean
  MenuItem talentsMenuItem() {
    return new MenuItem(
        "menu.section.talent",
        "menu.talents",
        "/talents",
        210,
        Set.of(
            Role.CITY_ADMIN,
            Role.DISTRICT_ADMIN,
            Role.TOWN_ADMIN,
            Role.INSTITUTION_OFFICER,
            Role.TALENT));
  }

  @Bean
  MenuItem policiesMenuItem() {
    return new MenuItem(
        "menu.section.talent",
        "menu.talent-policies",
        "/policies",
        220,
        Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.INSTITUTION_OFFICER));
  }

  private static final Set<Role> OFFICERS =
      Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.INSTITUTION_OFFICER);

  @Bean
  MenuItem programsMenuItem() {
    return new MenuItem(
        "menu.section.talent", "menu.talent-programs", "/talent-programs", 230, OFFICERS);
  }

  @Bean
  MenuItem housingMenuItem() {
    return new MenuItem(
        "menu.section.talent", "menu.talent-housing", "/talent-housing", 240, OFFICERS);
  }

  @Bean
  MenuItem financeMenuItem() {
    return new MenuItem(
        "menu.section.talent", "menu.talent-finance", "/talent-finance", 250, OFFICERS);
  }

  @Bean
  MenuItem mapMenuItem() {
    return new MenuItem("menu.section.talent", "menu.talent-map", "/talent-map", 260, OFFICERS);
  }

  @Component
  static class Figures implements HomeFigures {
    private final Talents talents;

    Figures(Talents talents) {
      this.talents = talents;
    }

    @Override
    public List<HomeFigure> figures() {
      return List.of(
          new HomeFigure("home.figure.talents", talents.count(false), "/talents", 20),
          new HomeFigure("home.figure.certified-talents", talents.count(true), "/talents", 21));
    }
  }
}
