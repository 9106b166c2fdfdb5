package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.dues.DuesClause;
import org.zugong.member.dues.DuesLedger;
import org.zugong.member.dues.DuesStanding;
import org.zugong.member.dues.DuesStatement;
import org.zugong.member.dues.LedgerMonth;
import org.zugong.member.dues.MonthlyDues;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * Membership dues end to end, through the module's API as a signed-in user against the demo ledger
 * of 2022: the regulation's amounts for stored members, payments refused by the ledger's rules,
 * exemptions, arrears of a subtree and the six-month flag, and the data scope.
 */
class DuesTest extends ZugongTest {

  static final YearMonth DECEMBER = YearMonth.of(2022, 12);
  static final String HAISHU = "/330200/330203/";
  static final String JIANGBEI = "/330200/330205/";

  @Autowired Dues dues;
  @Autowired Members members;
  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;

  /** The first id the query finds, run as the system. */
  long id(String sql) {
    return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).list().getFirst());
  }

  long count(String sql) {
    return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).single());
  }

  long income(long memberId) {
    return count("select monthly_income_fen from member where id = " + memberId);
  }

  /** A member of the path owing dues from January 2022, of the category, without exemptions. */
  String owing(String path, String category) {
    return "select id from member m where starts_with(scope_path, '"
        + path
        + "') and status = 'NORMAL' and joined_on < '2022-01-01'"
        // Members of the demo city only: other tests of the shared context add members of their
        // own.
        + " and created_at = timestamptz '2022-12-31 18:00:00+08' and dues_category = '"
        + category
        + "' and not exists (select 1 from member_dues_exemption e where e.member_id = m.id)";
  }

  /** Members of the path whose only unpaid months of 2022 are exactly the given number. */
  String inArrearsFor(String path, int unpaid) {
    return owing(path, "SALARIED")
        + " and (select count(*) from member_dues_payment p where p.member_id = m.id) = "
        + (12 - unpaid)
        + " order by id";
  }

  long townCommittee(String name) {
    return organizations.search(name, null, null, 0, 1).rows().getFirst().id();
  }

  // ---- amounts ------------------------------------------------------------------------------

  @Test
  void salariedMembersOweTheRateOfTheirBandOnTheWholeIncome() {
    long oneAndAHalf =
        id(owing(HAISHU, "SALARIED") + " and monthly_income_fen between 500001 and 1000000");
    long two = id(owing(HAISHU, "SALARIED") + " and monthly_income_fen > 1000000");
    actAs(DemoAccounts.HAISHU_ADMIN);

    MonthlyDues due = dues.amountFor(oneAndAHalf, DECEMBER);
    assertThat(due.clause()).isEqualTo(DuesClause.SALARIED_RATE);
    assertThat(due.fen()).isEqualTo(percentOf(income(oneAndAHalf), "1.5"));
    assertThat(due.arguments()[1]).isEqualTo(new BigDecimal("1.5"));

    assertThat(dues.amountFor(two, DECEMBER).fen()).isEqualTo(percentOf(income(two), "2"));
  }

  @Test
  void retireesPayOnThePensionAndFarmersAndStudentsTheFlatMinimum() {
    long retiree = id(owing(HAISHU, "RETIRED") + " and monthly_income_fen <= 500000");
    long farmer = id(owing(HAISHU, "FARMER"));
    long student = id(owing("/330200/", "STUDENT"));
    actAs(DemoAccounts.CITY_ADMIN);

    MonthlyDues pension = dues.amountFor(retiree, DECEMBER);
    assertThat(pension.clause()).isEqualTo(DuesClause.RETIRED_RATE);
    assertThat(pension.fen()).isEqualTo(percentOf(income(retiree), "0.5"));
    assertThat(dues.amountFor(farmer, DECEMBER))
        .satisfies(d -> assertThat(d.clause()).isEqualTo(DuesClause.FARMER_FLAT))
        .satisfies(d -> assertThat(d.fen()).isEqualTo(20));
    assertThat(dues.amountFor(student, DECEMBER))
        .satisfies(d -> assertThat(d.clause()).isEqualTo(DuesClause.MINIMUM_FLAT))
        .satisfies(d -> assertThat(d.fen()).isEqualTo(20));
  }

  static long percentOf(long fen, String percent) {
    return BigDecimal.valueOf(fen)
        .multiply(new BigDecimal(percent))
        .movePointLeft(2)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  // ---- exemptions ---------------------------------------------------------------------------

  @Test
  void anApprovedWaiverMakesItsMonthsFreeAndIsAudited() {
    long member = id(owing(HAISHU, "SALARIED") + " order by id desc");
    actAs(DemoAccounts.HAISHU_ADMIN);
    YearMonth from = YearMonth.of(2023, 1);

    long exemption = dues.recordExemption(member, from, from.plusMonths(2), 0, " 重病住院 ");

    MonthlyDues waived = dues.amountFor(member, from.plusMonths(1));
    assertThat(waived.fen()).isZero();
    assertThat(waived.clause()).isEqualTo(DuesClause.EXEMPTED);
    assertThat(waived.arguments()).contains("重病住院");
    assertThat(dues.amountFor(member, from.plusMonths(3)).clause())
        .isEqualTo(DuesClause.SALARIED_RATE);
    assertThat(dues.statement(member, from.plusMonths(2)).months())
        .filteredOn(m -> !m.month().isBefore(from))
        .allMatch(LedgerMonth.NothingDue.class::isInstance);
    assertThat(
            count(
                "select count(*) from audit_event where entity = 'member_dues_exemption'"
                    + " and entity_id = '"
                    + exemption
                    + "' and actor = 'haishu_admin'"))
        .isOne();
  }

  @Test
  void refusesAnExemptionWithoutAReasonOrEndingBeforeItStarts() {
    long member = id(owing(HAISHU, "RETIRED") + " order by id desc");
    actAs(DemoAccounts.HAISHU_ADMIN);
    YearMonth from = YearMonth.of(2023, 1);
    assertThatThrownBy(() -> dues.recordExemption(member, from, from, 0, "  "))
        .hasMessage("dues.exemption.reason-required");
    assertThatThrownBy(() -> dues.recordExemption(member, from, from.minusMonths(1), 0, "困难"))
        .hasMessage("dues.exemption.period-reversed");
    assertThat(count("select count(*) from member_dues_exemption where member_id = " + member))
        .isZero();
  }

  // ---- payments -----------------------------------------------------------------------------

  @Test
  void payingTheUnpaidMonthsTakesAMemberOutOfTheArrearsOfItsSubtree() {
    long member = id(inArrearsFor(HAISHU, 2));
    actAs(DemoAccounts.HAISHU_ADMIN);
    long district = organizations.roots().getFirst().id();
    assertThat(dues.arrears(district, DECEMBER).debtors())
        .anySatisfy(d -> assertThat(d.member().id()).isEqualTo(member));
    DuesStatement before = dues.statement(member, DECEMBER);
    assertThat(before.standing()).isInstanceOf(DuesStanding.InArrears.class);

    for (LedgerMonth.Unpaid unpaid : before.unpaid()) {
      dues.recordPayment(member, unpaid.month(), unpaid.due().fen(), LocalDate.of(2022, 12, 30));
    }

    assertThat(dues.statement(member, DECEMBER).standing())
        .isInstanceOf(DuesStanding.UpToDate.class);
    assertThat(dues.arrears(district, DECEMBER).debtors())
        .noneSatisfy(d -> assertThat(d.member().id()).isEqualTo(member));
    assertThat(
            count(
                "select count(*) from audit_event where entity = 'member_dues_payment'"
                    + " and entity_id like '"
                    + member
                    + "/%'"))
        .isEqualTo(before.arrearsMonths());
  }

  @Test
  void aPaymentMadeAfterTheMonthDoesNotCountInTheArrearsAsTheyStoodThen() {
    long member = id(inArrearsFor(HAISHU, 1));
    actAs(DemoAccounts.HAISHU_ADMIN);
    YearMonth unpaid = dues.statement(member, DECEMBER).unpaid().getFirst().month();

    dues.recordPayment(
        member, unpaid, dues.amountFor(member, unpaid).fen(), LocalDate.of(2023, 1, 10));

    assertThat(dues.statement(member, DECEMBER).arrearsMonths()).isOne();
    assertThat(dues.statement(member, YearMonth.of(2023, 1)).months())
        .filteredOn(m -> m.month().equals(unpaid))
        .singleElement()
        .isInstanceOf(LedgerMonth.Paid.class);
  }

  @Test
  void refusesAPaymentTheLedgerForbidsWithItsReason() {
    long member = id(owing(HAISHU, "SALARIED") + " order by id desc offset 3");
    actAs(DemoAccounts.HAISHU_ADMIN);
    YearMonth paid =
        dues.statement(member, DECEMBER).months().stream()
            .filter(LedgerMonth.Paid.class::isInstance)
            .findFirst()
            .orElseThrow()
            .month();
    long due = dues.amountFor(member, DECEMBER).fen();
    LocalDate today = LocalDate.now();

    assertThatThrownBy(() -> dues.recordPayment(member, paid, due, LocalDate.of(2022, 12, 1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("dues.payment.already-paid");
    assertThatThrownBy(() -> dues.recordPayment(member, YearMonth.of(2021, 12), due, today))
        .hasMessage("dues.payment.before-first-month");
    assertThatThrownBy(() -> dues.recordPayment(member, DECEMBER, due, today.plusDays(1)))
        .hasMessage("dues.payment.future-date");
    assertThatThrownBy(
            () -> dues.recordPayment(member, YearMonth.from(today).plusMonths(3), due, today))
        .hasMessage("dues.payment.too-far-ahead");
    assertThatThrownBy(() -> dues.recordPayment(member, YearMonth.from(today), due - 1, today))
        .hasMessage("dues.payment.short");
  }

  @Test
  void aMemberWhoseMembershipIsStoppedOwesNoDues() {
    long stopped =
        id(
            "select id from member where starts_with(scope_path, '/330200/')"
                + " and status = 'STOPPED' order by id");
    actAs(DemoAccounts.CITY_ADMIN);
    assertThatThrownBy(() -> dues.recordPayment(stopped, DECEMBER, 10_000, LocalDate.now()))
        .hasMessage("dues.payment.not-owing");
    assertThat(count("select count(*) from member_dues_payment where member_id = " + stopped))
        .isZero();
  }

  // ---- arrears ------------------------------------------------------------------------------

  @Test
  void theArrearsOfASubtreeAreExactlyItsMembersWithUnpaidMonthsOrTheFlag() {
    actAs(DemoAccounts.TOWN_ADMIN);
    long town = townCommittee("中共南门街道工作委员会");
    Dues.Arrears arrears = dues.arrears(town, DECEMBER);

    // Judge every member of the town by their own statement, without the database's shortcut.
    List<Long> owing =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member where starts_with(org_path,"
                            + " (select tree_path from organization where id = ?))"
                            + " and status in ('NORMAL', 'LOST_CONTACT') and joined_on < '2023-01-01'")
                    .param(town)
                    .query(Long.class)
                    .list());
    Set<Long> expected = new HashSet<>();
    long fen = 0;
    for (long member : owing) {
      DuesStatement s = dues.statement(member, DECEMBER);
      if (s.arrearsMonths() > 0 || s.standing() instanceof DuesStanding.Lapsed) {
        expected.add(member);
        fen += s.arrearsFen();
      }
    }
    assertThat(arrears.debtors().stream().map(d -> d.member().id()).collect(Collectors.toSet()))
        .isNotEmpty()
        .isEqualTo(expected);
    assertThat(arrears.total().fen()).isEqualTo(fen);
    assertThat(arrears.parts().stream().mapToInt(Dues.ArrearsFigures::inArrears).sum())
        .as("every member in arrears lies under one of the town's organizations")
        .isEqualTo(arrears.total().inArrears());
  }

  @Test
  void sixConsecutiveUnpaidMonthsFlagAMemberAndPayingLaterLeavesTheFlag() {
    actAs(DemoAccounts.CITY_ADMIN);
    long city = organizations.roots().getFirst().id();
    Dues.Debtor lapsed =
        dues.arrears(city, DECEMBER).debtors().stream()
            .filter(Dues.Debtor::lapsed)
            .filter(d -> d.member().scopePath().value().startsWith("/330200/330212/"))
            .findFirst()
            .orElseThrow();
    DuesStanding.Lapsed flag = (DuesStanding.Lapsed) lapsed.standing();
    assertThat(flag.firstUnpaid().plusMonths(DuesLedger.LAPSE_MONTHS - 1))
        .isEqualTo(flag.lastUnpaid());
    long member = lapsed.member().id();

    for (LedgerMonth.Unpaid unpaid : dues.statement(member, DECEMBER).unpaid()) {
      dues.recordPayment(member, unpaid.month(), unpaid.due().fen(), LocalDate.of(2022, 12, 31));
    }

    Dues.Debtor after =
        dues.arrears(city, DECEMBER).debtors().stream()
            .filter(d -> d.member().id() == member)
            .findFirst()
            .orElseThrow();
    assertThat(after.months()).isZero();
    assertThat(after.standing()).isEqualTo(flag);
  }

  @Test
  void theDemoLedgerHasMostMembersPaidAFewPercentInArrearsAndAHandfulFlagged() {
    actAs(DemoAccounts.CITY_ADMIN);
    long owing =
        count(
            "select count(*) from member where status in ('NORMAL', 'LOST_CONTACT')"
                + " and joined_on < '2023-01-01'");
    Dues.Arrears arrears = dues.arrears(organizations.roots().getFirst().id(), DECEMBER);
    assertThat(arrears.total().inArrears())
        .isBetween((int) (owing * 2 / 100), (int) (owing * 8 / 100));
    assertThat(arrears.total().lapsed()).isBetween(5, (int) (owing / 100));
    assertThat(count("select count(*) from member_dues_payment")).isGreaterThan(owing * 10);
    assertThat(count("select count(*) from member_dues_exemption")).isPositive();
  }

  @Test
  void theMonthSheetShowsEveryOwingMemberPaidOrNot() {
    actAs(DemoAccounts.BRANCH_SECRETARY);
    long branch =
        organizations
            .search("澄浪社区党支部", org.zugong.organization.OrganizationKind.BRANCH, null, 0, 1)
            .rows()
            .getFirst()
            .id();
    Dues.Sheet sheet = dues.sheet(branch, DECEMBER, false, 0, 500);
    long expected =
        count(
            "select count(*) from member where organization_id = "
                + branch
                + " and status in ('NORMAL', 'LOST_CONTACT') and joined_on < '2023-01-01'");
    assertThat(sheet.members()).isEqualTo(expected).isPositive();
    assertThat(sheet.lines()).hasSize((int) expected);
    assertThat(sheet.lines().stream().filter(l -> l.month().payment() != null).count())
        .isEqualTo(sheet.paid());
    assertThat(sheet.lines())
        .filteredOn(l -> l.month().state() == Dues.MonthState.UNPAID)
        .allSatisfy(l -> assertThat(l.month().due().fen()).isPositive());
    assertThat(dues.sheet(branch, DECEMBER, true, 0, 500).lines())
        .hasSize((int) sheet.unpaid())
        .noneMatch(l -> l.month().state() == Dues.MonthState.PAID);
  }

  // ---- moves and scope ----------------------------------------------------------------------

  @Test
  void theDuesRecordsFollowTheirMemberToAnotherOrganization() {
    long member = id(owing("/330200/330203/330203002/", "SALARIED") + " order by id desc");
    long target =
        id(
            "select organization_id from member where starts_with(scope_path, '/330200/330203/330203003/')"
                + " order by id");
    actAs(DemoAccounts.HAISHU_ADMIN);
    dues.recordExemption(member, YearMonth.of(2023, 1), YearMonth.of(2023, 1), 0, "住院");

    members.moveTo(member, target, LocalDate.of(2023, 1, 1), "test");

    String path = organizations.find(target).orElseThrow().path().value();
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql(
                            "select distinct scope_path from member_dues_payment where member_id = ?"
                                + " union select distinct scope_path from member_dues_exemption where member_id = ?")
                        .params(member, member)
                        .query(String.class)
                        .list()))
        .containsExactly(path);
  }

  @Test
  void aDistrictAdminNeitherSeesNorPaysTheDuesOfAnotherDistrict() {
    long foreign = id(owing(JIANGBEI, "SALARIED"));
    long foreignBranch = id("select organization_id from member where id = " + foreign);
    long paymentsBefore =
        count("select count(*) from member_dues_payment where member_id = " + foreign);
    actAs(DemoAccounts.HAISHU_ADMIN);

    assertThatThrownBy(() -> dues.statement(foreign, DECEMBER))
        .isInstanceOf(MemberNotFoundException.class);
    assertThatThrownBy(() -> dues.amountFor(foreign, DECEMBER))
        .isInstanceOf(MemberNotFoundException.class);
    assertThatThrownBy(() -> dues.recordPayment(foreign, DECEMBER, 100_000, LocalDate.now()))
        .isInstanceOf(MemberNotFoundException.class);
    assertThatThrownBy(() -> dues.sheet(foreignBranch, DECEMBER, false, 0, 20))
        .isInstanceOf(OrganizationNotFoundException.class);
    assertThatThrownBy(() -> dues.arrears(foreignBranch, DECEMBER))
        .isInstanceOf(OrganizationNotFoundException.class);
    assertThat(
            dues.arrears(organizations.roots().getFirst().id(), DECEMBER).debtors().stream()
                .map(d -> d.member().scopePath().value()))
        .allMatch(p -> p.startsWith(HAISHU));
    assertThat(count("select count(*) from member_dues_payment where member_id = " + foreign))
        .isEqualTo(paymentsBefore);
  }

  @Test
  void onlyTheBranchOfficeAndItsSuperiorsRecordDues() {
    long member = id(owing("/330200/330203/330203001/330203001001/", "RETIRED"));
    actAs(DemoAccounts.MEMBER);
    assertThatThrownBy(() -> dues.recordPayment(member, DECEMBER, 100_000, LocalDate.now()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> dues.recordExemption(member, DECEMBER, DECEMBER, 0, "理由"))
        .isInstanceOf(AccessDeniedException.class);
  }
}
