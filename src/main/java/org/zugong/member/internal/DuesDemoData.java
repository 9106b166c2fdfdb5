package org.zugong.member.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zugong.member.dues.DuesCategory;
import org.zugong.member.dues.DuesLedger;
import org.zugong.member.dues.DuesPolicy;
import org.zugong.member.dues.Exemption;
import org.zugong.member.dues.MonthlyDues;
import org.zugong.member.dues.Tariff;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;

/**
 * The dues ledger of 2022: most members pay every month, on the day or by the quarter; about four
 * in a hundred leave a month or the last months of the year unpaid; about a third of the members
 * who lost contact stopped paying in the first half of the year and are flagged under the six-month
 * rule; a few members in hardship have their dues waived or reduced. Each payment passes through
 * the ledger, so the demo keeps the regulation's rules.
 */
@Component
class DuesDemoData implements DemoDataContributor {

  static final YearMonth FIRST = YearMonth.of(2022, 1);
  static final YearMonth LAST = YearMonth.of(2022, 12);
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final String[] WAIVER_REASONS = {"身患重病，生活困难", "家庭遭遇重大变故，生活困难", "享受最低生活保障"};
  private static final String[] REDUCTION_REASONS = {"家庭生活困难", "长期病休，收入减少"};

  record Member(
      long id,
      String path,
      String status,
      LocalDate joinedOn,
      DuesCategory category,
      @Nullable Long incomeFen) {}

  @Override
  public String name() {
    return "member-dues";
  }

  @Override
  public int order() {
    return 45;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    LocalDate today = LocalDate.now(demo.clock());
    DuesPolicy policy = DuesPolicy.REGULATION_2008;
    List<Member> members =
        demo.jdbc()
            .sql(
                "select id, scope_path, status, joined_on, dues_category, monthly_income_fen"
                    + " from member where status in ('NORMAL', 'LOST_CONTACT') order by id")
            .query(
                (rs, n) ->
                    new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        DuesCategory.valueOf(rs.getString(5)),
                        rs.getObject(6, Long.class)))
            .list();
    BulkCopy.Copy payments =
        demo.bulkCopy()
            .into(
                "member_dues_payment",
                List.of(
                    "member_id",
                    "for_month",
                    "paid_on",
                    "fen",
                    "due_fen",
                    "dues_category",
                    "basis_fen",
                    "scope_path",
                    "recorded_by",
                    "recorded_at"));
    BulkCopy.Copy exemptions =
        demo.bulkCopy()
            .into(
                "member_dues_exemption",
                List.of(
                    "member_id",
                    "from_month",
                    "until_month",
                    "payable_fen",
                    "reason",
                    "scope_path",
                    "recorded_by",
                    "recorded_at"));
    for (Member m : members) {
      YearMonth joined = YearMonth.from(m.joinedOn());
      YearMonth first = joined.isAfter(FIRST) ? joined : FIRST;
      if (first.isAfter(LAST)) {
        continue;
      }
      long income = m.incomeFen() == null ? 0 : m.incomeFen();
      boolean proportional = policy.tariffFor(m.category()) instanceof Tariff.Proportional;
      List<Exemption> exempt = new ArrayList<>();
      int hardship = r.nextInt(1000);
      if ((m.category() == DuesCategory.RETIRED || m.category() == DuesCategory.FARMER)
          && hardship < 4) {
        exempt.add(Exemption.waiver(first, LAST, WAIVER_REASONS[r.nextInt(WAIVER_REASONS.length)]));
      } else if (m.category() == DuesCategory.SALARIED && hardship < 3) {
        exempt.add(
            Exemption.reduction(
                first, LAST, 500, REDUCTION_REASONS[r.nextInt(REDUCTION_REASONS.length)]));
      }
      for (Exemption e : exempt) {
        exemptions.row(
            m.id(),
            e.from().atDay(1),
            e.until().atDay(1),
            e.payableFen(),
            e.reason(),
            m.path(),
            "demo",
            e.from().atDay(1).minusDays(5).atTime(10, 0).atOffset(CHINA));
      }
      Set<YearMonth> unpaid = new HashSet<>();
      boolean stopped = m.status().equals("LOST_CONTACT") && r.nextInt(10) < 3;
      boolean behind = r.nextInt(100) < 4;
      if (stopped) {
        // Stopped paying at some month of the first half: six or more months unpaid by December.
        YearMonth stop = FIRST.plusMonths(r.nextInt(6));
        for (YearMonth k = stop; !k.isAfter(LAST); k = k.plusMonths(1)) {
          unpaid.add(k);
        }
      } else if (behind) {
        if (r.nextInt(10) < 7) {
          int months = 1 + r.nextInt(3);
          for (int i = 0; i < months; i++) {
            unpaid.add(LAST.minusMonths(i));
          }
        } else {
          unpaid.add(FIRST.plusMonths(r.nextInt(12)));
        }
      }
      boolean quarterly = r.nextInt(100) < 35;
      boolean generous = r.nextInt(100) < 8;
      DuesLedger ledger = new DuesLedger(first);
      for (YearMonth month = first; !month.isAfter(LAST); month = month.plusMonths(1)) {
        if (unpaid.contains(month)) {
          continue;
        }
        MonthlyDues due = policy.amountFor(m.category(), income, month, exempt);
        if (due.fen() == 0) {
          continue;
        }
        YearMonth payMonth = month;
        if (quarterly) {
          YearMonth quarterStart =
              YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
          payMonth = quarterStart.isBefore(first) ? first : quarterStart;
        }
        LocalDate paidOn = payMonth.atDay(5 + r.nextInt(20));
        if (paidOn.isBefore(m.joinedOn())) {
          paidOn = m.joinedOn();
        }
        long fen = generous ? (due.fen() + 99) / 100 * 100 : due.fen();
        ledger.recordPayment(due, fen, paidOn, today).orThrow();
        OffsetDateTime recordedAt = paidOn.atTime(10, 0).atOffset(CHINA);
        payments.row(
            m.id(),
            month.atDay(1),
            paidOn,
            fen,
            due.fen(),
            m.category().name(),
            proportional ? m.incomeFen() : null,
            m.path(),
            "demo",
            recordedAt);
      }
    }
    exemptions.finish();
    payments.finish();
    // Pages join these tables with the members at once; without statistics the planner would take
    // them for nearly empty and loop over a whole table for each member.
    for (String table : List.of("member", "member_dues_payment", "member_dues_exemption")) {
      demo.jdbc().sql("analyze " + table).update();
    }
  }
}
