package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.MemberSheets;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.Organizations;
import org.zugong.person.Gender;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** A district administrator imports a sheet with errors, reads the marked cells, fixes, imports. */
class MemberImportJourneyTest extends ZugongTest {

  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;

  String aBranchOfHaishu() {
    var user = users.loadUserByUsername(DemoAccounts.HAISHU_ADMIN);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    try {
      return organizations.search("", OrganizationKind.BRANCH, null, 3, 1).rows().getFirst().code();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Downloads a file with the browser's session. */
  static byte[] download(Browser browser, String url) {
    String cookies =
        browser.driver().manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    try {
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void upload(Browser browser, Path file) {
    browser.waitFor(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    browser.clickAndWaitForNewPage(By.id("import-submit"));
    assertThat(browser.path()).matches("/member-imports/\\d+");
  }

  @Test
  void importASheetWithErrorsSeeTheMarkedCellsFixAndImport() throws IOException {
    String branch = aBranchOfHaishu();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(
          MemberSheets.member(
              "旅程导入" + i, MemberSheets.freshId(i % 2 == 0 ? Gender.MALE : Gender.FEMALE), branch));
    }
    List<List<String>> good = rows.stream().map(List::copyOf).toList();
    rows.get(2).set(MemberColumn.GENDER.index(), "未知"); // B4
    rows.get(9).set(MemberColumn.ORGANIZATION_CODE.index(), "O000000"); // K11
    rows.get(20).set(MemberColumn.PHONE.index(), "12345"); // F22
    Path sheet = Files.createTempFile("党员信息-", ".xlsx");
    Files.write(sheet, MemberSheets.workbook(rows));

    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.clickAndWaitForNewPage(By.cssSelector("a[data-menu='/member-imports']"));
      assertThat(browser.pageText()).contains("下载导入模板", "海曙区党员信息补录.xlsx");
      assertThat(browser.pageText()).doesNotContain("江北区");
      byte[] template =
          download(
              browser,
              baseUrl() + browser.waitFor(By.id("import-template")).getDomAttribute("href"));
      assertThat(MemberSheets.sheetNames(template)).contains("填写说明");
      browser.screenshot("import-page");

      // A sheet with three bad cells: refused, nothing written, the cells named.
      upload(browser, sheet);
      browser.waitFor(By.id("import-refused"));
      assertThat(browser.waitFor(By.id("import-status")).getText()).isEqualTo("有错误，未导入");
      assertThat(browser.driver().findElement(By.id("import-refused")).getText())
          .contains("发现 3 处错误", "未写入任何数据");
      String table = browser.driver().findElement(By.id("import-errors")).getText();
      assertThat(table).contains("4 B 性别", "11 K 党组织代码", "22 F 联系电话", "“未知”不是可选的值");
      browser.screenshot("import-refused");

      // The error workbook marks exactly those cells, each with its reason.
      String link =
          browser.driver().findElement(By.id("import-error-workbook")).getDomAttribute("href");
      byte[] errors = download(browser, baseUrl() + link);
      assertThat(MemberSheets.filledCells(errors, "FFC7CE")).isEqualTo(Set.of("B4", "K11", "F22"));
      assertThat(MemberSheets.comments(errors).get("K11"))
          .isEqualTo("第 11 行 K 列（党组织代码）：党组织 O000000 不存在或不在您的管辖范围内。");

      // Fixed in the error workbook itself, which goes back as it is, its error column included.
      List<List<String>> fixed = new ArrayList<>();
      for (List<String> row : MemberSheets.read(errors, 0)) {
        fixed.add(new ArrayList<>(row));
      }
      List<String> header = fixed.removeFirst();
      assertThat(header).hasSize(15);
      for (MemberColumn c :
          List.of(MemberColumn.GENDER, MemberColumn.ORGANIZATION_CODE, MemberColumn.PHONE)) {
        for (int r : List.of(2, 9, 20)) {
          fixed.get(r).set(c.index(), good.get(r).get(c.index()));
        }
      }
      Path corrected = Files.createTempFile("党员信息-已改-", ".xlsx");
      Files.write(corrected, MemberSheets.workbook(header, fixed));

      browser.open("/member-imports");
      upload(browser, corrected);
      browser.waitFor(By.id("import-done"));
      assertThat(browser.driver().findElement(By.id("import-done")).getText())
          .contains("共导入 30 名党员");
      browser.screenshot("import-done");

      // The members are in the register.
      browser.clickAndWaitForNewPage(By.id("import-see-members"));
      browser.waitFor(By.id("member-q")).sendKeys("旅程导入");
      browser.waitForText(By.id("member-table"), "共 30 名党员");
      assertThat(browser.driver().findElement(By.id("member-rows")).getText()).contains("旅程导入");
      browser.screenshot("import-members");
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      Files.deleteIfExists(sheet);
    }
  }

  @Test
  void theImportPageFollowsARunningImportUntilItEnds() {
    // A job caught halfway through its check, as the worker records it.
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        insert into member_import_job (file_name, status, total_rows, checked_rows,
                          progress, locale, uploaded_by, scope_path, created_at, started_at)
                        select '进度演示.xlsx', 'CHECKING', 2000, 800, 40, 'zh-CN', username, scope_path,
                          now(), now() from identity_account where username = ?
                        returning id
                        """)
                    .param(DemoAccounts.HAISHU_ADMIN)
                    .query(Long.class)
                    .single());
    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.open("/member-imports/" + id);
      assertThat(browser.waitFor(By.id("import-status")).getText()).isEqualTo("正在校验");
      assertThat(browser.waitFor(By.id("import-counts")).getText())
          .isEqualTo("正在逐格校验：已校验 800 行，共 2,000 行。");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("#import-progress progress"))
                  .getDomProperty("value"))
          .isEqualTo("40");
      browser.screenshot("import-progress");
      ((JavascriptExecutor) browser.driver()).executeScript("window.zgStillThisPage = true;");

      DataScope.asSystem(
          () ->
              jdbc.sql(
                      "update member_import_job set status = 'DONE', checked_rows = 2000,"
                          + " written_rows = 2000, progress = 100, finished_at = now() where id = ?")
                  .param(id)
                  .update());

      // The page polls its progress fragment and shows the result without being reloaded.
      browser.waitFor(By.id("import-done"));
      assertThat(browser.driver().findElement(By.id("import-done")).getText())
          .contains("共导入 2,000 名党员");
      assertThat(
              ((JavascriptExecutor) browser.driver())
                  .executeScript("return window.zgStillThisPage === true;"))
          .isEqualTo(true);
      assertThat(
              browser.driver().findElement(By.id("import-progress")).getDomAttribute("hx-trigger"))
          .isNull();
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
