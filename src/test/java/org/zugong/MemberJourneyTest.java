package org.zugong;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** A district administrator finds a member, opens a statistic and sees the list behind it. */
class MemberJourneyTest extends ZugongTest {

  @Test
  void findAMemberAndOpenAStatistic() {
    String name =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select name from member where starts_with(scope_path, '/330200/330203/')"
                            + " and status = 'NORMAL' order by id limit 1")
                    .query(String.class)
                    .single());
    try (Browser browser = Browser.start(baseUrl())) {
      browser.open("/login").signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);

      // Find a member by name: the list narrows as one types, on the server.
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/members']"));
      browser.waitFor(By.id("member-rows"));
      browser.driver().findElement(By.id("member-q")).sendKeys(name);
      browser.waitFor(
          d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#member-rows tbody tr"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(name));
          });
      browser.screenshot("members-search");
      browser.clickAndWaitForNewPage(By.linkText(name));
      browser.waitFor(By.id("member-card"));
      assertThat(browser.pageText()).contains(name).contains("********");
      browser.driver().findElement(By.id("reveal-id")).click();
      browser.waitFor(d -> !d.findElement(By.id("id-number")).getText().contains("*"));
      browser.screenshot("member-card");

      // Open the statistics of a town from the tree, click the figure of women, and see as many
      // women listed.
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/members/statistics']"));
      browser.waitFor(By.cssSelector("#org-node-" + districtCommittee() + " > .zg-toggle")).click();
      browser.waitFor(By.linkText("中共南门街道工作委员会"));
      browser.clickAndWaitForNewPage(By.linkText("中共南门街道工作委员会"));
      WebElement women = browser.waitFor(By.cssSelector("#stat-GENDER a[href*='value=FEMALE']"));
      long figure = Long.parseLong(women.getText().replace(",", ""));
      assertThat(figure).isPositive();
      browser.screenshot("member-statistics");
      browser.clickAndWaitForNewPage(By.cssSelector("#stat-GENDER a[href*='value=FEMALE']"));
      assertThat(browser.waitFor(By.id("member-filter")).getText()).contains("女");
      assertThat(browser.pageText()).contains("共 " + figure + " 名党员");
      assertThat(browser.driver().findElements(By.cssSelector("#member-rows tbody tr")))
          .allSatisfy(r -> assertThat(r.getText()).contains("女"));
      assertThat(browser.pageText()).doesNotContain("江北区");
      browser.screenshot("member-statistic-list");
    }
  }

  private long districtCommittee() {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select id from organization where name = '中共海曙区委'")
                .query(Long.class)
                .single());
  }
}
