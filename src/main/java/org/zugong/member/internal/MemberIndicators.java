package org.zugong.member.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.GrowthIndicator;
import org.zugong.platform.Indicator;
import org.zugong.platform.Indicator.Measure;
import org.zugong.platform.SqlIndicator;

/**
 * The member module's figures: members on the rolls, admitted, of the new employment groups, mobile
 * and placed, transfers completed and dues collected, each over its own records.
 *
 * <p>A member is on the rolls on a day when they had joined by then and had not left: members
 * removed or deceased count until the day of that event. Members are counted where their
 * relationship is held today.
 */
@Configuration(proxyBeanMethods = false)
class MemberIndicators {

  private static final String ON_ROLLS =
      " member m where starts_with(m.scope_path, :under) and m.joined_on <= :until"
          + " and (m.status not in ('REMOVED', 'DECEASED') or exists (select 1 from member_event e"
          + " where e.member_id = m.id and e.kind in ('STATUS_REMOVED', 'STATUS_DECEASED')"
          + " and e.effective_on > :until))";

  private static SqlIndicator.Builder members(String key, Measure measure, String from) {
    return SqlIndicator.builder(key, measure)
        .from(from)
        .column("member.column.name", "m.name")
        .translatedColumn("member.column.gender", "'person.gender.' || m.gender")
        .translatedColumn("member.column.stage", "'member.stage.' || m.stage")
        .column("member.column.joined-on", "m.joined_on")
        .column(
            "member.column.organization",
            "(select o.name from organization o where o.id = m.organization_id)")
        .link("'/members/' || m.id")
        .orderBy("m.scope_path, m.id");
  }

  @Bean
  Indicator membersOnRollsIndicator(JdbcClient jdbc) {
    return members("member.count", Measure.STOCK, ON_ROLLS).order(20).keyFigure().build(jdbc);
  }

  @Bean
  Indicator probationaryMembersIndicator(JdbcClient jdbc) {
    return members(
            "member.probationary",
            Measure.STOCK,
            ON_ROLLS + " and (m.full_on is null or m.full_on > :until)")
        .order(21)
        .build(jdbc);
  }

  @Bean
  Indicator membersAdmittedIndicator(JdbcClient jdbc) {
    return members(
            "member.admitted",
            Measure.FLOW,
            " member m where starts_with(m.scope_path, :under)"
                + " and m.joined_on between :from and :until")
        .order(22)
        .keyFigure()
        .build(jdbc);
  }

  @Bean
  Indicator admissionsGrowthIndicator(JdbcClient jdbc) {
    return new GrowthIndicator("member.admitted_growth_pct", membersAdmittedIndicator(jdbc), 24);
  }

  @Bean
  Indicator newEmploymentMembersIndicator(JdbcClient jdbc) {
    return members(
            "member.new_employment",
            Measure.STOCK,
            ON_ROLLS + " and m.new_employment_group is not null")
        .order(23)
        .keyFigure()
        .build(jdbc);
  }

  /** Periods of mobility under way on a day: found by then, not yet home. */
  private static final String MOBILE =
      " member_mobile mm where starts_with(mm.scope_path, :under) and mm.found_on <= :until"
          + " and (mm.returned_on is null or mm.returned_on > :until)";

  private static SqlIndicator.Builder mobile(String key, String from) {
    return SqlIndicator.builder(key, Measure.STOCK)
        .from(from)
        .column("mobile.column.name", "mm.member_name")
        .column("mobile.column.organization", "mm.organization_name")
        .column("mobile.column.place", "mm.current_place")
        .column("mobile.column.found-on", "mm.found_on")
        .link("'/mobile-members/' || mm.id")
        .orderBy("mm.scope_path, mm.id");
  }

  @Bean
  Indicator mobileMembersIndicator(JdbcClient jdbc) {
    return mobile("member.mobile", MOBILE).order(30).keyFigure().build(jdbc);
  }

  @Bean
  Indicator mobileMembersPlacedIndicator(JdbcClient jdbc) {
    return mobile(
            "member.mobile_placed",
            MOBILE
                + " and exists (select 1 from member_mobile_placement p where p.mobile_id = mm.id"
                + " and p.placed_on <= :until and (p.ended_on is null or p.ended_on > :until))")
        .order(31)
        .build(jdbc);
  }

  @Bean
  Indicator transfersCompletedIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("member.transfers_completed", Measure.FLOW)
        .from(
            " member_transfer t where starts_with(t.scope_path, :under)"
                + " and t.state in ('ACCEPTED', 'RECEIPT_RETURNED')"
                + " and t.last_step_on between :from and :until")
        .column("transfer.column.member", "t.member_name")
        .translatedColumn("transfer.column.kind", "'transfer.kind.' || t.kind")
        .column("transfer.column.source", "t.source_name")
        .column("transfer.column.target", "t.target_name")
        .column("transfer.column.date", "t.last_step_on")
        .link("'/transfers/' || t.id")
        .orderBy("t.last_step_on, t.id")
        .order(40)
        .build(jdbc);
  }

  @Bean
  Indicator duesCollectedIndicator(JdbcClient jdbc) {
    return SqlIndicator.builder("member.dues_collected", Measure.FLOW)
        .aggregate("sum(p.fen) / 100.0")
        .from(
            " member_dues_payment p where starts_with(p.scope_path, :under)"
                + " and p.paid_on between :from and :until")
        .column("member.column.name", "(select m.name from member m where m.id = p.member_id)")
        .column("dues.column.period", "to_char(p.for_month, 'YYYY-MM')")
        .column("dues.column.amount", "to_char(p.fen / 100.0, 'FM999999990.00')")
        .column("indicator.column.paid-on", "p.paid_on")
        .link("'/dues/members/' || p.member_id")
        .orderBy("p.paid_on, p.member_id, p.for_month")
        .order(41)
        .build(jdbc);
  }
}
