package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The mobile member pages and API over HTTP, as the users who work with them. */
class MobileMemberPagesTest extends ZugongTest {

  static final Pattern FIGURE =
      Pattern.compile("id=\"figure-(\\w+)\"\\s+href=\"([^\"]+)\"[^>]*>(.*?)</a>", Pattern.DOTALL);
  static final Pattern COUNT = Pattern.compile("id=\"mobile-count\">[^<0-9]*([0-9,]+)");

  @Autowired Clock clock;

  /** Each figure of the coverage page by list: its link and the number shown. */
  static Map<String, Object[]> figures(String html) {
    Map<String, Object[]> figures = new LinkedHashMap<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      String text = m.group(3).replaceAll("<[^>]+>", " ");
      Matcher digits = Pattern.compile("([0-9][0-9,]*)\\s*$").matcher(text.strip());
      assertThat(digits.find()).as("a number in figure %s", m.group(1)).isTrue();
      figures.put(
          m.group(1),
          new Object[] {
            m.group(2).replace("&amp;", "&"), Long.parseLong(digits.group(1).replace(",", ""))
          });
    }
    return figures;
  }

  static long count(String html) {
    Matcher m = COUNT.matcher(html);
    assertThat(m.find()).as("the count of a list").isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  @Test
  void everyCoverageFigureOpensAListOfThatSize() {
    WebClient web = signedIn(DemoAccounts.HAISHU_ADMIN);
    for (String page :
        new String[] {"/mobile-members", "/mobile-members?org=" + nanmenCommittee()}) {
      HttpResponse<String> coverage = web.get(page);
      assertThat(coverage.statusCode()).isEqualTo(200);
      Map<String, Object[]> figures = figures(coverage.body());
      assertThat(figures.keySet())
          .containsExactly(
              "MOBILE", "PLACED", "UNPLACED", "LAPSED", "TRANSFER_DUE", "RECEIVED", "RETURNED");
      for (var figure : figures.entrySet()) {
        HttpResponse<String> list = web.get((String) figure.getValue()[0]);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(count(list.body()))
            .as("%s on %s", figure.getKey(), page)
            .isEqualTo(figure.getValue()[1]);
      }
    }
  }

  @Test
  void theApiCountsAsThePageDoes() {
    WebClient web = signedIn(DemoAccounts.HAISHU_ADMIN);
    Map<String, Object[]> figures = figures(web.get("/mobile-members").body());
    HttpResponse<String> api = web.get("/api/v1/mobile-members/coverage");
    assertThat(api.statusCode()).isEqualTo(200);
    for (var figure : figures.entrySet()) {
      assertThat(api.body()).contains("\"" + figure.getKey() + "\":" + figure.getValue()[1]);
    }
    HttpResponse<String> lapsed = web.get("/api/v1/mobile-members?list=LAPSED&size=200");
    assertThat(lapsed.body()).contains("\"total\":" + figures.get("LAPSED")[1]);
  }

  @Test
  void theMobileMemberPageShowsTheFiveStepsAndSaysWhenATransferIsDue() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member_mobile where starts_with(scope_path, '/330200/330203/')"
                            + " and returned_on is null and transfer_due_on <= ? order by id limit 1")
                    .param(LocalDate.now(clock))
                    .query(Long.class)
                    .single());
    HttpResponse<String> page = signedIn(DemoAccounts.HAISHU_ADMIN).get("/mobile-members/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "id=\"step-LOCATE\"",
            "id=\"step-REGISTER\"",
            "id=\"step-CONTACT\"",
            "id=\"step-TRACK\"",
            "id=\"step-ENGAGE\"",
            "id=\"mobile-transfer-due\"",
            "应将组织关系转接至现居住或工作地党组织")
        .doesNotContain("??");
  }

  @Test
  void aRefusedPlacementIsShownInTheDialogInTheUsersLanguage() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member_mobile where starts_with(scope_path, '/330200/330203/')"
                            + " and returned_on is null and certificate is not null"
                            + " and placing_path is null order by id limit 1")
                    .query(Long.class)
                    .single());
    String branch =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where region_code like '330203%'"
                            + " and kind = 'BRANCH' and category = 'REGULAR' order by id limit 1")
                    .query(String.class)
                    .single());
    WebClient web = signedIn(DemoAccounts.HAISHU_ADMIN);
    web.get("/mobile-members/" + id);
    HttpResponse<String> refused =
        web.post(
            "/mobile-members/" + id + "/place",
            Map.of(
                "route",
                "REGIONAL",
                "organizationCode",
                branch,
                "on",
                LocalDate.now(clock).toString()));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.headers().firstValue("HX-Redirect")).isEmpty();
    assertThat(refused.body()).contains("id=\"dialog-error\"", "只能纳入区域性党组织");
  }

  @Test
  void theFiveStepsAreRecordedThroughThePages() {
    long member =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select m.id from member m where starts_with(m.scope_path, '/330200/330203/')
                          and m.status = 'NORMAL' and not m.mobile
                          and not exists (select 1 from member_mobile mm where mm.member_id = m.id)
                        order by m.id desc limit 1
                        """)
                    .query(Long.class)
                    .single());
    String today = LocalDate.now(clock).toString();
    WebClient web = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(web.get("/mobile-members/locate?member=" + member).body()).contains("locate-form");
    Map<String, String> locate = new LinkedHashMap<>();
    locate.put("memberId", Long.toString(member));
    locate.put("member", "");
    locate.put("foundBy", "网格员 李明");
    locate.put("foundOn", today);
    locate.put("regionCode", "");
    locate.put("outside", "上海市闵行区");
    locate.put("since", LocalDate.now(clock).minusMonths(7).toString());
    locate.put("fixed", "on");
    HttpResponse<String> located = web.post("/mobile-members", locate);
    assertThat(located.body()).doesNotContain("dialog-error");
    String page = located.headers().firstValue("HX-Redirect").orElseThrow();
    assertThat(page).matches("/mobile-members/[0-9]+");

    Map<String, Map<String, String>> steps = new LinkedHashMap<>();
    steps.put("/registration", Map.of("certificate", "NB-PAGE-1", "on", today));
    steps.put("/contacts", Map.of("on", today, "channel", "PHONE", "note", "电话了解近况"));
    steps.put("/skills", Map.of("skill", "水电维修"));
    steps.put("/engagements", Map.of("on", today, "service", "参加驻地志愿服务"));
    for (var step : steps.entrySet()) {
      HttpResponse<String> done = web.post(page + step.getKey(), step.getValue());
      assertThat(done.statusCode()).as(step.getKey()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(page);
    }
    HttpResponse<String> nowhere =
        web.post(page + "/moves", Map.of("regionCode", "", "outside", "", "since", today));
    assertThat(nowhere.statusCode()).isEqualTo(200);
    assertThat(nowhere.body()).contains("id=\"mobile-error\"", "市外地点不能为空");

    String shown = web.get(page).body();
    assertThat(shown)
        .contains("NB-PAGE-1", "电话了解近况", "水电维修", "参加驻地志愿服务", "上海市闵行区")
        .contains("id=\"mobile-transfer-due\"", "id=\"mobile-unplaced\"");
    assertThat(web.post(page + "/return", Map.of("on", today)).statusCode()).isEqualTo(302);
    assertThat(web.get(page).body()).contains("id=\"mobile-returned\"");
  }

  @Test
  void theFiveStepsAndThePlacementAreRecordedThroughTheApi() {
    long member =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select m.id from member m where starts_with(m.scope_path, '/330200/330203/')
                          and m.status = 'NORMAL' and not m.mobile
                          and not exists (select 1 from member_mobile mm where mm.member_id = m.id)
                        order by m.id desc offset 1 limit 1
                        """)
                    .query(Long.class)
                    .single());
    String branch =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where region_code like '330203%'"
                            + " and kind = 'BRANCH' and dissolved_on is null order by id limit 1")
                    .query(String.class)
                    .single());
    String today = LocalDate.now(clock).toString();
    WebClient api = signedIn(DemoAccounts.HAISHU_ADMIN);

    HttpResponse<String> incomplete =
        api.postJson("/api/v1/mobile-members", "{\"memberId\":" + member + "}");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("请填写全部必填项");
    HttpResponse<String> badDate =
        api.postJson(
            "/api/v1/mobile-members", "{\"memberId\":" + member + ",\"foundOn\":\"2022-13-45\"}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("字段 foundOn 的值格式不对", "\"field\":\"foundOn\"");

    HttpResponse<String> located =
        api.postJson(
            "/api/v1/mobile-members",
            """
            {"memberId":%d,"foundBy":"网格员 王芳","foundOn":"%s",
             "place":{"outside":"江苏省苏州市"},"since":"%s","fixed":false}
            """
                .formatted(member, today, today));
    assertThat(located.statusCode()).isEqualTo(201);
    Matcher id = Pattern.compile("\"id\":([0-9]+)").matcher(located.body());
    assertThat(id.find()).isTrue();
    String record = "/api/v1/mobile-members/" + id.group(1);

    Map<String, String> steps = new LinkedHashMap<>();
    steps.put("/register", "{\"certificate\":\"NB-API-1\",\"on\":\"" + today + "\"}");
    steps.put(
        "/contacts", "{\"on\":\"" + today + "\",\"channel\":\"VIDEO\",\"note\":\"视频了解工作近况\"}");
    steps.put("/skills", "{\"name\":\"电商运营\"}");
    steps.put("/engagements", "{\"on\":\"" + today + "\",\"service\":\"社区直播助农\"}");
    steps.put(
        "/placements",
        "{\"route\":\"WORKPLACE\",\"organizationCode\":\""
            + branch
            + "\",\"on\":\""
            + today
            + "\"}");
    for (var step : steps.entrySet()) {
      HttpResponse<String> done = api.postJson(record + step.getKey(), step.getValue());
      assertThat(done.statusCode()).as(step.getKey() + ": " + done.body()).isEqualTo(200);
    }
    String shown = api.get(record).body();
    assertThat(shown).contains("NB-API-1", "视频了解工作近况", "电商运营", "社区直播助农", branch);

    HttpResponse<String> home = api.postJson(record + "/return", "{\"on\":\"" + today + "\"}");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(
            signedIn(DemoAccounts.JIANGBEI_ADMIN)
                .postJson(record + "/skills", "{\"name\":\"电工\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void onlyTheStaffOfTheTreeOpenThePages() {
    assertThat(signedIn(DemoAccounts.MEMBER).get("/mobile-members").statusCode()).isEqualTo(403);
    assertThat(signedIn(DemoAccounts.TALENT).get("/api/v1/mobile-members").statusCode())
        .isEqualTo(403);
    assertThat(signedIn(DemoAccounts.BRANCH_SECRETARY).get("/mobile-members").statusCode())
        .isEqualTo(200);
  }

  private long nanmenCommittee() {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select id from organization where name = '中共南门街道工作委员会'")
                .query(Long.class)
                .single());
  }
}
