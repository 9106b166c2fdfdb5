package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/**
 * 码上秒享 over HTTP (the talent's own page, its uses recorded, the QR code, the confirmation, and
 * nobody else's page), the runs API, and the browser journey: an officer edits a policy, runs it,
 * approves; the talent opens the QR page on a phone, sees the reason for each benefit and confirms.
 */
class InstantServiceTest extends ZugongTest {

  private long ownTalent() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select t.id from talent t join identity_account a on a.scope_path = t.scope_path"
                        + " where a.username = ?")
                .param(DemoAccounts.TALENT)
                .query(Long.class)
                .single());
  }

  private String tokenOf(long talent) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select token from talent_qr where talent_id = ?")
                .param(talent)
                .query(String.class)
                .single());
  }

  private long uses(long talent) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select count(*) from instant_service_use where talent_id = ?")
                .param(talent)
                .query(Long.class)
                .single());
  }

  @Test
  void theTalentOpensTheirOwnPageOnlyAndEveryOpeningIsCounted() throws Exception {
    long own = ownTalent();
    String token = tokenOf(own);
    assertThat(token).hasSize(22);
    WebClient talent = signedIn(DemoAccounts.TALENT);
    long before = uses(own);
    HttpResponse<String> page = talent.get("/q/" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("码上秒享", "id=\"instant-missing\"", "id=\"instant-tier\"");
    // What is missing reads as sentences with the talent's own values, not as field codes.
    assertThat(page.body())
        .contains("class=\"instant-why\"", "（您的")
        .doesNotContain("withinYears", "ageAtArrival", "socialInsuranceMonths");
    assertThat(uses(own)).isEqualTo(before + 1);
    // An officer looking at the page is not a use of the service.
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    assertThat(city.get("/q/" + token).statusCode()).isEqualTo(200);
    assertThat(uses(own)).isEqualTo(before + 1);

    // Another talent's code opens nothing, signed in or not; the token alone is not enough.
    long other =
        DataScope.asSystem(
            () ->
                jdbc.sql("select talent_id from talent_qr where talent_id <> ? order by 1 limit 1")
                    .param(own)
                    .query(Long.class)
                    .single());
    assertThat(talent.get("/q/" + tokenOf(other)).statusCode()).isEqualTo(404);
    assertThat(talent.get("/q/" + tokenOf(other) + "/code.png").statusCode()).isEqualTo(404);
    assertThat(client().get("/q/" + token).statusCode()).isIn(302, 401, 403);
    assertThat(talent.get("/q/not-a-token").statusCode()).isEqualTo(404);

    // The QR code reads back as the page's address.
    HttpResponse<byte[]> png =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/" + token + "/code.png"))
                    .header("Cookie", "JSESSIONID=" + talent.cookie("JSESSIONID"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    var image = ImageIO.read(new ByteArrayInputStream(png.body()));
    String decoded =
        new MultiFormatReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();
    assertThat(decoded).endsWith("/q/" + token);

    // The talent's confirmation is recorded with the account; an officer cannot confirm for them.
    long intents =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from benefit_intent where talent_id = ?")
                    .param(own)
                    .query(Long.class)
                    .single());
    city.get("/");
    assertThat(city.post("/q/" + token + "/confirm", Map.of()).statusCode()).isEqualTo(403);
    talent.get("/");
    HttpResponse<String> confirmed = talent.post("/q/" + token + "/confirm", Map.of());
    assertThat(confirmed.statusCode()).isIn(200, 302);
    String after = talent.get("/q/" + token).body();
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql("select count(*) from benefit_intent where talent_id = ?")
                        .param(own)
                        .query(Long.class)
                        .single()))
        .as(after)
        .isEqualTo(intents + 1);
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql("select count(*) from benefit_intent where talent_id = ?")
                        .param(own)
                        .query(Long.class)
                        .single()))
        .isEqualTo(intents + 1);
    assertThat(talent.get("/benefit-runs").statusCode()).isEqualTo(403);
  }

  @Test
  void theRunsApiStartsAndApprovesARunOfTheDistrict() throws Exception {
    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    HttpResponse<String> started = haishu.postJson("/api/v1/benefit-runs?date=2025-03-31", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    long until = System.nanoTime() + 60_000_000_000L;
    String status = "";
    while (System.nanoTime() < until && !status.contains("\"PROPOSED\"")) {
      status = haishu.get("/api/v1/benefit-runs/" + id).body();
      Thread.sleep(100);
    }
    assertThat(status).contains("\"status\":\"PROPOSED\"", "\"scopePath\"");
    assertThat(haishu.get("/api/v1/benefit-runs/" + id + "/grants").statusCode()).isEqualTo(200);
    HttpResponse<String> approved =
        haishu.postJson("/api/v1/benefit-runs/" + id + "/approve", "{}");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.body()).contains("\"status\":\"PAID\"");
    HttpResponse<String> again = haishu.postJson("/api/v1/benefit-runs/" + id + "/approve", "{}");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("不在待审批状态");
    // A district administrator cannot approve the city's run.
    String city =
        DataScope.asSystem(
            () ->
                jdbc.sql("select id::text from benefit_run where scope_path = '/330200/' limit 1")
                    .query(String.class)
                    .single());
    assertThat(haishu.postJson("/api/v1/benefit-runs/" + city + "/publish", "{}").statusCode())
        .isIn(400, 403, 404);
    assertThat(
            signedIn(DemoAccounts.TOWN_ADMIN).postJson("/api/v1/benefit-runs", "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void officerEditsRunsAndApprovesThenTheTalentConfirmsOnAPhone() {
    String today = LocalDate.now().toString();
    try (Browser officer = Browser.start(baseUrl())) {
      officer.signIn(DemoAccounts.CITY_ADMIN, DemoAccounts.PASSWORD);
      officer.open("/policies/NB-DISTRICT-330212/versions/1");
      WebElement editor = officer.waitFor(By.id("policy-document"));
      String json = editor.getDomProperty("value");
      assertThat(json).containsPattern("\"version\" ?: 1").contains("2022-01-01");
      String edited =
          json.replaceFirst("\"version\" ?: 1", "\"version\": 2")
              .replaceFirst(
                  "\"effectiveFrom\" ?: \"2022-01-01\"", "\"effectiveFrom\": \"" + today + "\"")
              .replaceFirst("\"BACHELOR\" ?: (\\d+)", "\"BACHELOR\": 15000");
      officer.driver().executeScript("arguments[0].value = arguments[1];", editor, edited);
      press(officer, By.id("policy-save"));
      assertThat(officer.driver().findElements(By.id("policy-problems")))
          .as(officer.pageText())
          .isEmpty();
      officer.waitFor(By.id("policy-saved"));
      press(officer, By.id("policy-publish"));
      officer.waitFor(By.id("policy-published"));

      officer.open("/benefit-runs");
      // The run covers 鄞州区, the district whose policy was edited.
      new org.openqa.selenium.support.ui.Select(officer.waitFor(By.id("run-region")))
          .selectByValue("330212");
      press(officer, By.cssSelector("#start-run button"));
      assertThat(officer.path()).startsWith("/benefit-runs/");
      // The progress card polls until the run is proposed, then offers approval.
      officer.waitFor(By.id("approve-run"));
      officer.screenshot("benefit-run-proposed");
      assertThat(officer.driver().findElement(By.id("run-risks")).getText()).isNotBlank();
      press(officer, By.id("approve-run"));
      officer.waitForText(By.id("run-status"), "已发放");
      officer.screenshot("benefit-run-paid");
      assertThat(officer.consoleErrors()).isEmpty();
    }
    long own = ownTalent();
    try (Browser phone = Browser.start(baseUrl())) {
      phone.signIn(DemoAccounts.TALENT, DemoAccounts.PASSWORD);
      phone.driver().manage().window().setSize(new Dimension(390, 844));
      phone.open("/talents/" + own + "/code");
      phone.waitFor(By.id("qr-code"));
      press(phone, By.id("qr-link"));
      assertThat(phone.path()).startsWith("/q/");
      List<WebElement> benefits = phone.driver().findElements(By.cssSelector(".instant-benefit"));
      assertThat(benefits).as("benefits available to the demo talent").isNotEmpty();
      List<String> reasons =
          benefits.stream()
              .map(b -> b.findElement(By.cssSelector(".instant-reason")).getText())
              .toList();
      assertThat(reasons).allMatch(r -> r.startsWith("依据：") && r.contains("条款 NB-"));
      // The talent began the district's housing allowance under version 1: version 2, just
      // published, carries it on rather than beginning another, and the reason names version 1.
      assertThat(reasons)
          .anyMatch(r -> r.contains("第 1 版条款 NB-DISTRICT-330212/housing") && r.contains("原版本"));
      assertThat(phone.driver().findElement(By.id("instant-received")).getText()).contains("已到账");
      phone.screenshot("instant-phone");
      press(phone, By.id("confirm-intent"));
      phone.waitFor(By.id("confirmed"));
      assertThat(phone.driver().findElement(By.id("confirmed-at")).getText()).contains("最近一次确认");
      phone.screenshot("instant-phone-confirmed");
      assertThat(phone.consoleErrors()).isEmpty();
    }
  }

  /** Clicks a button that leads to another page (from script: no overlay intercepts it). */
  private static void press(Browser browser, By by) {
    WebElement html = browser.driver().findElement(By.tagName("html"));
    browser.driver().executeScript("arguments[0].click();", browser.waitFor(by));
    browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
    browser.waitFor(
        d ->
            "complete"
                .equals(
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState")));
  }
}
