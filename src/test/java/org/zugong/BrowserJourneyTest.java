package org.zugong;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** Journeys through the real pages in a headless Chromium. */
class BrowserJourneyTest extends ZugongTest {

  @Autowired PasswordEncoder passwordEncoder;

  @AfterEach
  void chineseAgainForTheOtherTests() {
    // The journey switches back itself; this only keeps a failed run from leaking English.
    DataScope.asSystem(
        () ->
            jdbc.sql("update identity_account set locale = 'zh-CN' where username = ?")
                .param(DemoAccounts.HAISHU_ADMIN)
                .update());
  }

  @Test
  void districtAdminJourney() {
    try (Browser browser = Browser.start(baseUrl())) {
      // The login page is Chinese by default.
      browser.open("/login");
      assertThat(browser.waitFor(By.id("login-submit")).getText()).isEqualTo("登录");
      assertThat(browser.language()).startsWith("zh");
      browser.screenshot("login");

      // Signed in: the Chinese home page of the district.
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.waitFor(By.id("current-user")).getText())
          .contains(DemoAccounts.HAISHU_ADMIN);
      assertThat(browser.pageText()).contains("您好");
      assertThat(browser.driver().findElement(By.id("scope-name")).getText()).contains("海曙区");
      assertThat(browser.driver().findElements(By.cssSelector("#home-figures .card"))).isNotEmpty();
      assertThat(browser.language()).startsWith("zh");
      assertSoundHaishuPage(browser);
      browser.screenshot("home-zh");

      // English on request.
      browser.clickAndWaitForNewPage(By.id("lang-en"));
      browser.waitFor(By.id("lang-zh"));
      assertThat(browser.language()).startsWith("en");
      assertThat(browser.pageText()).contains("Welcome");
      assertThat(browser.driver().findElement(By.id("logout")).getText()).isEqualTo("Sign out");
      assertThat(browser.driver().findElement(By.id("scope-name")).getText()).contains("海曙区");
      assertSoundHaishuPage(browser);
      browser.screenshot("home-en");

      // The region tree holds the district only; its towns load on demand.
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/regions']"));
      assertThat(browser.path()).startsWith("/regions");
      browser.waitForText(By.id("region-tree"), "海曙区");
      assertThat(browser.driver().findElement(By.id("children-330203")).getText()).isEmpty();
      browser.waitFor(By.cssSelector("#node-330203 > .zg-toggle")).click();
      browser.waitForText(By.id("children-330203"), "南门街道");
      assertThat(browser.driver().findElement(By.id("children-330203")).getText()).contains("江厦街道");
      assertSoundHaishuPage(browser);

      // The search answers as one types.
      browser.waitFor(By.id("region-q")).sendKeys("南门");
      browser.waitFor(
          d -> {
            List<String> names =
                d.findElements(By.cssSelector("#region-results tbody td:nth-child(2)")).stream()
                    .map(WebElement::getText)
                    .toList();
            return !names.isEmpty()
                && names.contains("南门街道")
                && names.stream().allMatch(name -> name.contains("南门"));
          });
      assertThat(browser.driver().findElement(By.id("region-q")).getDomProperty("value"))
          .isEqualTo("南门");
      assertSoundHaishuPage(browser);
      browser.screenshot("regions");

      // Signing out leads back to the login page.
      browser.clickAndWaitForNewPage(By.id("logout"));
      browser.waitFor(By.id("login-logout"));
      assertThat(browser.path()).startsWith("/login");

      // The language is remembered with the account: the next sign-in is English.
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.waitFor(By.id("current-user"));
      assertThat(browser.language()).startsWith("en");
      assertThat(browser.pageText()).contains("Welcome").doesNotContain("您好");
      assertThat(storedLocale(DemoAccounts.HAISHU_ADMIN)).isEqualTo("en");

      // Back to Chinese, which is stored too.
      browser.clickAndWaitForNewPage(By.id("lang-zh"));
      browser.waitFor(By.id("lang-en"));
      assertThat(browser.language()).startsWith("zh");
      assertThat(browser.pageText()).contains("您好");
      assertThat(storedLocale(DemoAccounts.HAISHU_ADMIN)).isEqualTo("zh-CN");
    }
  }

  @Test
  void fiveWrongPasswordsLockTheAccount() {
    String username = "lockme_" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String password = "Right@2024pass";
    createDistrictAdmin(username, password);
    try (Browser browser = Browser.start(baseUrl())) {
      for (int attempt = 1; attempt <= 5; attempt++) {
        browser.signIn(username, "Wrong@2024pass" + attempt);
        browser.waitFor(By.id("login-error"));
        assertThat(browser.driver().findElements(By.id("login-locked"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("current-user"))).isEmpty();
      }
      browser.screenshot("login-wrong-password");

      // The right password no longer helps.
      OffsetDateTime before = OffsetDateTime.now();
      browser.signIn(username, password);
      assertThat(browser.waitFor(By.id("login-locked")).getText()).contains("15");
      assertThat(browser.driver().findElements(By.id("login-error"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("current-user"))).isEmpty();
      browser.screenshot("login-locked");

      // Not signed in: the home page sends back to the login page.
      browser.open("/");
      browser.waitFor(ExpectedConditions.urlContains("/login"));
      assertThat(browser.driver().findElements(By.id("current-user"))).isEmpty();

      OffsetDateTime lockedUntil =
          DataScope.asSystem(
              () ->
                  jdbc.sql("select locked_until from identity_account where username = ?")
                      .param(username)
                      .query(OffsetDateTime.class)
                      .single());
      assertThat(lockedUntil)
          .isAfter(before.plus(Duration.ofMinutes(14)))
          .isBefore(OffsetDateTime.now().plus(Duration.ofMinutes(16)));
    } finally {
      DataScope.asSystem(
          () ->
              jdbc.sql("delete from identity_account where username = ?").param(username).update());
    }
  }

  private void createDistrictAdmin(String username, String password) {
    DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    insert into identity_account
                      (username, display_name, password_hash, scope_code, scope_path, created_at, updated_at)
                    values (?, ?, ?, '330203', '/330200/330203/', now(), now())
                    """)
                .params(username, "锁定测试 " + username, passwordEncoder.encode(password))
                .update());
    DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    insert into identity_account_role (account_id, role)
                    select id, 'DISTRICT_ADMIN' from identity_account where username = ?
                    """)
                .param(username)
                .update());
  }

  private String storedLocale(String username) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select locale from identity_account where username = ?")
                .param(username)
                .query(String.class)
                .single());
  }

  /**
   * A page of the Haishu administrator: nothing of another district, no message key without a text,
   * no script error or blocked resource in the console.
   */
  private static void assertSoundHaishuPage(Browser browser) {
    assertThat(browser.driver().getPageSource()).doesNotContain("江北区");
    assertThat(browser.pageText()).doesNotContain("??");
    assertThat(browser.consoleErrors())
        .as("console errors on %s", browser.path())
        // The application has no favicon; Chromium asks for one anyway.
        .filteredOn(message -> !message.contains("/favicon.ico"))
        .isEmpty();
  }
}
