package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** Placing a mobile member, through the real pages in a headless Chromium. */
class MobileMemberJourneyTest extends ZugongTest {

  @Test
  void placeAMobileMember() {
    String community =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select code from organization where region_code like '330203%'"
                            + " and kind = 'BRANCH' and unit_type = 'COMMUNITY'"
                            + " and dissolved_on is null order by id limit 1")
                    .query(String.class)
                    .single());
    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/mobile-members']"));
      long placed = figure(browser, "PLACED");
      long unplaced = figure(browser, "UNPLACED");
      assertThat(unplaced).isPositive();
      assertSound(browser);
      browser.screenshot("mobile-coverage");

      // The unplaced figure opens its list; a registered member there opens their page.
      browser.clickAndWaitForNewPage(By.id("figure-UNPLACED"));
      assertThat(browser.waitFor(By.id("mobile-list-name")).getText()).isEqualTo("未纳管");
      By registered = By.cssSelector("#mobile-rows tr[data-registered='true'] a.mobile-name");
      String name = browser.waitFor(registered).getText();
      browser.clickAndWaitForNewPage(registered);
      assertThat(browser.waitFor(By.id("mobile-member-name")).getText()).isEqualTo(name);
      assertThat(browser.waitFor(By.id("mobile-unplaced")).getText()).contains("三个一批");
      assertThat(browser.driver().findElements(By.cssSelector("[id^='step-']"))).hasSize(5);

      // Placed by residence with a community's branch, named by its code.
      browser.waitFor(By.id("mobile-place")).click();
      browser.waitFor(By.id("place-form"));
      browser.waitFor(By.id("route-RESIDENCE")).click();
      WebElement code = browser.waitFor(By.id("p-code"));
      code.clear();
      code.sendKeys(community);
      browser.screenshot("mobile-place-dialog");
      browser.clickAndWaitForNewPage(By.id("place-save"));
      browser.waitForText(By.id("mobile-coverage-badge"), "已纳管");
      assertThat(browser.waitFor(By.id("mobile-placing")).getText()).contains(community, "居住地接收");
      assertThat(browser.driver().findElements(By.id("mobile-unplaced"))).isEmpty();
      assertSound(browser);
      browser.screenshot("mobile-placed");

      // Counted as placed: one more placed, one fewer unplaced, and in the placed list.
      browser.open("/mobile-members");
      assertThat(figure(browser, "PLACED")).isEqualTo(placed + 1);
      assertThat(figure(browser, "UNPLACED")).isEqualTo(unplaced - 1);
      browser.clickAndWaitForNewPage(By.id("figure-PLACED"));
      browser.waitFor(By.id("mobile-q")).sendKeys(name);
      browser.waitFor(
          d -> {
            List<String> names =
                d.findElements(By.cssSelector("#mobile-rows a.mobile-name")).stream()
                    .map(WebElement::getText)
                    .toList();
            return names.contains(name) && names.stream().allMatch(n -> n.contains(name));
          });
      assertThat(browser.driver().findElement(By.id("mobile-list-name")).getText())
          .isEqualTo("已纳管");
      assertSound(browser);
      browser.screenshot("mobile-placed-list");
    }
  }

  private static long figure(Browser browser, String list) {
    String text = browser.waitFor(By.cssSelector("#figure-" + list + " .zg-figure")).getText();
    return Long.parseLong(text.replace(",", ""));
  }

  private static void assertSound(Browser browser) {
    assertThat(browser.driver().getPageSource()).doesNotContain("江北区");
    assertThat(browser.pageText()).doesNotContain("??");
    assertThat(browser.consoleErrors())
        .filteredOn(message -> !message.contains("/favicon.ico"))
        .isEmpty();
  }
}
