package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The program, housing, finance and map pages and the program API over HTTP. */
class TalentProgramPagesTest extends ZugongTest {

  long haishuApplication(String stage) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select id from talent_program_application where stage = ?"
                        + " and starts_with(scope_path, '/330200/330203/') order by id limit 1")
                .param(stage)
                .query(Long.class)
                .single());
  }

  @Test
  void theCityTakesAStepInTheDialogAndADistrictSeesItsOwnApplicantsOnly() {
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    long id = haishuApplication("APPLIED");
    HttpResponse<String> page = city.get("/talent-programs/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"program-step\"");
    assertThat(city.get("/talent-programs/" + id + "/step").body()).contains("id=\"step-form\"");
    HttpResponse<String> step =
        city.post("/talent-programs/" + id + "/step", Map.of("action", "check"));
    assertThat(step.statusCode()).isEqualTo(200);
    assertThat(step.headers().firstValue("HX-Redirect")).hasValue("/talent-programs/" + id);
    // A wrong step is refused in the dialog with its reason.
    HttpResponse<String> wrong =
        city.post("/talent-programs/" + id + "/step", Map.of("action", "certify"));
    assertThat(wrong.body()).contains("id=\"dialog-error\"");

    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(haishu.get("/talent-programs").body()).contains("id=\"program-rows\"");
    assertThat(haishu.get("/talent-programs/" + id).body()).doesNotContain("id=\"program-step\"");
    HttpResponse<String> api = haishu.get("/api/v1/talent-programs/" + id);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"stage\":\"FORMAL_CHECK\"");
  }

  @Test
  void anInstitutionsOfficerSeesOnlyItsOwnApplicants() {
    WebClient officer = signedIn(DemoAccounts.INSTITUTION_OFFICER);
    HttpResponse<String> api = officer.get("/api/v1/talent-programs?size=200");
    assertThat(api.statusCode()).isEqualTo(200);
    long own =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from talent_program_application a join talent t"
                            + " on t.id = a.talent_id where t.institution_code = 'i-nbu'")
                    .query(Long.class)
                    .single());
    assertThat(own).isPositive();
    assertThat(api.body()).contains("\"total\":" + own);
    long other = haishuApplication("REJECTED");
    assertThat(officer.get("/api/v1/talent-programs/" + other).statusCode()).isEqualTo(404);
    assertThat(officer.get("/talent-programs/" + other).statusCode()).isEqualTo(404);
  }

  @Test
  void theThinkTankHousingFinanceAndMapPagesShowTheirRecords() {
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    assertThat(city.get("/talent-programs/think-tank").body()).contains("id=\"think-tank\"");
    assertThat(city.get("/talent-programs/liaisons").body()).contains("id=\"liaisons\"");
    assertThat(city.get("/talent-housing").body()).contains("id=\"housing-waiting\"");
    assertThat(city.get("/talent-finance").body()).contains("id=\"finance-requests\"");
    HttpResponse<String> map = city.get("/talent-map?date=2022-12-31");
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.body()).contains("id=\"chart-industry\"", "data-values2=");
  }

  @Test
  void aCallIsRefusedFieldByFieldInTheUsersLanguageAndOpenedThroughTheApi() {
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    HttpResponse<String> refused =
        city.postJson(
            "/api/v1/talent-programs/calls",
            """
            {"year": 1999, "nameZh": " ", "nameEn": "Second call of 2026",
             "opensOn": "2026-03-01", "closesOn": "2026-02-01"}
            """);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"fields\"", "\"year\"", "\"nameZh\"", "\"closesOn\"")
        .contains("申报年度须为 2000 至 2100 之间的年份")
        .doesNotContain("\"nameEn\"");
    HttpResponse<String> opened =
        city.postJson(
            "/api/v1/talent-programs/calls",
            """
            {"year": 2026, "nameZh": "2026年度第二批", "nameEn": "Second call of 2026",
             "opensOn": "2026-03-01", "closesOn": "2026-04-30"}
            """);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(opened.body()).contains("\"nameZh\":\"2026年度第二批\"", "\"closesOn\":\"2026-04-30\"");
    assertThat(
            signedIn(DemoAccounts.HAISHU_ADMIN)
                .postJson("/api/v1/talent-programs/calls", "{}")
                .statusCode())
        .isEqualTo(403);

    // The page's dialog shows each refused field beside it, and keeps what was typed.
    city.get("/talent-programs");
    HttpResponse<String> dialog =
        city.post(
            "/talent-programs/calls",
            Map.of(
                "year", "2026",
                "nameZh", "2026年度第三批",
                "nameEn", "",
                "opensOn", "2026-05-01",
                "closesOn", "2026-04-01"));
    assertThat(dialog.statusCode()).isEqualTo(200);
    assertThat(dialog.body())
        .contains("id=\"c-name-en-error\"", "请填写批次的英文名称", "id=\"c-closes-error\"")
        .contains("批次截止日期 2026-04-01 早于开始日期 2026-05-01", "value=\"2026年度第三批\"")
        .doesNotContain("id=\"c-name-zh-error\"", "id=\"c-year-error\"");
  }

  @Test
  void aDistrictAssignsLeadersToItsOwnKeyTalentsOnlyAndIsToldWhyPerField() {
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(haishu.get("/talent-programs/liaisons").body()).contains("id=\"assign-liaison\"");
    assertThat(haishu.get("/talent-programs/liaisons/new").body()).contains("id=\"liaison-form\"");
    long ordinary =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from talent where tier is null and starts_with(scope_path,"
                            + " '/330200/330203/') order by id limit 1")
                    .query(Long.class)
                    .single());
    assertThat(
            haishu
                .post(
                    "/talent-programs/liaisons",
                    Map.of(
                        "talentId", Long.toString(ordinary), "leaderName", "", "leaderPost", "x"))
                .body())
        .contains("id=\"l-talent-error\"", "不是重点人才", "id=\"l-name-error\"")
        .doesNotContain("id=\"l-post-error\"");
    long jiangbeiKey =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from talent where tier = 'C' and starts_with(scope_path,"
                            + " '/330200/330205/') order by id limit 1")
                    .query(Long.class)
                    .single());
    assertThat(
            haishu
                .post(
                    "/talent-programs/liaisons",
                    Map.of(
                        "talentId",
                        Long.toString(jiangbeiKey),
                        "leaderName",
                        "某",
                        "leaderPost",
                        "某"))
                .statusCode())
        .isEqualTo(404);
    String search = haishu.get("/talent-programs/liaisons/key-talents?q=").body();
    assertThat(search).contains("<option").doesNotContain("value=\"" + jiangbeiKey + "\"");
  }

  @Test
  void theCityOpensACallRecordsALeadersVisitAndAssignsALeaderThroughThePages() {
    String name = "甬江人才工程浏览器测试批次";
    String note = "走访了解项目产业化进展" + System.nanoTime();
    String leader = "浏览器测试领导" + System.nanoTime();
    Map<String, Object> key =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id, name from talent t where tier = 'C' and starts_with(scope_path,"
                            + " '/330200/330203/') and not exists (select 1 from talent_liaison l"
                            + " where l.talent_id = t.id) order by id limit 1")
                    .query()
                    .singleRow());
    String keyId = key.get("id").toString();
    String keyName = (String) key.get("name");
    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.CITY_ADMIN, DemoAccounts.PASSWORD);
      browser.open("/talent-programs");
      browser.waitFor(By.id("open-call")).click();
      browser.waitFor(By.id("call-form"));
      browser.waitFor(By.id("c-name-zh")).sendKeys(name);
      // Without the English name the dialog stays, saying so beside the field.
      browser.waitFor(By.id("call-save")).click();
      assertThat(browser.waitFor(By.id("c-name-en-error")).getText()).contains("请填写批次的英文名称");
      assertThat(browser.waitFor(By.id("c-name-zh")).getDomProperty("value")).isEqualTo(name);
      browser.screenshot("program-call-refused");
      browser.waitFor(By.id("c-name-en")).sendKeys("Browser test call");
      browser.clickAndWaitForNewPage(By.id("call-save"));
      browser.waitFor(By.id("call-opened"));
      assertThat(browser.waitFor(By.id("program-calls")).getText()).contains(name);
      browser.screenshot("program-call-opened");

      browser.open("/talent-programs/liaisons");
      WebElement first = browser.waitFor(By.cssSelector("#liaisons tbody tr"));
      String row = first.getDomAttribute("id");
      first.findElement(By.cssSelector(".record-visit")).click();
      browser.waitFor(By.id("visit-form"));
      browser.waitFor(By.id("visit-save")).click();
      assertThat(browser.waitFor(By.id("v-note-error")).getText()).contains("请填写走访情况");
      browser.waitFor(By.id("v-note")).sendKeys(note);
      browser.waitFor(By.id("v-outcome")).sendKeys("协调解决中试场地");
      browser.screenshot("liaison-visit-dialog");
      browser.clickAndWaitForNewPage(By.id("visit-save"));
      browser.waitFor(By.id("visit-recorded"));
      assertThat(browser.waitFor(By.id(row)).getText()).contains(note, "成效：协调解决中试场地");
      browser.screenshot("liaison-visit-recorded");

      // A leader is assigned to a key talent found by name; a blank name is refused beside it.
      browser.open("/talent-programs/liaisons");
      browser.waitFor(By.id("assign-liaison")).click();
      browser.waitFor(By.id("liaison-form"));
      browser.waitFor(By.id("l-search")).sendKeys(keyName);
      browser.waitFor(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#l-talent option[value='" + keyId + "']")));
      new Select(browser.waitFor(By.id("l-talent"))).selectByValue(keyId);
      browser.waitFor(By.id("l-post")).sendKeys("市委常委、组织部部长");
      browser.waitFor(By.id("liaison-save")).click();
      assertThat(browser.waitFor(By.id("l-name-error")).getText()).contains("请填写联系领导的姓名");
      assertThat(new Select(browser.waitFor(By.id("l-talent"))).getFirstSelectedOption().getText())
          .contains(keyName);
      browser.waitFor(By.id("l-name")).sendKeys(leader);
      browser.screenshot("liaison-assign-dialog");
      browser.clickAndWaitForNewPage(By.id("liaison-save"));
      browser.waitFor(By.id("liaison-assigned"));
      assertThat(browser.waitFor(By.cssSelector("#liaisons tr.table-success")).getText())
          .contains(keyName, leader + " · 市委常委、组织部部长");
      browser.screenshot("liaison-assigned");
      assertThat(browser.consoleErrors()).isEmpty();
    }
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql("select count(*) from talent_program_call where name_zh = ?")
                        .param(name)
                        .query(Long.class)
                        .single()))
        .isEqualTo(1);
    // Both writes are in the audit.
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql(
                            "select count(*) from audit_event where entity in"
                                + " ('talent_program_call', 'talent_liaison')"
                                + " and (details::text like ? or details::text like ?"
                                + " or details::text like ?)")
                        .params("%" + note + "%", "%" + name + "%", "%" + leader + "%")
                        .query(Long.class)
                        .single()))
        .isEqualTo(3);
  }
}
