package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.platform.DataScope;
import org.zugong.shared.Role;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.ZugongTest;

/**
 * Start a transfer and accept it as the target: 南门街道's administrator sends one of its members to a
 * branch of 江厦街道, whose administrator accepts; the member then belongs to that branch, and the card
 * and the transfer history show the move.
 */
class TransferJourneyTest extends ZugongTest {

  @Autowired PasswordEncoder encoder;

  record Target(long id, String code, String name) {}

  record Member(long id, String name) {}

  /** A member of 南门街道 whose name no other member of 南门 bears, never transferred. */
  Member member() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id, m.name from member m where starts_with(m.scope_path, ?) and m.status = 'NORMAL'
                      and not exists (select 1 from member_transfer t where t.member_id = m.id)
                      and (select count(*) from member o where o.name = m.name) = 1
                    order by m.id limit 1
                    """)
                .param(TransfersTest.NANMEN)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2)))
                .single());
  }

  Target target() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select id, code, name from organization where starts_with(path, ?) and kind = 'BRANCH'"
                        + " and dissolved_on is null order by id offset 1 limit 1")
                .param(TransfersTest.JIANGXIA)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .single());
  }

  @Test
  void startATransferAndAcceptItAsTheTarget() {
    TestAccounts.ensure(
        jdbc,
        encoder,
        TransfersTest.JIANGXIA_ADMIN,
        Role.TOWN_ADMIN,
        "330203002",
        TransfersTest.JIANGXIA);
    Member member = member();
    Target target = target();
    try (Browser browser = Browser.start(baseUrl())) {
      // 南门街道 starts the transfer from its work list, picking the member and the target's code.
      browser.signIn(DemoAccounts.TOWN_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/transfers']"));
      assertThat(browser.path()).startsWith("/transfers");
      browser.waitFor(By.id("transfer-start")).click();
      browser.waitFor(By.id("t-member-q")).sendKeys(member.name());
      browser.waitFor(By.cssSelector("label:has(#t-member-" + member.id() + ")")).click();
      browser.waitFor(By.id("t-target-code")).sendKeys(target.code());
      browser.screenshot("transfer-start");
      browser.clickAndWaitForNewPage(By.id("transfer-start-save"));
      browser.waitForText(By.id("transfer-state"), "已提交");
      assertThat(browser.path()).matches("/transfers/\\d+");
      String transfer = browser.path().substring("/transfers/".length());
      assertThat(browser.driver().findElement(By.id("transfer-target")).getText())
          .isEqualTo(target.name());
      // The source may cancel but not accept.
      assertThat(browser.driver().findElements(By.id("action-ACCEPT"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("action-CANCEL"))).hasSize(1);
      browser.screenshot("transfer-submitted");
      browser.clickAndWaitForNewPage(By.id("logout"));

      // 江厦街道 finds it among its pending incoming transfers, then in its branch's, and accepts.
      browser.signIn(TransfersTest.JIANGXIA_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/transfers']"));
      browser.waitForText(By.id("transfer-" + transfer), member.name());
      browser.open("/transfers?org=" + target.id());
      browser.waitForText(By.id("transfer-" + transfer), member.name());
      assertThat(browser.driver().findElement(By.id("category-PENDING")).getDomAttribute("class"))
          .contains("active");
      browser.screenshot("transfer-pending");
      var accept = browser.waitFor(By.id("transfer-" + transfer + "-ACCEPT"));
      // Tabler scrolls smoothly; a click must not land while the page still moves.
      browser
          .driver()
          .executeScript(
              "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", accept);
      browser.waitFor(ExpectedConditions.elementToBeClickable(accept)).click();
      browser.waitFor(By.id("dialog-transfer-step"));
      assertThat(browser.driver().findElement(By.id("transfer-step-summary")).getText())
          .contains(member.name(), target.name());
      browser.clickAndWaitForNewPage(By.id("transfer-step-save"));
      browser.waitForText(By.id("transfer-state"), "已接收");

      // The member now belongs to the target; card and history show the move.
      browser.clickAndWaitForNewPage(By.cssSelector("#transfer-member a"));
      browser.waitForText(By.id("member-card"), target.name());
      browser.waitForText(By.id("member-history"), "组织关系转入");
      browser.screenshot("transfer-member-card");
      browser.open("/members/" + member.id() + "/transfers");
      browser.waitFor(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("member-transfer-steps"), "已接收"));
      assertThat(browser.driver().findElement(By.id("member-transfer-steps")).getText())
          .contains("已提交", "已接收", target.name());
      assertThat(browser.driver().findElement(By.id("member-organization")).getText())
          .isEqualTo(target.name());
      assertThat(browser.consoleErrors()).isEmpty();
      browser.screenshot("transfer-member-history");
    }
  }
}
