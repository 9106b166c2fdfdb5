package org.zugong.organization;

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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.imports.MemberSheets;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.OrganizationSheets;
import org.zugong.platform.DataScope;
import org.zugong.support.Browser;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * A district administrator opens the import from the organization page, uploads a sheet with
 * errors, reads the marked cells, fixes them in the error workbook, imports it, and finds the new
 * organizations in the tree.
 */
class OrganizationImportJourneyTest extends ZugongTest {

  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;

  <T> T asHaishuAdmin(Supplier<T> work) {
    var user = users.loadUserByUsername(DemoAccounts.HAISHU_ADMIN);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  OrganizationView named(String name) {
    return asHaishuAdmin(
        () ->
            organizations.search(name, null, null, 0, 20).rows().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow());
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
    assertThat(browser.path()).matches("/organization-imports/\\d+");
  }

  @Test
  void importASheetWithErrorsSeeTheMarkedCellsFixImportAndFindTheOrganizationsInTheTree()
      throws IOException {
    OrganizationView district = named("中共海曙区委");
    OrganizationView town = named("中共南门街道工作委员会");
    List<List<String>> rows =
        List.of(
            OrganizationSheets.row("旅程导入联合党委", "党委", town.code(), "330203001"),
            OrganizationSheets.row("旅程导入第一党支部", "党支部", "旅程导入联合党委", "330203001001"),
            OrganizationSheets.row("旅程导入第二党支部", "党支部", "旅程导入联合党委", "330203001002"),
            OrganizationSheets.row("旅程导入第一党小组", "党小组", "旅程导入第一党支部", "330203001001"));
    List<List<String>> bad = new ArrayList<>();
    rows.forEach(r -> bad.add(new ArrayList<>(r)));
    bad.get(1).set(OrganizationColumn.KIND.index(), "党部"); // B3
    bad.get(2).set(OrganizationColumn.PARENT.index(), "旅程导入联合党委会"); // C4
    bad.get(3).set(OrganizationColumn.ESTABLISHED_ON.index(), "2022-13-01"); // I5
    Path sheet = Files.createTempFile("党组织信息-", ".xlsx");
    Files.write(sheet, OrganizationSheets.workbook(bad));

    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.open("/organizations");
      browser.clickAndWaitForNewPage(By.id("organization-import"));
      assertThat(browser.path()).isEqualTo("/organization-imports");
      assertThat(browser.pageText())
          .contains("下载导入模板", "海曙区新建党组织（2022年一季度）.xlsx")
          .doesNotContain("江北区");
      byte[] template =
          download(
              browser,
              baseUrl() + browser.waitFor(By.id("import-template")).getDomAttribute("href"));
      assertThat(MemberSheets.sheetNames(template)).contains("填写说明", "上级组织代码");
      browser.screenshot("organization-import-page");

      // A sheet with three bad cells: refused, nothing written, the cells named.
      upload(browser, sheet);
      browser.waitFor(By.id("import-refused"));
      assertThat(browser.waitFor(By.id("import-status")).getText()).isEqualTo("有错误，未导入");
      assertThat(browser.driver().findElement(By.id("import-refused")).getText())
          .contains("发现 3 处错误", "未写入任何数据");
      String table = browser.driver().findElement(By.id("import-errors")).getText();
      assertThat(table)
          .contains("3 B 组织类别", "4 C 上级组织", "5 I 成立日期", "“党部”不是可选的值", "“旅程导入联合党委会”既不是");
      browser.screenshot("organization-import-refused");

      // The error workbook marks exactly those cells, each with its reason.
      String link =
          browser.driver().findElement(By.id("import-error-workbook")).getDomAttribute("href");
      byte[] errors = download(browser, baseUrl() + link);
      assertThat(MemberSheets.filledCells(errors, "FFC7CE")).isEqualTo(Set.of("B3", "C4", "I5"));
      assertThat(MemberSheets.comments(errors).get("I5"))
          .isEqualTo("第 5 行 I 列（成立日期）：“2022-13-01”不是日期，请按 2022-07-01 的格式填写。");

      // Fixed in the error workbook itself, which goes back as it is, its error column included.
      List<List<String>> fixed = new ArrayList<>();
      for (List<String> row : MemberSheets.read(errors, 0)) {
        fixed.add(new ArrayList<>(row));
      }
      List<String> header = fixed.removeFirst();
      assertThat(header).hasSize(11);
      fixed.get(1).set(OrganizationColumn.KIND.index(), rows.get(1).get(1));
      fixed.get(2).set(OrganizationColumn.PARENT.index(), rows.get(2).get(2));
      fixed.get(3).set(OrganizationColumn.ESTABLISHED_ON.index(), rows.get(3).get(8));
      Path corrected = Files.createTempFile("党组织信息-已改-", ".xlsx");
      Files.write(corrected, OrganizationSheets.workbook(header, fixed));

      browser.open("/organization-imports");
      upload(browser, corrected);
      browser.waitFor(By.id("import-done"));
      assertThat(browser.driver().findElement(By.id("import-done")).getText())
          .contains("共成立 4 个党组织");
      browser.screenshot("organization-import-done");

      // The new organizations are in the tree, under 南门街道, with their history.
      OrganizationView committee = named("旅程导入联合党委");
      browser.clickAndWaitForNewPage(By.id("import-see-organizations"));
      browser.waitFor(By.cssSelector("#org-node-" + district.id() + " > button.zg-toggle")).click();
      browser.waitFor(By.cssSelector("#org-node-" + town.id() + " > button.zg-toggle")).click();
      assertThat(browser.waitFor(By.id("org-node-" + committee.id())).getText())
          .contains("旅程导入联合党委");
      browser.screenshot("organization-import-tree");
      By node = By.cssSelector("#org-node-" + committee.id() + " > a.zg-node-link");
      browser
          .driver()
          .executeScript(
              "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
              browser.waitFor(node));
      browser.clickAndWaitForNewPage(node);
      assertThat(browser.waitFor(By.id("organization-children")).getText())
          .contains("旅程导入第一党支部", "旅程导入第二党支部");
      assertThat(browser.driver().findElement(By.id("organization-history")).getText())
          .contains("2022-03-01", "成立", "旅程导入联合党委", DemoAccounts.HAISHU_ADMIN);
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      Files.deleteIfExists(sheet);
    }
  }

  @Test
  void theImportPageFollowsARunningImportUntilItEnds() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        insert into organization_import_job (file_name, status, total_rows,
                          checked_rows, progress, locale, uploaded_by, scope_path, created_at, started_at)
                        select '进度演示.xlsx', 'CHECKING', 5000, 2000, 25, 'zh-CN', username, scope_path,
                          now(), now() from identity_account where username = ?
                        returning id
                        """)
                    .param(DemoAccounts.HAISHU_ADMIN)
                    .query(Long.class)
                    .single());
    try (Browser browser = Browser.start(baseUrl())) {
      browser.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      browser.open("/organization-imports/" + id);
      assertThat(browser.waitFor(By.id("import-status")).getText()).isEqualTo("正在校验");
      assertThat(browser.waitFor(By.id("import-counts")).getText())
          .isEqualTo("正在逐格校验：已校验 2,000 行，共 5,000 行。");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("#import-progress progress"))
                  .getDomProperty("value"))
          .isEqualTo("25");
      ((JavascriptExecutor) browser.driver()).executeScript("window.zgStillThisPage = true;");

      DataScope.asSystem(
          () ->
              jdbc.sql(
                      "update organization_import_job set status = 'DONE', checked_rows = 5000,"
                          + " written_rows = 5000, progress = 100, finished_at = now() where id = ?")
                  .param(id)
                  .update());

      // The page polls its progress fragment and shows the result without being reloaded.
      browser.waitFor(By.id("import-done"));
      assertThat(browser.driver().findElement(By.id("import-done")).getText())
          .contains("共成立 5,000 个党组织");
      assertThat(
              ((JavascriptExecutor) browser.driver())
                  .executeScript("return window.zgStillThisPage === true;"))
          .isEqualTo(true);
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
