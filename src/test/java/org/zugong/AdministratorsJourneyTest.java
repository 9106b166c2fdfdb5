package org.zugong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * The three separated administrators in a real browser: the system administrator opens an account
 * in a dialog, the security administrator gives it a role, the auditor finds both and verifies the
 * chain.
 */
class AdministratorsJourneyTest extends ZugongTest {

  @Test
  void openAssignAndAudit() {
    try (Browser browser = Browser.start(baseUrl())) {
      browser.open("/login").signIn(DemoAccounts.SYSTEM_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/accounts']"));
      browser.waitFor(By.id("account-rows"));
      browser.driver().findElement(By.id("account-new")).click();
      browser.waitFor(By.id("new-account-form"));
      browser.driver().findElement(By.id("f-username")).sendKeys("li.na");
      browser.driver().findElement(By.id("f-display")).sendKeys("李娜");
      browser.driver().findElement(By.id("f-password")).sendKeys("short");
      browser.driver().findElement(By.id("f-id")).sendKeys("330203199001011236");
      browser.driver().findElement(By.id("new-account-save")).click();
      // A weak password is refused in the dialog, in Chinese, and nothing is saved.
      browser.waitForText(By.id("dialog-error"), "密码至少 8 位");
      browser.screenshot("account-dialog-error");
      WebElement password = browser.driver().findElement(By.id("f-password"));
      password.sendKeys("LiNa#2022ok");
      browser.driver().findElement(By.id("new-account-save")).click();
      browser.waitFor(ExpectedConditions.urlContains("q=li.na"));
      browser.waitForText(By.id("account-rows"), "李娜");
      assertThat(browser.pageText())
          .contains("330203********1236")
          .doesNotContain("330203199001011236");
      WebElement row =
          browser.driver().findElements(By.cssSelector("#account-rows tbody tr")).stream()
              .filter(r -> r.getText().contains("li.na"))
              .findFirst()
              .orElseThrow();
      row.findElement(By.cssSelector("button[hx-post$='/id-number']")).click();
      browser.waitForText(By.cssSelector("#account-rows"), "330203199001011236");
      browser.screenshot("accounts");
      browser.clickAndWaitForNewPage(By.id("logout"));

      browser.open("/login").signIn(DemoAccounts.SECURITY_ADMIN, DemoAccounts.PASSWORD);
      browser.open("/accounts?q=li.na");
      browser.waitFor(By.cssSelector("button[hx-get$='/roles']")).click();
      browser.waitFor(By.id("roles-form"));
      browser
          .driver()
          .findElement(By.cssSelector("input[name='roles'][value='TOWN_ADMIN']"))
          .click();
      WebElement scope = browser.driver().findElement(By.id("f-scope"));
      scope.clear();
      scope.sendKeys("330203001");
      browser.screenshot("roles-dialog");
      browser.driver().findElement(By.cssSelector("#roles-form button[type='submit']")).click();
      browser.waitForText(By.id("account-rows"), "镇乡（街道）管理员");
      assertThat(browser.pageText()).contains("南门街道");
      browser.clickAndWaitForNewPage(By.id("logout"));

      browser.open("/login").signIn(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/audit']"));
      browser.waitForText(By.id("audit-rows"), "reveal");
      assertThat(browser.pageText()).contains("assign").contains("create").contains("li.na");
      browser.driver().findElement(By.id("audit-verify")).click();
      browser.waitForText(By.id("verification"), "审计链完整");
      browser.screenshot("audit");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
