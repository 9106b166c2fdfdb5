package org.zugong.organization.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.Indicator;
import org.zugong.platform.Indicator.Measure;
import org.zugong.platform.SqlIndicator;

/** The organization module's figures: party organizations standing at the end of a period. */
@Configuration(proxyBeanMethods = false)
class OrganizationIndicators {

  /** Organizations below the part of the tree that stood on the period's last day. */
  private static final String STANDING =
      " organization o where starts_with(o.path, :under) and o.established_on <= :until"
          + " and (o.dissolved_on is null or o.dissolved_on > :until)";

  private static SqlIndicator.Builder organizations(String key, String condition) {
    return SqlIndicator.builder(key, Measure.STOCK)
        .from(STANDING + condition)
        .column("organization.column.code", "o.code")
        .column("organization.column.name", "o.name")
        .translatedColumn("organization.column.kind", "'organization.kind.' || o.kind")
        .translatedColumn(
            "organization.column.unit-type", "'organization.unit-type.' || o.unit_type")
        .column("organization.column.established", "o.established_on")
        .link("'/organizations?id=' || o.id")
        .orderBy("o.path, o.id");
  }

  @Bean
  Indicator organizationsStandingIndicator(JdbcClient jdbc) {
    return organizations("organization.count", "").order(10).keyFigure().build(jdbc);
  }

  @Bean
  Indicator branchesStandingIndicator(JdbcClient jdbc) {
    return organizations("organization.branches", " and o.kind in ('BRANCH', 'GENERAL_BRANCH')")
        .order(11)
        .build(jdbc);
  }

  @Bean
  Indicator functionalBranchesStandingIndicator(JdbcClient jdbc) {
    return organizations("organization.functional_branches", " and o.category = 'FUNCTIONAL'")
        .order(12)
        .build(jdbc);
  }

  @Bean
  Indicator organizationsEstablishedIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("organization.established", Measure.FLOW)
        .from(
            " organization o where starts_with(o.path, :under)"
                + " and o.established_on between :from and :until")
        .column("organization.column.code", "o.code")
        .column("organization.column.name", "o.name")
        .translatedColumn("organization.column.kind", "'organization.kind.' || o.kind")
        .column("organization.column.established", "o.established_on")
        .link("'/organizations?id=' || o.id")
        .orderBy("o.established_on, o.id")
        .order(13)
        .build(jdbc);
  }
}
