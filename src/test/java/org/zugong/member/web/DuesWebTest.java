package org.zugong.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.zugong.member.MemberView;
import org.zugong.member.Members;
import org.zugong.platform.DataScope;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/**
 * The dues pages and the dues API over HTTP as the branch office and its superiors use them: a
 * month's sheet with each amount's clause, payments refused with the ledger's reason in the user's
 * language, the arrears whose figures open their members, the card's ledger, and the data scope.
 */
class DuesWebTest extends ZugongTest {

  static final String NANMEN = "/330200/330203/330203001/";
  static final String HAISHU = "/330200/330203/";

  @Autowired PasswordEncoder encoder;
  @Autowired Members members;
  @Autowired SpringTemplateEngine templates;

  long id(String sql) {
    return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).list().getFirst());
  }

  /** A current member under the path whose 2022 dues lack exactly {@code unpaid} months. */
  long memberInArrears(String path, int unpaid, int skip) {
    return id(
        "select id from member m where starts_with(scope_path, '"
            + path
            + "') and status = 'NORMAL' and joined_on < '2022-01-01' and dues_category = 'RETIRED'"
            + " and not exists (select 1 from member_dues_exemption e where e.member_id = m.id)"
            + " and (select count(*) from member_dues_payment p where p.member_id = m.id) = "
            + (12 - unpaid)
            + " order by id offset "
            + skip);
  }

  long branchOf(long member) {
    return id("select organization_id from member where id = " + member);
  }

  String unpaidMonth(long member) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select to_char(d, 'YYYY-MM') from generate_series(date '2022-01-01', date '2022-12-01',"
                        + " interval '1 month') d where not exists (select 1 from member_dues_payment p"
                        + " where p.member_id = ? and p.for_month = d) order by d limit 1")
                .param(member)
                .query(String.class)
                .single());
  }

  String paidMonth(long member) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select to_char(min(for_month), 'YYYY-MM') from member_dues_payment where member_id = ?")
                .param(member)
                .query(String.class)
                .single());
  }

  @Test
  void theMonthPageShowsEachMembersAmountWithItsClauseAndWhetherItIsPaid() {
    long member = memberInArrears(HAISHU, 1, 0);
    String month = unpaidMonth(member);
    WebClient town = signedIn(DemoAccounts.HAISHU_ADMIN);

    HttpResponse<String> page = town.get("/dues?org=" + branchOf(member) + "&month=" + month);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"dues-row-" + member + "\"", "党费规定第五条", "未交", "badge bg-green-lt")
        .contains("/dues/members/" + member + "/payment?month=" + month);
    HttpResponse<String> unpaidOnly =
        town.get("/dues?org=" + branchOf(member) + "&month=" + month + "&unpaid=on");
    assertThat(unpaidOnly.body())
        .contains("id=\"dues-row-" + member + "\"")
        .doesNotContain("badge bg-green-lt");
  }

  @Test
  void aPaymentIsRecordedFromTheDialogAndARefusalShowsTheLedgersReason() {
    long member = memberInArrears(HAISHU, 1, 1);
    String month = unpaidMonth(member);
    WebClient town = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> dialog =
        town.get(
            "/dues/members/" + member + "/payment?month=" + month, Map.of("HX-Request", "true"));
    assertThat(dialog.body()).contains("id=\"payment-form\"", "党费规定第五条");

    HttpResponse<String> paid =
        town.post(
            "/dues/members/" + member + "/payment",
            Map.of("month", month, "amount", "100", "paidOn", "2022-12-30"));
    assertThat(paid.headers().firstValue("HX-Refresh")).contains("true");

    HttpResponse<String> again =
        town.post(
            "/dues/members/" + member + "/payment",
            Map.of("month", month, "amount", "100", "paidOn", "2022-12-30"));
    assertThat(again.body()).contains("id=\"dialog-error\"").contains(month + "的党费已于2022-12-30交纳");
    HttpResponse<String> bad =
        town.post(
            "/dues/members/" + member + "/payment",
            Map.of("month", "2022-12", "amount", "12.345", "paidOn", "2022-12-30"));
    assertThat(bad.body()).contains("金额须以元为单位，最多两位小数：12.345");
  }

  @Test
  void theReasonOfARefusalIsInTheUsersLanguage() {
    TestAccounts.ensure(jdbc, encoder, "haishu_dues_en", Role.DISTRICT_ADMIN, "330203", HAISHU);
    long member = memberInArrears(HAISHU, 2, 0);
    WebClient english = signedIn("haishu_dues_en");
    english.get("/dues?lang=en");

    HttpResponse<String> refused =
        english.post(
            "/dues/members/" + member + "/payment",
            Map.of("month", paidMonth(member), "amount", "100", "paidOn", "2022-12-30"));
    HttpResponse<String> sheet = english.get("/dues?org=" + branchOf(member) + "&month=2022-12");

    assertThat(refused.body())
        .contains("The dues for " + paidMonth(member) + " were already paid on");
    assertThat(sheet.body()).contains("Dues Regulation, art. 5").doesNotContain("党费规定");
  }

  @Test
  void anExemptionIsRecordedFromTheCardAndARefusalSaysWhy() {
    long member =
        id(
            "select id from member m where starts_with(scope_path, '"
                + HAISHU
                + "') and status = 'NORMAL' and dues_category = 'SALARIED' and not exists"
                + " (select 1 from member_dues_exemption e where e.member_id = m.id)"
                + " order by id desc offset 7");
    WebClient district = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(
            district
                .get("/dues/members/" + member + "/exemption", Map.of("HX-Request", "true"))
                .body())
        .contains("id=\"exemption-form\"");
    String path = "/dues/members/" + member + "/exemption";

    HttpResponse<String> refused =
        district.post(
            path, Map.of("from", "2023-01", "until", "2023-03", "payable", "0", "reason", " "));
    HttpResponse<String> recorded =
        district.post(
            path, Map.of("from", "2023-01", "until", "2023-03", "payable", "0", "reason", "长期住院"));

    assertThat(refused.body()).contains("id=\"dialog-error\"", "减免党费须写明理由");
    assertThat(recorded.headers().firstValue("HX-Refresh")).contains("true");
    assertThat(district.get("/dues/members/" + member + "?month=2023-02").body())
        .contains("id=\"dues-exemptions\"", "长期住院", "2023-01至2023-03", "无需交纳");
  }

  @Test
  void theArrearsFiguresOpenTheirMembersAndTheFlaggedOnes() {
    WebClient district = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> arrears = district.get("/dues/arrears?month=2022-12");
    assertThat(arrears.statusCode()).isEqualTo(200);
    assertThat(arrears.body()).contains("id=\"arrears-table\"", "中共南门街道工作委员会");

    long town = id("select id from organization where name = '中共南门街道工作委员会'");
    HttpResponse<String> members =
        district.get("/dues/arrears/members?org=" + town + "&month=2022-12");
    List<Long> debtors =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select m.id from member m where starts_with(m.scope_path, ?) and m.status = 'NORMAL'"
                            + " and joined_on < '2022-01-01' and not exists (select 1 from member_dues_exemption e"
                            + " where e.member_id = m.id) and (select count(*) from member_dues_payment p"
                            + " where p.member_id = m.id and p.paid_on <= '2022-12-31') between 1 and 11")
                    .param(NANMEN)
                    .query(Long.class)
                    .list());
    assertThat(debtors).isNotEmpty();
    assertThat(members.body()).contains(debtors.stream().map(d -> "debtor-" + d).toList());
    assertThat(district.get("/dues/arrears/members?month=2022-12&lapsed=true").body())
        .contains("党章第九条");
  }

  @Test
  void theMemberCardSectionLoadsTheLedgerWithItsStanding() {
    long member = memberInArrears(HAISHU, 3, 0);
    WebClient secretary = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> ledger =
        secretary.get("/dues/members/" + member + "?month=2022-12", Map.of("HX-Request", "true"));
    assertThat(ledger.statusCode()).isEqualTo(200);
    assertThat(ledger.body())
        .contains("id=\"dues-months\"", "id=\"dues-month-2022-12\"", "欠交党费3个月")
        .contains("党费规定第五条");
  }

  @Test
  void theSectionForTheMemberCardLoadsItsMembersLedger() {
    long member =
        id("select id from member where starts_with(scope_path, '" + HAISHU + "') order by id");
    MemberView m =
        DataScope.within(new ScopePath(HAISHU), () -> members.find(member).orElseThrow());
    var exchange =
        JakartaServletWebApplication.buildApplication(new MockServletContext())
            .buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());

    String html =
        templates.process(
            "member/dues/card",
            Set.of("section"),
            new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, Map.of("m", m)));

    assertThat(html)
        .contains("id=\"dues-section\"", "hx-get=\"/dues/members/" + member + "\"")
        .contains("hx-trigger=\"load\"", ">党费<");
  }

  @Test
  void theApiGivesAmountsWithTheirClauseAndRecordsOrRefusesPayments() throws Exception {
    long member = memberInArrears(HAISHU, 2, 1);
    String month = unpaidMonth(member);
    WebClient town = signedIn(DemoAccounts.HAISHU_ADMIN);

    HttpResponse<String> amount =
        town.get("/api/v1/dues/members/" + member + "/amount?month=" + month);
    assertThat(amount.body())
        .contains("\"clause\":\"RETIRED_RATE\"", "\"reference\":\"dues-regulation-2008/art-5\"");

    String payment = "{\"month\":\"" + month + "\",\"amount\":100.00,\"paidOn\":\"2022-12-28\"}";
    HttpResponse<String> created =
        postJson(town, "/api/v1/dues/members/" + member + "/payments", payment);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"state\":\"PAID\"", "\"paidOn\":\"2022-12-28\"");

    HttpResponse<String> twice =
        postJson(town, "/api/v1/dues/members/" + member + "/payments", payment);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("\"code\":\"dues.payment.already-paid\"");

    HttpResponse<String> ledger = town.get("/api/v1/dues/members/" + member + "?through=2022-12");
    assertThat(ledger.body()).contains("\"arrearsMonths\":1", "\"standing\":\"IN_ARREARS\"");
    assertThat(town.get("/api/v1/dues/arrears?through=2022-12").body())
        .contains("\"members\":[", "\"lapsed\":");
  }

  @Test
  void duesOfAnotherDistrictAreNotFound() {
    long foreign =
        id(
            "select id from member where starts_with(scope_path, '/330200/330205/')"
                + " and status = 'NORMAL' order by id");
    WebClient district = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(district.get("/dues/members/" + foreign).statusCode()).isEqualTo(404);
    assertThat(district.get("/api/v1/dues/members/" + foreign).statusCode()).isEqualTo(404);
    assertThat(district.get("/dues?org=" + branchOf(foreign)).statusCode()).isEqualTo(404);
    assertThat(district.get("/dues/arrears?org=" + branchOf(foreign)).statusCode()).isEqualTo(404);
    assertThat(district.get("/api/v1/dues/arrears?org=" + branchOf(foreign)).statusCode())
        .isEqualTo(404);
  }

  /** Posts JSON with the session and CSRF token of a signed-in client. */
  HttpResponse<String> postJson(WebClient client, String path, String json) {
    return client.postJson(path, json);
  }
}
