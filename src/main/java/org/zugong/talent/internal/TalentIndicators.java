package org.zugong.talent.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.Indicator;
import org.zugong.platform.Indicator.Measure;
import org.zugong.platform.SqlIndicator;

/**
 * The talent module's figures of the review, each counted from its records: the articles of the
 * general policy and its supporting policies, the kinds of the "10+10" direct track, the
 * institutions given self-management, the think tank and the talent housing built.
 *
 * <p>Standing figures (policies, kinds, institutions, members) count what stands at the end of the
 * period; housing counts the units built during it.
 */
@Configuration(proxyBeanMethods = false)
class TalentIndicators {

  /** The published version of the general policy in force at the end of the period. */
  private static final String GENERAL_VERSION_IN_FORCE =
      " talent_policy_version v join talent_policy p on p.id = v.policy_id"
          + " where p.kind = 'GENERAL' and v.status = 'PUBLISHED' and v.effective_from <= :until"
          + " and (v.effective_to is null or v.effective_to >= :until)";

  @Bean
  Indicator generalPolicyArticlesIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("talent.general_policy_articles", Measure.STOCK)
        .from(
            " talent_policy_article a join talent_policy_version v on v.id = a.policy_version_id"
                + " join talent_policy p on p.id = v.policy_id"
                + " where starts_with(a.scope_path, :under) and v.id in (select v.id from"
                + GENERAL_VERSION_IN_FORCE
                + ")")
        .column("talent.column.policy", "p.name_zh")
        .column("talent.column.article", "a.number")
        .column("talent.column.article-title", "a.title_zh")
        .link("'/policies/' || p.code || '/versions/' || v.version")
        .orderBy("p.code, a.number")
        .order(10)
        .build(jdbc);
  }

  @Bean
  Indicator supportingPoliciesIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("talent.supporting_policies", Measure.STOCK)
        .from(
            " talent_supporting_policy s join talent_policy p on p.id = s.general_policy_id"
                + " where starts_with(s.scope_path, :under) and s.issued_on <= :until"
                + " and (s.repealed_on is null or s.repealed_on > :until)")
        .column("talent.column.supporting-policy", "s.name_zh")
        .column("talent.column.issuer", "s.issuer")
        .column("talent.column.issued-on", "s.issued_on")
        .column("talent.column.policy", "p.name_zh")
        .link(
            "'/policies/' || s.rules_policy_code || '/versions/' || (select max(rv.version)"
                + " from talent_policy_version rv join talent_policy rp on rp.id = rv.policy_id"
                + " where rp.code = s.rules_policy_code)")
        .orderBy("s.issued_on, s.id")
        .order(11)
        .build(jdbc);
  }

  private static SqlIndicator.Builder track(String key, String track) {
    // The "10+10" kinds are rules of the city's policy, the same for every part of the tree.
    return SqlIndicator.builder(key, Measure.STOCK)
        .from(" talent_direct_track d where d.track = '" + track + "'")
        .column("talent.column.direct-track-code", "d.code")
        .column("talent.column.direct-track-kind", "d.name_zh")
        .translatedColumn("talent.column.tier", "'talent.tier.' || d.tier")
        .orderBy("d.sort");
  }

  @Bean
  Indicator directCertificationKindsIndicator(JdbcClient jdbc) {
    return track("talent.direct_certification_kinds", "DIRECT_CERTIFICATION").order(12).build(jdbc);
  }

  @Bean
  Indicator directFinalReviewKindsIndicator(JdbcClient jdbc) {
    return track("talent.direct_final_review_kinds", "FINAL_REVIEW").order(13).build(jdbc);
  }

  @Bean
  Indicator selfManagingInstitutionsIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("talent.self_managing_institutions", Measure.STOCK)
        .from(
            " talent_institution i where starts_with(i.scope_path, :under)"
                + " and i.self_managing_from <= :until")
        .column("talent.column.institution", "i.name")
        .column("talent.column.quota", "i.quota")
        .column("talent.column.self-managing-from", "i.self_managing_from")
        .orderBy("i.code")
        .order(14)
        .build(jdbc);
  }

  @Bean
  Indicator thinkTankMembersIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("talent.think_tank_members", Measure.STOCK)
        .from(
            " talent_think_tank_member m where starts_with(m.scope_path, :under)"
                + " and m.appointed_on <= :until and (m.ended_on is null or m.ended_on > :until)")
        .column("talent.column.name", "m.name")
        .translatedColumn("talent.column.think-tank-category", "'talent.think-tank.' || m.category")
        .column("talent.column.affiliation", "m.affiliation")
        .column("talent.column.appointed-on", "m.appointed_on")
        .link("'/talent-programs/think-tank'")
        .orderBy("m.category, m.id")
        .order(15)
        .build(jdbc);
  }

  @Bean
  Indicator housingAreaIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("talent.housing_area_m2", Measure.FLOW)
        .aggregate("sum(u.area_m2)")
        .from(
            " talent_housing_unit u where starts_with(u.scope_path, :under)"
                + " and u.built_on between :from and :until")
        .column("talent.column.housing-project", "u.project")
        .column("talent.column.housing-unit", "u.unit_no")
        .column("talent.column.area", "to_char(u.area_m2, 'FM99990.00')")
        .column("talent.column.built-on", "u.built_on")
        .link("'/talent-housing?project=' || u.project")
        .orderBy("u.built_on, u.id")
        .order(17)
        .keyFigure()
        .build(jdbc);
  }
}
