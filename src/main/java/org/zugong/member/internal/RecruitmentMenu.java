package org.zugong.member.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;

/** The recruitment entry of the left menu: the to-do list of recruitment steps. */
@Configuration(proxyBeanMethods = false)
class RecruitmentMenu {

  @Bean
  MenuItem recruitmentMenuItem() {
    return new MenuItem(
        "menu.section.party", "recruitment.menu", "/recruitments", 150, MemberMenu.STAFF);
  }
}
