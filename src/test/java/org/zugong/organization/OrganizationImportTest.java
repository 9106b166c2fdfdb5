package org.zugong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.imports.HttpSession;
import org.zugong.member.imports.MemberSheets;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.organization.imports.OrganizationSheets;
import org.zugong.platform.DataScope;
import org.zugong.platform.spreadsheet.ImportJob;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.region.Regions;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * Importing organizations from the template: all rows or none, every bad cell named in the error
 * workbook, nothing outside the uploader's scope, and the organizations written exactly as
 * establishing them one by one writes them.
 */
class OrganizationImportTest extends ZugongTest {

  static final String RED = "FFC7CE";

  @Autowired OrganizationImports imports;
  @Autowired Organizations organizations;
  @Autowired Regions regions;
  @Autowired UserDetailsService users;
  @Autowired org.zugong.organization.internal.OrganizationImportWorker worker;

  /** The active organization of exactly this name that the signed-in user may see. */
  OrganizationView named(String name) {
    return organizations.search(name, null, null, 0, 50).rows().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no organization named " + name));
  }

  OrganizationView nanmen() {
    return named("中共南门街道工作委员会");
  }

  long start(byte[] xlsx, Locale locale) {
    return imports.start("党组织信息.xlsx", new ByteArrayInputStream(xlsx), locale);
  }

  ImportJob finished(long id) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .pollInSameThread()
        .until(() -> imports.find(id).orElseThrow().status().finished());
    return imports.find(id).orElseThrow();
  }

  long everywhere(String sql) {
    return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).single());
  }

  /** How many organizations, versions and events there are in the whole city. */
  List<Long> tree() {
    return List.of(
        everywhere("select count(*) from organization"),
        everywhere("select count(*) from organization_version"),
        everywhere("select count(*) from organization_event"));
  }

  byte[] errorWorkbook(long id) {
    try {
      return Files.readAllBytes(imports.errorWorkbook(id).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> row(String name, String kind, String parent, String region) {
    return OrganizationSheets.row(name, kind, parent, region);
  }

  /**
   * What establishing wrote for one organization, without what differs from one organization to the
   * next (id, code, name): the organization row, its versions and its events.
   */
  List<String> written(long id) {
    String own = "replace(%s, 'o' || %s || '/', 'o*/')";
    return DataScope.asSystem(
        () -> {
          List<String> rows = new ArrayList<>();
          rows.addAll(
              jdbc.sql(
                      "select concat_ws('|', kind, category, unit_type, unit_name, trade, region_code,"
                          + " parent_id, depth, established_on, secretary_name, committee, version,"
                          + " dissolved_on, merged_into, "
                          + own.formatted("path", "id")
                          + ", "
                          + own.formatted("tree_path", "id")
                          + ", code = 'O' || lpad(id::text, 6, '0')) from organization where id = ?")
                  .param(id)
                  .query(String.class)
                  .list());
          rows.addAll(
              jdbc.sql(
                      "select concat_ws('|', 'version', v.valid_from, v.valid_to, v.kind, v.category,"
                          + " v.parent_id, v.region_code, "
                          + own.formatted("v.path", "v.organization_id")
                          + ", v.name = o.name) from organization_version v"
                          + " join organization o on o.id = v.organization_id"
                          + " where v.organization_id = ? order by valid_from")
                  .param(id)
                  .query(String.class)
                  .list());
          rows.addAll(
              jdbc.sql(
                      "select concat_ws('|', 'event', e.effective_on, e.kind, e.old_value, e.recorded_by, "
                          + own.formatted("e.path", "e.organization_id")
                          + ", new_value = o.name) from organization_event e"
                          + " join organization o on o.id = e.organization_id"
                          + " where e.organization_id = ? order by e.id")
                  .param(id)
                  .query(String.class)
                  .list());
          return rows;
        });
  }

  @Test
  void aValidSheetEstablishesTheTreeWithParentsFromEarlierRows() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    OrganizationView town = nanmen();
    List<List<String>> rows =
        List.of(
            row("导入联合党委", "党委", town.code(), "330203001"),
            row("导入联合党委第一党支部", "党支部", "导入联合党委", "330203001001"),
            row("导入联合党委第一党小组", "党小组", "导入联合党委第一党支部", "330203001001"),
            OrganizationSheets.with(
                OrganizationSheets.with(
                    row("导入外卖骑手功能性党支部", "党支部", "导入联合党委", "330203001"),
                    OrganizationColumn.CATEGORY,
                    "功能性党支部"),
                OrganizationColumn.TRADE,
                "外卖骑手"));
    List<Long> before = tree();

    ImportJob job = finished(start(OrganizationSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).as(String.valueOf(job.failureKey())).isEqualTo(ImportStatus.DONE);
    assertThat(job.writtenRows()).isEqualTo(4);
    assertThat(job.progress()).isEqualTo(100);
    assertThat(tree()).containsExactly(before.get(0) + 4, before.get(1) + 4, before.get(2) + 4);

    OrganizationView committee = named("导入联合党委");
    OrganizationView branch = named("导入联合党委第一党支部");
    OrganizationView group = named("导入联合党委第一党小组");
    OrganizationView riders = named("导入外卖骑手功能性党支部");
    assertThat(committee.kind()).isEqualTo(OrganizationKind.COMMITTEE);
    assertThat(committee.parentId()).isEqualTo(town.id());
    assertThat(branch.parentId()).isEqualTo(committee.id());
    assertThat(group.parentId()).isEqualTo(branch.id());
    assertThat(riders.parentId()).isEqualTo(committee.id());
    assertThat(riders.category()).isEqualTo(OrganizationCategory.FUNCTIONAL);
    assertThat(riders.trade()).isEqualTo("外卖骑手");
    assertThat(committee.code()).isEqualTo(String.format("O%06d", committee.id()));
    // Placed as establishing places them: under the parent's path in the parent's region, under
    // the region's path elsewhere; the tree path follows the parents.
    assertThat(committee.path().value())
        .isEqualTo(town.path().value() + "o" + committee.id() + "/");
    assertThat(branch.path().value())
        .isEqualTo(regions.pathOf("330203001001").orElseThrow().value() + "o" + branch.id() + "/");
    assertThat(group.path().value()).isEqualTo(branch.path().value() + "o" + group.id() + "/");
    assertThat(group.treePath().value())
        .isEqualTo(
            town.treePath().value()
                + "o"
                + committee.id()
                + "/o"
                + branch.id()
                + "/o"
                + group.id()
                + "/");
    assertThat(organizations.children(committee.id()))
        .extracting(OrganizationView::name)
        .containsExactlyInAnyOrder("导入联合党委第一党支部", "导入外卖骑手功能性党支部");
    assertThat(organizations.history(branch.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(OrganizationEvent.Kind.ESTABLISHED);
              assertThat(e.newValue()).isEqualTo("导入联合党委第一党支部");
              assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2022, 3, 1));
              assertThat(e.recordedBy()).isEqualTo(DemoAccounts.HAISHU_ADMIN);
            });
    // The tree as it stood: there since 2022-03-01, not before.
    assertThat(organizations.childrenOn(committee.id(), LocalDate.of(2022, 6, 30)))
        .extracting(Organizations.Historic::name)
        .contains("导入联合党委第一党支部");
    assertThat(organizations.childrenOn(town.id(), LocalDate.of(2022, 2, 28)))
        .extracting(Organizations.Historic::name)
        .doesNotContain("导入联合党委");

    // The same organization established through the service writes the same rows.
    long twin =
        organizations.establish(
            new Establish(
                "服务成立的第一党支部",
                OrganizationKind.BRANCH,
                OrganizationCategory.REGULAR,
                UnitType.COMMUNITY,
                "测试单位",
                null,
                "330203001001",
                committee.id(),
                LocalDate.of(2022, 3, 1),
                "测试书记"));
    assertThat(written(branch.id())).hasSize(3).isEqualTo(written(twin));
    long groupTwin =
        organizations.establish(
            new Establish(
                "服务成立的党小组",
                OrganizationKind.GROUP,
                OrganizationCategory.REGULAR,
                UnitType.COMMUNITY,
                "测试单位",
                null,
                "330203001001",
                branch.id(),
                LocalDate.of(2022, 3, 1),
                "测试书记"));
    assertThat(written(group.id())).isEqualTo(written(groupTwin));

    // One audit record for the import, with the number of organizations.
    List<String> audit =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select details->'organizations'->>'new' from audit_event"
                            + " where entity = 'organization-import' and entity_id = ?")
                    .param(Long.toString(job.id()))
                    .query(String.class)
                    .list());
    assertThat(audit).containsExactly("4");
  }

  @Test
  void eachBadCellIsNamedByRowColumnAndReasonAndNothingIsWritten() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    OrganizationView town = nanmen();
    String taken = organizations.children(town.id()).getFirst().name();
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("错误表联合党委", "党委", town.code(), "330203001")); // 2: valid
    rows.add(row("", "党支部", "错误表联合党委", "330203001")); // 3 A
    rows.add(row("错误表甲支部", "党部", "错误表联合党委", "330203001")); // 4 B
    rows.add(row("错误表乙支部", "党支部", "O999999", "330203001")); // 5 C
    rows.add(row("错误表丙支部", "党支部", "后面才有的党委", "330203001")); // 6 C
    rows.add(row("错误表丁支部", "党支部", town.code(), "330205001")); // 7 D
    rows.add(row("错误表戊支部", "党支部", town.code(), "330203002")); // 8 D
    rows.add(
        OrganizationSheets.with(
            row("错误表己支部", "党支部", town.code(), "330203001"),
            OrganizationColumn.UNIT_TYPE,
            "作坊")); // 9 F
    rows.add(
        OrganizationSheets.with(
            row("错误表庚支部", "党支部", town.code(), "330203001"),
            OrganizationColumn.TRADE,
            "外卖骑手")); // 10 H
    rows.add(
        OrganizationSheets.with(
            row("错误表辛支部", "党支部", town.code(), "330203001"),
            OrganizationColumn.ESTABLISHED_ON,
            "2999-01-01")); // 11 I
    rows.add(
        OrganizationSheets.with(
            row("错误表壬支部", "党支部", town.code(), "330203001"),
            OrganizationColumn.ESTABLISHED_ON,
            "1950-01-01")); // 12 I
    rows.add(row("错误表党小组", "党小组", "错误表联合党委", "330203001")); // 13 B
    rows.add(row("无上级的党支部", "党支部", "", "330203001")); // 14 C
    rows.add(row("错误表联合党委", "党委", town.code(), "330203001")); // 15 A
    rows.add(row(taken, "党支部", town.code(), "330203001")); // 16 A
    rows.add(
        OrganizationSheets.with(
            row("错误表癸支部", "党支部", town.code(), "330203001"),
            OrganizationColumn.ESTABLISHED_ON,
            "2022-02-30")); // 17 I
    rows.add(row("后面才有的党委", "党委", town.code(), "330203001")); // 18: valid
    List<Long> before = tree();

    ImportJob job = finished(start(OrganizationSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(job.totalRows()).isEqualTo(17);
    assertThat(job.errorCount()).isEqualTo(15);
    assertThat(job.writtenRows()).isZero();
    assertThat(tree()).isEqualTo(before);
    assertThat(organizations.search("错误表", null, null, 0, 1).total()).isZero();

    assertThat(imports.errors(job.id(), 100))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey())
        .containsExactly(
            "3A organization-import.invalid.required",
            "4B organization-import.invalid.choice",
            "5C organization-import.invalid.parent-code",
            "6C organization-import.invalid.parent-name",
            "7D organization.invalid.region",
            "8D organization.rule.region-within-parent",
            "9F organization-import.invalid.choice",
            "10H organization-import.invalid.trade-not-functional",
            "11I organization-import.invalid.future-date",
            "12I organization-import.invalid.before-parent",
            "13B organization.rule.kind-fits-parent",
            "14C organization.rule.top-is-committee",
            "15A organization-import.invalid.duplicate-in-sheet",
            "16A organization-import.invalid.name-taken",
            "17I organization-import.invalid.date");

    byte[] workbook = errorWorkbook(job.id());
    Set<String> bad =
        Set.of(
            "A3", "B4", "C5", "C6", "D7", "D8", "F9", "H10", "I11", "I12", "B13", "C14", "A15",
            "A16", "I17");
    assertThat(MemberSheets.filledCells(workbook, RED)).isEqualTo(bad);
    assertThat(MemberSheets.comments(workbook).keySet()).isEqualTo(bad);
    List<List<String>> sheet = MemberSheets.read(workbook, 0);
    assertThat(sheet.get(0)).startsWith(OrganizationSheets.HEADER.toArray(String[]::new));
    assertThat(sheet.get(0).get(10)).isEqualTo("错误说明（导入时忽略此列）");
    assertThat(sheet.get(4).get(10)).isEqualTo("第 5 行 C 列（上级组织）：上级组织代码 O999999 不存在或不在您的管辖范围内。");
    assertThat(sheet.get(5).get(10)).startsWith("第 6 行 C 列（上级组织）：“后面才有的党委”既不是");
    assertThat(sheet.get(6).get(10)).isEqualTo("第 7 行 D 列（所在区划代码）：区划代码 330205001 不存在或不在您的管辖范围内。");
    assertThat(sheet.get(12).get(10)).startsWith("第 13 行 B 列（组织类别）：该类别的组织不能设在这一上级组织之下");
    assertThat(sheet.get(13).get(10)).isEqualTo("第 14 行 C 列（上级组织）：没有上级组织的只能是党委或党工委。");
    assertThat(sheet.get(14).get(10)).isEqualTo("第 15 行 A 列（组织名称）：与第 2 行同一上级组织下重名。");
    assertThat(sheet.get(15).get(10)).isEqualTo("第 16 行 A 列（组织名称）：上级组织下已有名为“" + taken + "”的组织。");
    assertThat(sheet.get(1)).hasSizeLessThanOrEqualTo(10);
    // The bad cells keep what the user typed, so the workbook can be corrected and uploaded again.
    assertThat(sheet.get(3).get(1)).isEqualTo("党部");
    assertThat(sheet.get(16).get(8)).isEqualTo("2022-02-30");

    List<List<String>> list = MemberSheets.read(workbook, 1);
    assertThat(list).hasSize(1 + 15);
    assertThat(list.get(1)).containsExactly("3", "A", "组织名称", "必填项，不能为空。");
  }

  @Test
  void theErrorWorkbookSpeaksTheUploadersLanguage() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    List<String> bad = row("English branch", "Branchy", nanmen().code(), "330203001");
    ImportJob job = finished(start(OrganizationSheets.workbook(List.of(bad)), Locale.ENGLISH));
    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(MemberSheets.read(errorWorkbook(job.id()), 0).get(1).get(10))
        .isEqualTo(
            "Row 2, column B (Kind): \"Branchy\" is not an allowed value; see the sheet Allowed"
                + " values.");
  }

  @Test
  void aParentOutsideTheUploadersScopeIsRefused() {
    actAs(DemoAccounts.CITY_ADMIN);
    String jiangbei = named("中共江北区委").code();
    actAs(DemoAccounts.HAISHU_ADMIN);
    String haishu = named("中共海曙区委").code();
    String jiangxia = named("中共江厦街道工作委员会").code();
    actAs(DemoAccounts.TOWN_ADMIN);
    List<List<String>> rows =
        List.of(
            row("越界测试第一党支部", "党支部", nanmen().code(), "330203001"),
            row("越界测试第二党支部", "党支部", haishu, "330203001"),
            row("越界测试第三党支部", "党支部", jiangxia, "330203001"),
            row("越界测试第四党支部", "党支部", jiangbei, "330203001"),
            row("越界测试党委", "党委", "", "330203"));
    List<Long> before = tree();

    ImportJob job = finished(start(OrganizationSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey() + e.arguments())
        .containsExactly(
            "3C organization-import.invalid.parent-code[" + haishu + "]",
            "4C organization-import.invalid.parent-code[" + jiangxia + "]",
            "5C organization-import.invalid.parent-code[" + jiangbei + "]",
            "6D organization.invalid.region[330203]");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void theTemplateListsTheColumnsTheAllowedValuesAndTheParentsInScope() throws IOException {
    actAs(DemoAccounts.TOWN_ADMIN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    imports.template(out, Locale.SIMPLIFIED_CHINESE);
    byte[] template = out.toByteArray();
    assertThat(MemberSheets.sheetNames(template)).containsExactly("党组织信息", "填写说明", "可选值", "上级组织代码");
    assertThat(MemberSheets.read(template, 0).get(0))
        .containsExactlyElementsOf(OrganizationSheets.HEADER);
    List<List<String>> help = MemberSheets.read(template, 1);
    assertThat(help.get(3 + OrganizationColumn.KIND.index()))
        .contains("组织类别", "必填", "党委、党工委、党总支、党支部、党小组");
    assertThat(help.get(3 + OrganizationColumn.UNIT_TYPE.index()))
        .anyMatch(c -> c.contains("城市社区"));
    assertThat(help.get(3 + OrganizationColumn.CATEGORY.index())).contains("常规党组织、功能性党支部、区域性党组织");
    List<List<String>> parents = MemberSheets.read(template, 3);
    Set<String> listed = new HashSet<>();
    parents.subList(1, parents.size()).forEach(r -> listed.add(r.get(0)));
    Set<String> expected = new HashSet<>();
    for (OrganizationKind kind : OrganizationKind.values()) {
      if (kind != OrganizationKind.GROUP) {
        organizations.search("", kind, null, 0, 20_000).rows().forEach(o -> expected.add(o.code()));
      }
    }
    assertThat(listed).isEqualTo(expected).contains(nanmen().code());
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(listed).doesNotContain(named("中共海曙区委").code());

    // The empty template, uploaded as it is, has nothing to import.
    ImportJob job = finished(start(template, Locale.SIMPLIFIED_CHINESE));
    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(job.failureKey()).isEqualTo("organization-import.invalid.empty");

    // A sheet of another template is not read as this one.
    ImportJob members =
        finished(start(MemberSheets.workbook(List.of(List.of("张三"))), Locale.SIMPLIFIED_CHINESE));
    assertThat(members.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(members.failureKey()).isEqualTo("organization-import.invalid.header");
    assertThat(members.failureArguments()).containsExactly("A", "组织名称");
  }

  @Test
  void theApiTakesAMultipartUploadAndReportsTheImportUntilItIsDone() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String town = nanmen().code();
    SecurityContextHolder.clearContext();
    HttpSession http =
        HttpSession.signIn(baseUrl(), DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);

    var started =
        http.upload(
            "/api/v1/organization-imports",
            "接口.xlsx",
            OrganizationSheets.workbook(
                List.of(
                    row("接口导入党委", "党委", town, "330203001"),
                    row("接口导入第一党支部", "党支部", "接口导入党委", "330203001"))));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/v1/organization-imports/\\d+");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.get(location).body().contains("\"status\":\"DONE\""));
    assertThat(http.get(location).body())
        .contains("\"writtenRows\":2", "\"fileName\":\"接口.xlsx\"", "\"errorWorkbook\":null");
    assertThat(http.get("/api/v1/organization-imports").body()).contains("接口.xlsx");

    var refused =
        http.upload(
            "/api/v1/organization-imports",
            "接口错误.xlsx",
            OrganizationSheets.workbook(List.of(row("接口错误党支部", "党支部", "O999999", "330203001"))));
    String again = refused.headers().firstValue("Location").orElseThrow();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.get(again).body().contains("\"status\":\"REFUSED\""));
    assertThat(http.get(again).body())
        .contains(
            "\"row\":2", "\"column\":\"C\"", "上级组织代码 O999999 不存在或不在您的管辖范围内。", again + "/errors");
    var workbook = http.download(again + "/errors");
    assertThat(workbook.statusCode()).isEqualTo(200);
    assertThat(MemberSheets.filledCells(workbook.body(), RED)).containsExactly("C2");
    assertThat(http.get("/v3/api-docs").body())
        .contains("/api/v1/organization-imports/{id}/errors", "organization-imports");
  }

  @Test
  void anImportCutOffByAStopIsMarkedFailedAtTheNextStart() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        insert into organization_import_job (file_name, status, total_rows,
                          checked_rows, progress, locale, uploaded_by, scope_path, created_at, started_at)
                        values ('中断.xlsx', 'WRITING', 50, 50, 70, 'zh-CN', 'haishu_admin',
                          '/330200/330203/', now(), now()) returning id
                        """)
                    .query(Long.class)
                    .single());

    assertThat(worker.failInterrupted()).isPositive();

    actAs(DemoAccounts.HAISHU_ADMIN);
    ImportJob job = imports.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(job.failureKey()).isEqualTo("organization-import.interrupted");
  }
}
