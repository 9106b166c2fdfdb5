package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.platform.DataScope;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The transfer pages and API over HTTP, as the two towns' administrators use them. */
class TransferPagesTest extends ZugongTest {

  @Autowired PasswordEncoder encoder;
  @Autowired Clock clock;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(
        jdbc,
        encoder,
        TransfersTest.JIANGXIA_ADMIN,
        Role.TOWN_ADMIN,
        "330203002",
        TransfersTest.JIANGXIA);
  }

  long freshMember() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id from member m where starts_with(m.scope_path, ?) and m.status = 'NORMAL'
                      and not exists (select 1 from member_transfer t where t.member_id = m.id)
                    order by m.id desc limit 1
                    """)
                .param(TransfersTest.NANMEN)
                .query(Long.class)
                .single());
  }

  String jiangxiaBranch() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select code from organization where starts_with(path, ?) and kind = 'BRANCH'"
                        + " and dissolved_on is null order by id limit 1")
                .param(TransfersTest.JIANGXIA)
                .query(String.class)
                .single());
  }

  String memberName(long id) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select name from member where id = ?")
                .param(id)
                .query(String.class)
                .single());
  }

  /** Submits through the start dialog; returns the new transfer's id from the redirect. */
  long submit(WebClient nanmen, long member, String targetCode) {
    nanmen.get("/transfers/new?memberId=" + member, Map.of("HX-Request", "true"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", "WITHIN_CITY");
    form.put("memberId", Long.toString(member));
    form.put("targetCode", targetCode);
    form.put("validUntil", LocalDate.now(clock).plusMonths(1).toString());
    HttpResponse<String> r = nanmen.post("/transfers", form);
    assertThat(r.statusCode()).isEqualTo(200);
    String redirect = r.headers().firstValue("HX-Redirect").orElseThrow();
    assertThat(redirect).startsWith("/transfers/");
    return Long.parseLong(redirect.substring("/transfers/".length()));
  }

  @Test
  void theTargetFindsAPendingTransferInItsWorkListWithAcceptAndReturn() {
    long member = freshMember();
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    long id = submit(nanmen, member, jiangxiaBranch());

    String outgoing = nanmen.get("/transfers?direction=OUTGOING&category=UNFINISHED").body();
    assertThat(outgoing)
        .contains("id=\"transfer-" + id + "\"", memberName(member))
        .contains("id=\"transfer-" + id + "-CANCEL\"")
        .doesNotContain("id=\"transfer-" + id + "-ACCEPT\"");

    WebClient jiangxia = signedIn(TransfersTest.JIANGXIA_ADMIN);
    String incoming = jiangxia.get("/transfers").body();
    assertThat(incoming)
        .contains("id=\"transfer-" + id + "\"", memberName(member))
        .contains("id=\"transfer-" + id + "-ACCEPT\"", "id=\"transfer-" + id + "-RETURN\"");
    // A return without a reason is refused in the dialog, in the user's language.
    HttpResponse<String> refused =
        jiangxia.post("/transfers/" + id + "/step", Map.of("action", "RETURN", "reason", ""));
    assertThat(refused.body()).contains("退回时请填写退回原因。");
    assertThat(refused.headers().firstValue("HX-Redirect")).isEmpty();
    HttpResponse<String> accepted =
        jiangxia.post("/transfers/" + id + "/step", Map.of("action", "ACCEPT"));
    assertThat(accepted.headers().firstValue("HX-Redirect")).hasValue("/transfers/" + id);
    assertThat(jiangxia.get("/transfers/" + id).body()).contains("已接收");
    assertThat(jiangxia.get("/members/" + member).statusCode()).isEqualTo(200);
    assertThat(nanmen.get("/members/" + member).statusCode()).isEqualTo(404);
  }

  @Test
  void theHomePageCountsPendingTransfersForThoseWhoHandleThem() {
    submit(signedIn(DemoAccounts.TOWN_ADMIN), freshMember(), jiangxiaBranch());
    assertThat(signedIn(TransfersTest.JIANGXIA_ADMIN).get("/").body())
        .contains("待接收的组织关系转接", "/transfers?direction=INCOMING&amp;category=PENDING");
    assertThat(signedIn(DemoAccounts.MEMBER).get("/").body()).doesNotContain("待接收的组织关系转接");
  }

  @Test
  void anUnknownTargetCodeIsRefusedInTheDialog() {
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    long member = freshMember();
    nanmen.get("/transfers/new?memberId=" + member, Map.of("HX-Request", "true"));
    HttpResponse<String> r =
        nanmen.post(
            "/transfers",
            Map.of(
                "kind",
                "WITHIN_CITY",
                "memberId",
                Long.toString(member),
                "targetCode",
                "O999999",
                "validUntil",
                LocalDate.now(clock).plusMonths(1).toString()));
    assertThat(r.body()).contains("id=\"dialog-error\"", "编号为 O999999 的党组织不存在。");
    assertThat(r.headers().firstValue("HX-Redirect")).isEmpty();
  }

  @Test
  void aLetterFromOutsideTheCityIsRegisteredThroughTheDialog() {
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    String dialog =
        nanmen.get("/transfers/new?kind=INTO_CITY", Map.of("HX-Request", "true")).body();
    assertThat(dialog)
        .contains("id=\"t-letter-number\"", "id=\"t-id-number\"")
        .doesNotContain("t-member-q");
    String targetCode =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where starts_with(path, ?) and kind = 'BRANCH'"
                            + " and dissolved_on is null order by id desc limit 1")
                    .param(TransfersTest.NANMEN)
                    .query(String.class)
                    .single());
    LocalDate today = LocalDate.now(clock);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", "INTO_CITY");
    form.put("sourceName", "绍兴市越城区府山街道机关党支部");
    form.put("targetCode", targetCode);
    form.put("letterNumber", "绍组转〔2024〕0007号");
    form.put("letterIssuedOn", today.minusDays(2).toString());
    form.put("letterValidUntil", today.plusMonths(1).toString());
    form.put("name", "周敏");
    form.put("idNumber", "33060219850720452X");
    form.put("ethnicity", "HAN");
    form.put("education", "BACHELOR");
    form.put("category", "CIVIL_SERVANT");
    form.put("stage", "FULL");
    form.put("joinedOn", "2010-07-01");
    form.put("fullOn", "2011-07-01");
    HttpResponse<String> r = nanmen.post("/transfers", form);
    assertThat(r.body()).doesNotContain("dialog-error");
    String redirect = r.headers().firstValue("HX-Redirect").orElseThrow();
    String page = nanmen.get(redirect).body();
    assertThat(page).contains("周敏", "绍组转〔2024〕0007号", "从市外转入", "id=\"action-ACCEPT\"");
  }

  @Test
  void theMembersTransfersShowOnTheirOwnPageAndAsTheCardsSection() {
    long member = freshMember();
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    String before = nanmen.get("/members/" + member + "/transfers").body();
    assertThat(before).contains("id=\"member-transfer-start\"", "暂无组织关系转接记录。");
    long id = submit(nanmen, member, jiangxiaBranch());
    String section =
        nanmen.get("/members/" + member + "/transfers", Map.of("HX-Request", "true")).body();
    assertThat(section)
        .contains("id=\"member-transfers\"", "id=\"member-transfer-open-" + id + "\"", "已提交")
        .doesNotContain("member-transfer-start", "<html");
  }

  @Test
  void theApiShowsATransferToBothEndsOnly() {
    long member = freshMember();
    long id = submit(signedIn(DemoAccounts.TOWN_ADMIN), member, jiangxiaBranch());
    WebClient jiangxia = signedIn(TransfersTest.JIANGXIA_ADMIN);
    HttpResponse<String> r = jiangxia.get("/api/v1/transfers/" + id);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"state\":\"SUBMITTED\"", "\"kind\":\"WITHIN_CITY\"", "ACCEPT");
    assertThat(jiangxia.get("/api/v1/transfers?direction=INCOMING&category=PENDING").body())
        .contains("\"id\":" + id);
    assertThat(signedIn(DemoAccounts.JIANGBEI_ADMIN).get("/api/v1/transfers/" + id).statusCode())
        .isEqualTo(404);
    assertThat(signedIn(DemoAccounts.MEMBER).get("/api/v1/transfers/" + id).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theApiReturnsAndResubmitsWithinTheCity() {
    long member = freshMember();
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    long id = submit(nanmen, member, jiangxiaBranch());
    WebClient jiangxia = signedIn(TransfersTest.JIANGXIA_ADMIN);
    HttpResponse<String> returned =
        jiangxia.postJson("/api/v1/transfers/" + id + "/return", "{\"reason\":\"材料不全\"}");
    assertThat(returned.statusCode()).isEqualTo(200);
    assertThat(returned.body()).contains("\"state\":\"RETURNED\"", "材料不全");

    HttpResponse<String> missingDate =
        nanmen.postJson(
            "/api/v1/transfers/" + id + "/resubmit",
            "{\"targetCode\":\"" + jiangxiaBranch() + "\"}");
    assertThat(missingDate.statusCode()).isEqualTo(400);
    assertThat(missingDate.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");

    String validUntil = LocalDate.now(clock).plusMonths(1).toString();
    HttpResponse<String> again =
        nanmen.postJson(
            "/api/v1/transfers/" + id + "/resubmit",
            "{\"targetCode\":\"" + jiangxiaBranch() + "\",\"validUntil\":\"" + validUntil + "\"}");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"state\":\"SUBMITTED\"", "\"attempt\":2");
    assertThat(jiangxia.postJson("/api/v1/transfers/" + id + "/accept", "{}").body())
        .contains("\"state\":\"ACCEPTED\"");
  }

  @Test
  void theApiIssuesTheLetterAndRecordsTheReceiptOutOfTheCity() {
    long member = freshMember();
    WebClient nanmen = signedIn(DemoAccounts.TOWN_ADMIN);
    HttpResponse<String> started =
        nanmen.postJson(
            "/api/v1/transfers",
            "{\"kind\":\"OUT_OF_CITY\",\"memberId\":"
                + member
                + ",\"targetName\":\"中共杭州市西湖区委组织部\"}");
    assertThat(started.statusCode()).isEqualTo(201);
    long id =
        Long.parseLong(started.body().replaceFirst("(?s).*?\"transfer\":\\{\"id\":(\\d+).*", "$1"));
    String validUntil = LocalDate.now(clock).plusMonths(3).toString();
    HttpResponse<String> letter =
        nanmen.postJson(
            "/api/v1/transfers/" + id + "/letter",
            "{\"letterNumber\":\"甬组转〔2022〕0815号\",\"validUntil\":\"" + validUntil + "\"}");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.body()).contains("\"state\":\"LETTER_ISSUED\"", "甬组转〔2022〕0815号");

    HttpResponse<String> receipt = nanmen.postJson("/api/v1/transfers/" + id + "/receipt", "");
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.body()).contains("\"state\":\"RECEIPT_RETURNED\"");
    assertThat(
            signedIn(DemoAccounts.JIANGBEI_ADMIN)
                .postJson("/api/v1/transfers/" + id + "/receipt", "")
                .statusCode())
        .isEqualTo(404);
  }
}
