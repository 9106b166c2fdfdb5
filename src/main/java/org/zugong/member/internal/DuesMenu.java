package org.zugong.member.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.MenuItem;

/** The dues pages in the left menu: a month's dues and the arrears. */
@Configuration(proxyBeanMethods = false)
class DuesMenu {

  @Bean
  MenuItem duesMenuItem() {
    return new MenuItem("menu.section.party", "dues.menu", "/dues", 150, MemberMenu.STAFF);
  }

  @Bean
  MenuItem duesArrearsMenuItem() {
    return new MenuItem(
        "menu.section.party", "dues.menu.arrears", "/dues/arrears", 151, MemberMenu.STAFF);
  }
}
