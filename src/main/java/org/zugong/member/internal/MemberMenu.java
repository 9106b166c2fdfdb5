package org.zugong.member.internal;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.zugong.member.Members;
import org.zugong.platform.HomeFigure;
import org.zugong.platform.HomeFigures;
import org.zugong.platform.MenuItem;
import org.zugong.shared.Role;

/** The member module's menu entries and home figure. */
@Configuration(proxyBeanMethods = false)
class MemberMenu {

  static final Set<Role> STAFF =
      Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.BRANCH_SECRETARY);

  @Bean
  MenuItem membersMenuItem() {
    return new MenuItem("menu.section.party", "menu.members", "/members", 110, STAFF);
  }

  @Bean
  MenuItem statisticsMenuItem() {
    return new MenuItem(
        "menu.section.party", "menu.member-statistics", "/members/statistics", 120, STAFF);
  }

  @Component
  static class Figures implements HomeFigures {
    private final Members members;

    Figures(Members members) {
      this.members = members;
    }

    @Override
    public List<HomeFigure> figures() {
      return List.of(new HomeFigure("home.figure.members", members.countCurrent(), "/members", 2));
    }
  }
}
