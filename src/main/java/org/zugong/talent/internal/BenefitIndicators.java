package org.zugong.talent.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.Indicator;
import org.zugong.platform.Indicator.Measure;
import org.zugong.platform.SqlIndicator;

/** The figures of benefits: uses of 码上秒享, counted from the record of each page opened. */
@Configuration(proxyBeanMethods = false)
class BenefitIndicators {

  @Bean
  org.zugong.platform.MenuItem benefitRunsMenuItem() {
    return new org.zugong.platform.MenuItem(
        "menu.section.talent",
        "menu.benefit-runs",
        "/benefit-runs",
        230,
        java.util.Set.of(
            org.zugong.shared.Role.CITY_ADMIN,
            org.zugong.shared.Role.DISTRICT_ADMIN,
            org.zugong.shared.Role.TOWN_ADMIN));
  }

  @Bean
  Indicator instantServiceUsesIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("benefit.instant_service_uses", Measure.FLOW)
        .from(
            " instant_service_use u where starts_with(u.scope_path, :under)"
                + " and u.used_at >= cast(:from as date) and u.used_at < cast(:after as date)")
        .column("benefit.column.used-at", "to_char(u.used_at, 'YYYY-MM-DD HH24:MI')")
        .column("talent.column.name", "(select t.name from talent t where t.id = u.talent_id)")
        .link("'/talents/' || u.talent_id")
        .orderBy("u.used_at, u.talent_id")
        .order(60)
        .build(jdbc);
  }
}
