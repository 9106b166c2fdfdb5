package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/**
 * The recruitment pages and API over real HTTP: the to-do list of a branch opens each recruitment,
 * the step dialog shows the rule that refused a step and its reason in the user's language and
 * redirects after a valid one, the API answers a refusal with the rule's key, and the member card's
 * section shows the path to membership.
 */
class RecruitmentPagesTest extends ZugongTest {

  @Autowired Recruitments recruitments;
  @Autowired Members members;
  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;
  @Autowired Clock clock;

  RecruitmentFixtures fixtures;
  LocalDate today;

  @BeforeEach
  void prepare() {
    fixtures = new RecruitmentFixtures(recruitments, members, organizations, users, jdbc);
    fixtures.signIn(DemoAccounts.TOWN_ADMIN);
    today = LocalDate.now(clock);
  }

  @AfterEach
  void signOut() {
    RecruitmentFixtures.signOut();
  }

  /** An activist designated ten months ago and reviewed four months ago: not yet a candidate. */
  long activist(String name) {
    LocalDate s = today.minusMonths(12);
    long id = fixtures.upTo(name, s, RecruitmentStepKind.ACTIVIST_DESIGNATION);
    recruitments.record(
        id,
        Recruitments.StepRecord.of(
            RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(8), fixtures.branch().name()));
    return id;
  }

  Map<String, String> step(RecruitmentStepKind kind) {
    return Map.of(
        "kind", kind.name(), "date", today.toString(), "decidedBy", fixtures.branch().name());
  }

  @Test
  void theToDoListOfABranchShowsItsStepsDueAndOpensEachRecruitment() {
    long id = fixtures.apply("待办页面", today.minusDays(40));
    long branch = fixtures.branch().id();
    WebClient town = signedIn(DemoAccounts.TOWN_ADMIN);

    HttpResponse<String> list = town.get("/recruitments?org=" + branch + "&status=OVERDUE");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(
            "待办页面",
            "/recruitments/" + id,
            "谈话",
            "已逾期",
            today.minusDays(40).plusMonths(1).toString());
    assertThat(town.get("/recruitments?org=" + branch + "&status=DUE").body())
        .doesNotContain("/recruitments/" + id + "\"");

    HttpResponse<String> page = town.get("/recruitments/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("待办页面", "入党申请人", "入党申请", "record-step");
    assertThat(town.get("/recruitments?org=" + branch + "&view=all&q=待办页面").body())
        .contains("/recruitments/" + id);
  }

  @Test
  void aRefusedStepShowsTheRuleAndWhyAndAValidOneRedirects() {
    long id = activist("对话框拒绝");
    WebClient town = signedIn(DemoAccounts.TOWN_ADMIN);
    town.get("/recruitments/" + id);
    HttpResponse<String> dialog =
        town.get("/recruitments/" + id + "/steps/new?kind=CANDIDATE_DESIGNATION");
    assertThat(dialog.body()).contains("step-form", "确定发展对象");

    HttpResponse<String> refused =
        town.post(
            "/recruitments/" + id + "/steps", step(RecruitmentStepKind.CANDIDATE_DESIGNATION));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("HX-Redirect")).isEmpty();
    LocalDate earliest = today.minusMonths(12).plusMonths(2).plusYears(1);
    assertThat(refused.body())
        .contains(
            "dialog-error",
            "data-rule=\"activist-one-year\"",
            "一年以上培养考察（第十六条）",
            "入党积极分子须经过一年以上培养教育和考察，" + earliest + " 起方可列为发展对象。");
    assertThat(recruitments.find(id).orElseThrow().steps()).hasSize(4);

    HttpResponse<String> recorded =
        town.post("/recruitments/" + id + "/steps", step(RecruitmentStepKind.ACTIVIST_REVIEW));
    assertThat(recorded.headers().firstValue("HX-Redirect")).hasValue("/recruitments/" + id);
    assertThat(recruitments.find(id).orElseThrow().steps()).hasSize(5);
  }

  @Test
  void theRefusalIsWrittenInTheUsersLanguage() {
    long id = activist("英文拒绝");
    WebClient client = client();
    client.get("/login?lang=en");
    client.post(
        "/login", Map.of("username", DemoAccounts.TOWN_ADMIN, "password", DemoAccounts.PASSWORD));
    client.get("/recruitments/" + id);
    HttpResponse<String> refused =
        client.post(
            "/recruitments/" + id + "/steps", step(RecruitmentStepKind.CANDIDATE_DESIGNATION));
    assertThat(refused.body())
        .contains(
            "Not recorded under the rule One year as activist (art. 16):",
            "An activist must be trained and reviewed for at least one year")
        .doesNotContain("一年以上培养考察");
  }

  @Test
  void anApplicationFromTheDialogRegistersTheApplicantOrSaysWhatIsWrong() {
    long branch = fixtures.branch().id();
    WebClient town = signedIn(DemoAccounts.TOWN_ADMIN);
    assertThat(town.get("/recruitments/new?org=" + branch).body()).contains("apply-form");
    String idNumber = RecruitmentFixtures.idNumber(LocalDate.of(2001, 6, 1)).value();
    Map<String, String> form =
        new java.util.HashMap<>(
            Map.of(
                "organizationId",
                Long.toString(branch),
                "name",
                "页面申请",
                "idNumber",
                idNumber,
                "ethnicity",
                "HAN",
                "education",
                "BACHELOR",
                "category",
                "STUDENT",
                "appliedOn",
                today.toString(),
                "receivedBy",
                fixtures.branch().name()));
    form.put("idNumber", idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1"));
    HttpResponse<String> wrong = town.post("/recruitments", form);
    assertThat(wrong.headers().firstValue("HX-Redirect")).isEmpty();
    assertThat(wrong.body()).contains("dialog-error", "apply-form");

    form.put("idNumber", idNumber);
    HttpResponse<String> ok = town.post("/recruitments", form);
    String location = ok.headers().firstValue("HX-Redirect").orElseThrow();
    long id = Long.parseLong(location.substring("/recruitments/".length()));
    assertThat(recruitments.find(id).orElseThrow().name()).isEqualTo("页面申请");
  }

  @Test
  void theApiListsStepsDueAndAnswersARefusalWithTheRulesKey() throws Exception {
    long id = activist("接口拒绝");
    long branch = fixtures.branch().id();
    WebClient town = signedIn(DemoAccounts.TOWN_ADMIN);
    assertThat(town.get("/api/v1/recruitments/" + id).body())
        .contains(
            "\"stage\":\"ACTIVIST\"",
            "\"nextSteps\":[\"ACTIVIST_REVIEW\",\"CANDIDATE_DESIGNATION\",\"STOP\"]");
    assertThat(town.get("/api/v1/recruitments/todos?org=" + branch + "&size=200").body())
        .contains("\"recruitmentId\":" + id);

    town.get("/");
    HttpResponse<String> refused =
        postJson(
            town,
            "/api/v1/recruitments/" + id + "/steps",
            "{\"kind\":\"CANDIDATE_DESIGNATION\",\"date\":\"" + today + "\",\"decidedBy\":\"支部\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"code\":\"recruitment.rule.activist-one-year\"");

    HttpResponse<String> recorded =
        postJson(
            town,
            "/api/v1/recruitments/" + id + "/steps",
            "{\"kind\":\"ACTIVIST_REVIEW\",\"date\":\"" + today + "\",\"decidedBy\":\"支部\"}");
    assertThat(recorded.statusCode()).isEqualTo(200);
    assertThat(recorded.body()).contains("\"kind\":\"ACTIVIST_REVIEW\",\"date\":\"" + today + "\"");
  }

  HttpResponse<String> postJson(WebClient client, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Cookie", "JSESSIONID=" + client.cookie("JSESSIONID"))
            .header("X-CSRF-TOKEN", client.csrf())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMemberCardSectionShowsThePathToMembership() {
    long[] linked =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select r.member_id, r.id from member_recruitment r join member m on m.id = r.member_id"
                            + " where r.stage = 'FULL' and starts_with(r.scope_path, '/330200/330203/')"
                            + " and starts_with(m.scope_path, '/330200/330203/') order by r.id limit 1")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single());
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> section = haishu.get("/members/" + linked[0] + "/recruitment");
    assertThat(section.statusCode()).isEqualTo(200);
    assertThat(section.body())
        .contains("member-recruitment", "/recruitments/" + linked[1], "支部大会讨论接收预备党员", "转为正式党员");

    long without =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select m.id from member m where starts_with(m.scope_path, '/330200/330203/')"
                            + " and not exists (select 1 from member_recruitment r where r.person_id = m.person_id)"
                            + " order by m.id limit 1")
                    .query(Long.class)
                    .single());
    assertThat(haishu.get("/members/" + without + "/recruitment").body()).contains("未登记该党员的发展过程");
  }
}
