package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * A town administrator finds an activist in the to-do list of a branch, tries to designate them a
 * candidate before their year as an activist is over, reads the rule that refuses it and why, and
 * records the review that is due instead.
 */
class RecruitmentJourneyTest extends ZugongTest {

  @Autowired Recruitments recruitments;
  @Autowired Members members;
  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;
  @Autowired Clock clock;

  @Test
  void aRefusedStepShowsItsRuleAndReasonThenAValidStepIsRecorded() {
    LocalDate today = LocalDate.now(clock);
    LocalDate s = today.minusMonths(12);
    RecruitmentFixtures fixtures =
        new RecruitmentFixtures(recruitments, members, organizations, users, jdbc);
    long id;
    OrganizationView branch;
    try {
      fixtures.signIn(DemoAccounts.TOWN_ADMIN);
      branch = fixtures.branch("旅程测试党支部");
      id =
          recruitments.start(
              new Recruitments.Application(
                  RecruitmentFixtures.applicant("林晓旅", LocalDate.of(1997, 8, 8)),
                  branch.id(),
                  s,
                  branch.name(),
                  java.util.List.of(),
                  null));
      java.util.List<Long> full = fixtures.fullMembers(2);
      recruitments.record(
          id,
          Recruitments.StepRecord.of(
              RecruitmentStepKind.TALK, s.plusDays(12), branch.name(), full.get(0)));
      recruitments.record(
          id,
          Recruitments.StepRecord.of(
              RecruitmentStepKind.ACTIVIST_DESIGNATION,
              s.plusMonths(2),
              branch.name(),
              full.get(0),
              full.get(1)));
      recruitments.record(
          id,
          Recruitments.StepRecord.of(
              RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(8), branch.name()));
    } finally {
      RecruitmentFixtures.signOut();
    }

    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.TOWN_ADMIN, DemoAccounts.PASSWORD);

      // The branch's to-do list: the next review is due in two months.
      browser.open("/recruitments?org=" + branch.id());
      browser.waitForText(By.id("todo-rows"), "林晓旅");
      WebElement row =
          browser.waitFor(By.cssSelector("#todo-rows tr[data-recruitment='" + id + "']"));
      assertThat(row.getText()).contains("培养考察", s.plusMonths(14).toString(), "待办");
      assertThat(browser.driver().findElement(By.id("recruitment-org")).getText())
          .isEqualTo(branch.name());
      browser.screenshot("recruitment-todos");

      // The recruitment: an activist with application, talk, designation and one review.
      browser.clickAndWaitForNewPage(By.linkText("林晓旅"));
      assertThat(browser.path()).isEqualTo("/recruitments/" + id);
      assertThat(browser.waitFor(By.id("recruitment-stage")).getText()).isEqualTo("入党积极分子");
      assertThat(stepsShown(browser)).isEqualTo(4);

      // Designating a candidate ten months after the designation as activist is refused.
      browser.waitFor(By.id("record-step")).click();
      WebElement kind = browser.waitFor(By.id("s-kind"));
      assertThat(new Select(kind).getFirstSelectedOption().getText()).isEqualTo("培养考察");
      new Select(kind).selectByValue("CANDIDATE_DESIGNATION");
      browser.waitFor(ExpectedConditions.stalenessOf(kind));
      assertThat(new Select(browser.waitFor(By.id("s-kind"))).getFirstSelectedOption().getText())
          .isEqualTo("确定发展对象");
      assertThat(browser.waitFor(By.id("s-date")).getDomProperty("value"))
          .isEqualTo(today.toString());
      browser.waitFor(By.id("step-save")).click();
      WebElement error = browser.waitFor(By.id("dialog-error"));
      assertThat(error.getText())
          .contains("一年以上培养考察（第十六条）")
          .contains("入党积极分子须经过一年以上培养教育和考察，" + s.plusMonths(2).plusYears(1) + " 起方可列为发展对象");
      browser.screenshot("recruitment-refused");

      // The review that is due is recorded, and the page shows it.
      WebElement refusedKind = browser.waitFor(By.id("s-kind"));
      new Select(refusedKind).selectByValue("ACTIVIST_REVIEW");
      browser.waitFor(ExpectedConditions.stalenessOf(refusedKind));
      assertThat(browser.driver().findElements(By.id("dialog-error"))).isEmpty();
      browser.clickAndWaitForNewPage(By.id("step-save"));
      assertThat(browser.path()).isEqualTo("/recruitments/" + id);
      browser.waitForText(By.id("recruitment-steps"), today.toString());
      assertThat(stepsShown(browser)).isEqualTo(5);
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector("#recruitment-steps tr[data-step='ACTIVIST_REVIEW']")))
          .hasSize(2);
      assertThat(browser.waitFor(By.id("recruitment-todos")).getText())
          .contains("培养考察", today.plusMonths(6).toString());
      assertThat(browser.consoleErrors()).isEmpty();
      browser.screenshot("recruitment-recorded");
    }
  }

  private static int stepsShown(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#recruitment-steps tbody tr")).size();
  }
}
