package org.zugong.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * A district administrator opens a branch's dues for December 2022 through the menu and the tree,
 * records the payment a member still owed, and finds the member no longer in arrears.
 */
class DuesJourneyTest extends ZugongTest {

  record Debtor(long id, String name, String branch, String town) {}

  /** A member of a branch right under a town of 海曙区 who owes only December 2022. */
  Debtor owingDecemberOnly() {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id, m.name, o.name, t.name from member m
                      join organization o on o.id = m.organization_id
                      join organization t on t.id = o.parent_id
                    where starts_with(m.scope_path, '/330200/330203/') and m.status = 'NORMAL'
                      and m.dues_category <> 'RETIRED' and m.joined_on < '2022-01-01'
                      and t.kind in ('COMMITTEE', 'WORKING_COMMITTEE')
                      and t.parent_id = (select id from organization where name = '中共海曙区委')
                      and not exists (select 1 from member_dues_exemption e where e.member_id = m.id)
                      and (select count(*) from member_dues_payment p
                           where p.member_id = m.id and p.for_month < '2022-12-01') = 11
                      and not exists (select 1 from member_dues_payment p
                                      where p.member_id = m.id and p.for_month = '2022-12-01')
                    order by m.id desc limit 1
                    """)
                .query(
                    (rs, n) ->
                        new Debtor(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single());
  }

  @Test
  void aDistrictAdminRecordsADecemberPaymentAndTheMemberLeavesTheArrears() {
    Debtor debtor = owingDecemberOnly();
    By row = By.id("dues-row-" + debtor.id());
    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);

      // The district's arrears at the end of the latest month of the books, town by town.
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/dues/arrears']"));
      assertThat(browser.waitFor(By.id("dues-month")).getDomProperty("value")).isEqualTo("2022-12");
      assertThat(browser.waitFor(By.id("arrears-table")).getText())
          .contains("中共海曙区委", debtor.town());
      browser.screenshot("dues-arrears-district");

      // The branch's dues for December, found through the tree.
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/dues']"));
      browser.clickAndWaitForNewPage(By.linkText(debtor.town()));
      browser.clickAndWaitForNewPage(By.linkText(debtor.branch()));
      assertThat(browser.waitFor(By.id("dues-month")).getDomProperty("value")).isEqualTo("2022-12");
      assertThat(browser.waitFor(row).getText()).contains(debtor.name(), "未交", "党费规定");

      // In arrears: the branch's figure opens the member.
      browser.clickAndWaitForNewPage(By.id("dues-arrears-link"));
      browser.clickAndWaitForNewPage(By.cssSelector("#arrears-table tbody tr .arrears-members"));
      assertThat(browser.waitFor(By.id("debtor-" + debtor.id())).getText())
          .contains(debtor.name(), "欠交党费1个月");
      browser.clickAndWaitForNewPage(By.id("debtor-sheet-" + debtor.id()));

      // The sheet of those who have not paid December; the dialog offers the due, and the receipt
      // is dated 30 December.
      assertThat(browser.waitFor(By.id("dues-unpaid")).isSelected()).isTrue();
      browser.screenshot("dues-branch-december");
      browser.waitFor(By.id("pay-" + debtor.id())).click();
      browser.waitFor(By.id("payment-form"));
      assertThat(browser.waitFor(By.id("p-amount")).getDomProperty("value")).isNotBlank();
      assertThat(browser.driver().findElement(By.id("payment-due")).getText()).contains("党费规定");
      WebElement date = browser.driver().findElement(By.id("p-paid-on"));
      browser.driver().executeScript("arguments[0].value = '2022-12-30'", date);
      browser.screenshot("dues-payment-dialog");
      browser.clickAndWaitForNewPage(By.id("payment-save"));

      // Paid: no longer among those who have not paid December, nor in the branch's arrears.
      browser.waitFor(By.id("dues-summary"));
      assertThat(browser.driver().findElements(row)).isEmpty();
      browser.clickAndWaitForNewPage(By.id("dues-arrears-link"));
      browser.clickAndWaitForNewPage(By.cssSelector("#arrears-table tbody tr .arrears-members"));
      browser.waitFor(By.id("debtors-table"));
      assertThat(browser.driver().findElements(By.id("debtor-" + debtor.id()))).isEmpty();
      browser.screenshot("dues-arrears-after");
      assertThat(browser.consoleErrors()).isEmpty();
    }
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql(
                            "select paid_on::text from member_dues_payment where member_id = ?"
                                + " and for_month = '2022-12-01'")
                        .param(debtor.id())
                        .query(String.class)
                        .single()))
        .isEqualTo("2022-12-30");
  }
}
