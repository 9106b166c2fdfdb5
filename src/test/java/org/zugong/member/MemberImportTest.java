package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
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
import org.zugong.member.imports.MemberColumn;
import org.zugong.member.imports.MemberSheets;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.Gender;
import org.zugong.person.Persons;
import org.zugong.platform.DataScope;
import org.zugong.platform.spreadsheet.ImportJob;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.shared.IdCardNumber;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * Importing members from the template: all rows or none, every bad cell named in the error
 * workbook, and nothing outside the uploader's scope.
 */
class MemberImportTest extends ZugongTest {

  @Autowired MemberImports imports;
  @Autowired Members members;
  @Autowired MemberStatistics statistics;
  @Autowired Organizations organizations;
  @Autowired Persons persons;
  @Autowired UserDetailsService users;
  @Autowired org.zugong.member.internal.MemberImportWorker worker;

  /** Branches the signed-in user may place members in. */
  List<OrganizationView> branches(String text, int count) {
    return organizations.search(text, OrganizationKind.BRANCH, null, 0, count).rows();
  }

  /** The codes of every branch and general branch the signed-in user may see. */
  Set<String> holders() {
    Set<String> codes = new HashSet<>();
    for (OrganizationKind kind :
        List.of(OrganizationKind.BRANCH, OrganizationKind.GENERAL_BRANCH)) {
      organizations.search("", kind, null, 0, 20_000).rows().forEach(o -> codes.add(o.code()));
    }
    return codes;
  }

  long start(byte[] xlsx, Locale locale) {
    return imports.start("党员信息.xlsx", new ByteArrayInputStream(xlsx), locale);
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

  byte[] errorWorkbook(long id) {
    try {
      return Files.readAllBytes(imports.errorWorkbook(id).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The full ID number of a member the signed-in user may see. */
  String idNumberOfAMember() {
    MemberView m = members.page(MemberFilter.of("", null), 0, 1).rows().getFirst();
    return persons.revealIdNumber(m.personId()).orElseThrow();
  }

  @Test
  void aSheetWithErrorsWritesNothingAndTheErrorWorkbookNamesEachBadCell() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String branch = branches("", 1).getFirst().code();
    String registered = idNumberOfAMember();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(MemberSheets.member("导入错误表" + i, MemberSheets.freshId(Gender.MALE), branch));
    }
    String wrongCheck = MemberSheets.freshId(Gender.MALE).value();
    wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? "2" : "1");
    rows.get(1).set(MemberColumn.ID_NUMBER.index(), wrongCheck); // row 3, E
    rows.get(3).set(MemberColumn.GENDER.index(), "女"); // row 5, B
    rows.get(5).set(MemberColumn.ETHNICITY.index(), "火星族"); // row 7, C
    rows.get(7).set(MemberColumn.STAGE.index(), "预备党员");
    rows.get(7).set(MemberColumn.FULL_ON.index(), "");
    rows.get(7).set(MemberColumn.JOINED_ON.index(), "2999-01-01"); // row 9, M
    rows.get(9).set(MemberColumn.ORGANIZATION_CODE.index(), "O999999"); // row 11, K
    rows.get(11)
        .set(MemberColumn.ID_NUMBER.index(), rows.get(0).get(MemberColumn.ID_NUMBER.index()));
    rows.get(11).set(MemberColumn.GENDER.index(), rows.get(0).get(MemberColumn.GENDER.index()));
    rows.get(11)
        .set(MemberColumn.BIRTH_DATE.index(), rows.get(0).get(MemberColumn.BIRTH_DATE.index()));
    // row 13, E: the same ID number as row 2
    IdCardNumber taken = new IdCardNumber(registered);
    List<String> member = MemberSheets.member("已在册者", taken, branch);
    member.set(MemberColumn.JOINED_ON.index(), taken.birthDate().plusYears(20).toString());
    member.set(MemberColumn.FULL_ON.index(), taken.birthDate().plusYears(21).toString());
    rows.set(13, member); // row 15, E: already a member
    rows.get(15).set(MemberColumn.FULL_ON.index(), ""); // row 17, N
    long membersBefore = everywhere("select count(*) from member");
    long personsBefore = everywhere("select count(*) from person");

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(job.errorCount()).isEqualTo(8);
    assertThat(job.totalRows()).isEqualTo(20);
    assertThat(job.writtenRows()).isZero();
    assertThat(everywhere("select count(*) from member")).isEqualTo(membersBefore);
    assertThat(everywhere("select count(*) from person")).isEqualTo(personsBefore);
    assertThat(members.page(MemberFilter.of("导入错误表", null), 0, 1).total()).isZero();

    byte[] workbook = errorWorkbook(job.id());
    Set<String> bad = Set.of("E3", "B5", "C7", "M9", "K11", "E13", "E15", "N17");
    assertThat(MemberSheets.filledCells(workbook, "FFC7CE")).isEqualTo(bad);
    assertThat(MemberSheets.comments(workbook).keySet()).isEqualTo(bad);
    List<List<String>> sheet = MemberSheets.read(workbook, 0);
    assertThat(sheet.get(0)).startsWith(MemberSheets.HEADER.toArray(String[]::new));
    assertThat(sheet.get(2).get(14)).isEqualTo("第 3 行 E 列（身份证号）：身份证号校验位不正确。");
    assertThat(sheet.get(4).get(14)).isEqualTo("第 5 行 B 列（性别）：性别与身份证号第 17 位不一致（奇数为男，偶数为女）。");
    assertThat(sheet.get(6).get(14)).contains("第 7 行 C 列（民族）", "火星族");
    assertThat(sheet.get(8).get(14)).isEqualTo("第 9 行 M 列（入党日期）：日期不能晚于今天。");
    assertThat(sheet.get(10).get(14)).isEqualTo("第 11 行 K 列（党组织代码）：党组织 O999999 不存在或不在您的管辖范围内。");
    assertThat(sheet.get(12).get(14)).isEqualTo("第 13 行 E 列（身份证号）：身份证号与第 2 行重复。");
    assertThat(sheet.get(14).get(14)).contains("第 15 行 E 列（身份证号）", "已在册");
    assertThat(sheet.get(16).get(14)).isEqualTo("第 17 行 N 列（转正日期）：正式党员须填写转正日期。");
    assertThat(sheet.get(1)).hasSizeLessThanOrEqualTo(14);
    // The bad cells keep what the user typed, so the workbook can be corrected and uploaded again.
    assertThat(sheet.get(6).get(2)).isEqualTo("火星族");
    assertThat(sheet.get(2).get(4)).isEqualTo(wrongCheck);

    List<List<String>> list = MemberSheets.read(workbook, 1);
    assertThat(list).hasSize(1 + 8);
    assertThat(list.get(1)).containsExactly("3", "E", "身份证号", "身份证号校验位不正确。");
    assertThat(imports.errors(job.id(), 100))
        .extracting(e -> e.row() + e.column())
        .containsExactly("3E", "5B", "7C", "9M", "11K", "13E", "15E", "17N");
  }

  @Test
  void theErrorWorkbookSpeaksTheUploadersLanguage() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String branch = branches("", 1).getFirst().code();
    List<String> row = MemberSheets.member("English", MemberSheets.freshId(Gender.FEMALE), branch);
    row.set(MemberColumn.GENDER.index(), "Male");
    ImportJob job = finished(start(MemberSheets.workbook(List.of(row)), Locale.ENGLISH));
    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(MemberSheets.read(errorWorkbook(job.id()), 0).get(1).get(14))
        .isEqualTo(
            "Row 2, column B (Gender): The gender does not match the 17th digit of the ID number"
                + " (odd for men, even for women).");
  }

  @Test
  void aGoodSheetOf1000RowsImportsInOneGoAndTheMembersAreSearchable() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    List<OrganizationView> branches = branches("", 3);
    List<List<String>> rows = new ArrayList<>();
    List<IdCardNumber> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      IdCardNumber id = MemberSheets.freshId(i % 3 == 0 ? Gender.FEMALE : Gender.MALE);
      ids.add(id);
      List<String> row =
          MemberSheets.member("千人导入" + i, id, branches.get(i % branches.size()).code());
      if (i % 10 == 0) {
        row.set(MemberColumn.STAGE.index(), "预备党员");
        row.set(
            MemberColumn.JOINED_ON.index(), java.time.LocalDate.now().minusMonths(6).toString());
        row.set(MemberColumn.FULL_ON.index(), "");
      }
      rows.add(row);
    }
    long before = members.page(MemberFilter.of("", null), 0, 1).total();

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.DONE);
    assertThat(job.writtenRows()).isEqualTo(1000);
    assertThat(job.progress()).isEqualTo(100);
    assertThat(members.page(MemberFilter.of("", null), 0, 1).total()).isEqualTo(before + 1000);
    assertThat(members.page(MemberFilter.of("千人导入", null), 0, 1).total()).isEqualTo(1000);
    MemberView found =
        members.page(MemberFilter.of(ids.get(500).value(), null), 0, 5).rows().getFirst();
    assertThat(found.name()).isEqualTo("千人导入500");
    assertThat(found.idNumberMasked()).isEqualTo(ids.get(500).masked());
    assertThat(found.organizationId()).isEqualTo(branches.get(500 % 3).id());
    assertThat(found.stage()).isEqualTo(MemberStage.PROBATIONARY);
    assertThat(persons.revealIdNumber(found.personId())).contains(ids.get(500).value());
    assertThat(members.history(found.id()))
        .extracting(Members.MemberEvent::kind)
        .containsExactly("JOINED");
    MemberView full =
        members.page(MemberFilter.of(ids.get(1).value(), null), 0, 5).rows().getFirst();
    assertThat(members.history(full.id()))
        .extracting(Members.MemberEvent::kind)
        .containsExactly("JOINED", "CONVERTED");
    assertThat(members.page(MemberFilter.of("千人导入", branches.get(0).id()), 0, 1).total())
        .isEqualTo(334);
    // The import adds the tally of its members once, at its end: the statistics agree.
    assertThat(statistics.of(null)).isEqualTo(statistics.ofMemberRows(null));
    assertThat(statistics.of(branches.get(0).id()))
        .isEqualTo(statistics.ofMemberRows(branches.get(0).id()));
    // One audit record for the import, with the number of members.
    List<String> audit =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select details->'members'->>'new' from audit_event where entity = 'member-import' and entity_id = ?")
                    .param(Long.toString(job.id()))
                    .query(String.class)
                    .list());
    assertThat(audit).containsExactly("1000");
  }

  @Test
  void theUploaderCannotImportIntoAnOrganizationOutsideTheirScope() {
    actAs(DemoAccounts.CITY_ADMIN);
    String jiangbei =
        branches("", 20_000).stream()
            .filter(o -> o.regionCode().startsWith("330205"))
            .findFirst()
            .orElseThrow()
            .code();
    actAs(DemoAccounts.HAISHU_ADMIN);
    String haishuOutsideNanmen =
        branches("", 5_000).stream()
            .filter(o -> !o.regionCode().startsWith("330203001"))
            .findFirst()
            .orElseThrow()
            .code();
    actAs(DemoAccounts.TOWN_ADMIN);
    String nanmen = branches("", 1).getFirst().code();
    List<List<String>> rows =
        List.of(
            MemberSheets.member("越界甲", MemberSheets.freshId(Gender.MALE), nanmen),
            MemberSheets.member("越界乙", MemberSheets.freshId(Gender.MALE), haishuOutsideNanmen),
            MemberSheets.member("越界丙", MemberSheets.freshId(Gender.FEMALE), jiangbei));
    long before = everywhere("select count(*) from member");

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey() + e.arguments())
        .containsExactly(
            "3K member.invalid.organization[" + haishuOutsideNanmen + "]",
            "4K member.invalid.organization[" + jiangbei + "]");
    assertThat(everywhere("select count(*) from member")).isEqualTo(before);
  }

  @Test
  void anIdNumberRegisteredOutsideTheScopeIsFoundWhenWritingAndNothingIsWritten() {
    actAs(DemoAccounts.JIANGBEI_ADMIN);
    IdCardNumber jiangbei = new IdCardNumber(idNumberOfAMember());
    actAs(DemoAccounts.HAISHU_ADMIN);
    String branch = branches("", 1).getFirst().code();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(MemberSheets.member("跨区重复" + i, MemberSheets.freshId(Gender.MALE), branch));
    }
    List<String> elsewhere = MemberSheets.member("跨区重复者", jiangbei, branch);
    elsewhere.set(MemberColumn.JOINED_ON.index(), jiangbei.birthDate().plusYears(20).toString());
    elsewhere.set(MemberColumn.FULL_ON.index(), jiangbei.birthDate().plusYears(21).toString());
    rows.add(2, elsewhere);
    long members = everywhere("select count(*) from member");
    long people = everywhere("select count(*) from person");

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey())
        .containsExactly("4E member-import.invalid.registered-elsewhere");
    assertThat(MemberSheets.filledCells(errorWorkbook(job.id()), "FFC7CE")).containsExactly("E4");
    assertThat(everywhere("select count(*) from member")).isEqualTo(members);
    assertThat(everywhere("select count(*) from person")).isEqualTo(people);
  }

  @Test
  void theTemplateListsTheColumnsTheAllowedValuesAndTheOrganizationsInScope() throws IOException {
    actAs(DemoAccounts.TOWN_ADMIN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    imports.template(out, Locale.SIMPLIFIED_CHINESE);
    byte[] template = out.toByteArray();
    assertThat(MemberSheets.sheetNames(template)).containsExactly("党员信息", "填写说明", "可选值", "党组织代码");
    assertThat(MemberSheets.read(template, 0).get(0))
        .containsExactlyElementsOf(MemberSheets.HEADER);
    List<List<String>> help = MemberSheets.read(template, 1);
    assertThat(help.get(3 + MemberColumn.GENDER.index())).contains("性别", "必填", "男、女");
    assertThat(help.get(3 + MemberColumn.STAGE.index())).contains("预备党员、正式党员");
    List<List<String>> codes = MemberSheets.read(template, 3);
    Set<String> listed = new HashSet<>();
    codes.subList(1, codes.size()).forEach(r -> listed.add(r.get(0)));
    assertThat(listed).isEqualTo(holders());
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(holders()).containsAll(listed).hasSizeGreaterThan(listed.size());

    // The empty template, uploaded as it is, has nothing to import.
    ImportJob job = finished(start(template, Locale.SIMPLIFIED_CHINESE));
    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(job.failureKey()).isEqualTo("member-import.invalid.empty");
  }

  @Test
  void aFileThatIsNotTheTemplateFailsWithoutWritingAnything() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    ImportJob notXlsx =
        finished(
            start(
                "姓名,性别\n张三,男\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Locale.SIMPLIFIED_CHINESE));
    assertThat(notXlsx.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(notXlsx.failureKey()).isEqualTo("member-import.invalid.not-a-workbook");
    List<String> header = new ArrayList<>(MemberSheets.HEADER);
    header.set(4, "证件号码");
    ImportJob otherHeader =
        finished(
            start(
                MemberSheets.workbook(header, List.of(List.of("张三"))), Locale.SIMPLIFIED_CHINESE));
    assertThat(otherHeader.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(otherHeader.failureKey()).isEqualTo("member-import.invalid.header");
    assertThat(otherHeader.failureArguments()).containsExactly("E", "身份证号");
  }

  @Test
  void theApiTakesAMultipartUploadAndReportsTheImportUntilItIsDone() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String branch = branches("", 1).getFirst().code();
    SecurityContextHolder.clearContext();
    byte[] sheet =
        MemberSheets.workbook(
            List.of(
                MemberSheets.member("接口导入甲", MemberSheets.freshId(Gender.MALE), branch),
                MemberSheets.member("接口导入乙", MemberSheets.freshId(Gender.FEMALE), branch)));
    HttpSession http =
        HttpSession.signIn(baseUrl(), DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);

    var started = http.upload("/api/v1/member-imports", "接口.xlsx", sheet);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/v1/member-imports/\\d+");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.get(location).body().contains("\"status\":\"DONE\""));
    String answer = http.get(location).body();
    assertThat(answer)
        .contains("\"writtenRows\":2", "\"fileName\":\"接口.xlsx\"", "\"errorWorkbook\":null");

    var refused =
        http.upload(
            "/api/v1/member-imports",
            "接口错误.xlsx",
            MemberSheets.workbook(
                List.of(
                    MemberSheets.member("接口错误", MemberSheets.freshId(Gender.MALE), "O999999"))));
    String again = refused.headers().firstValue("Location").orElseThrow();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.get(again).body().contains("\"status\":\"REFUSED\""));
    assertThat(http.get(again).body())
        .contains("\"row\":2", "\"column\":\"K\"", "党组织 O999999 不存在或不在您的管辖范围内。", again + "/errors");
    var workbook = http.download(again + "/errors");
    assertThat(workbook.statusCode()).isEqualTo(200);
    assertThat(MemberSheets.filledCells(workbook.body(), "FFC7CE")).containsExactly("K2");
  }

  @Test
  void aLargeSheetWithScatteredErrorsMarksEveryOneOfThem() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    String branch = branches("", 1).getFirst().code();
    List<List<String>> rows = new ArrayList<>();
    Set<String> bad = new HashSet<>();
    for (int i = 0; i < 3_000; i++) {
      List<String> row = MemberSheets.member("大表" + i, MemberSheets.freshId(Gender.MALE), branch);
      if (i % 250 == 249) {
        row.set(MemberColumn.EDUCATION.index(), "私塾");
        bad.add("G" + (i + 2));
      }
      rows.add(row);
    }

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(job.errorCount()).isEqualTo(12);
    byte[] workbook = errorWorkbook(job.id());
    assertThat(MemberSheets.filledCells(workbook, "FFC7CE")).isEqualTo(bad);
    List<List<String>> sheet = MemberSheets.read(workbook, 0);
    assertThat(sheet).hasSize(3_001);
    assertThat(sheet.get(2_999).get(0)).isEqualTo("大表2998");
    assertThat(MemberSheets.read(workbook, 1)).hasSize(13);
    assertThat(members.page(MemberFilter.of("大表", null), 0, 1).total()).isZero();
  }

  /** More rows than the writer takes in one chunk, so that some are written before the end. */
  static final int MORE_THAN_A_CHUNK = 5_300;

  List<List<String>> validRows(String name, int count) {
    List<OrganizationView> branches = branches("", 3);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(
          MemberSheets.member(
              name + i,
              MemberSheets.freshId(i % 2 == 0 ? Gender.MALE : Gender.FEMALE),
              branches.get(i % branches.size()).code()));
    }
    return rows;
  }

  @Test
  void anImportThatFailsOnItsLastRowWritesNothing() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    List<List<String>> rows = validRows("末行错误", MORE_THAN_A_CHUNK);
    rows.getLast().set(MemberColumn.EDUCATION.index(), "私塾");
    long membersBefore = everywhere("select count(*) from member");
    long people = everywhere("select count(*) from person");
    long events = everywhere("select count(*) from member_event");
    long audits = everywhere("select count(*) from audit_event where entity = 'member-import'");

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(job.totalRows()).isEqualTo(MORE_THAN_A_CHUNK);
    assertThat(job.writtenRows()).isZero();
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey())
        .containsExactly((MORE_THAN_A_CHUNK + 1) + "G member-import.invalid.choice");
    assertThat(everywhere("select count(*) from member")).isEqualTo(membersBefore);
    assertThat(everywhere("select count(*) from person")).isEqualTo(people);
    assertThat(everywhere("select count(*) from member_event")).isEqualTo(events);
    assertThat(everywhere("select count(*) from audit_event where entity = 'member-import'"))
        .isEqualTo(audits);
    assertThat(members.page(MemberFilter.of("末行错误", null), 0, 1).total()).isZero();
  }

  @Test
  void idNumbersRegisteredFoundAfterRowsWereWrittenAreAllNamedAndNothingIsWritten() {
    actAs(DemoAccounts.JIANGBEI_ADMIN);
    IdCardNumber jiangbei = new IdCardNumber(idNumberOfAMember());
    actAs(DemoAccounts.HAISHU_ADMIN);
    IdCardNumber haishu = new IdCardNumber(idNumberOfAMember());
    List<List<String>> rows = validRows("后段重复", MORE_THAN_A_CHUNK);
    String branch = rows.getFirst().get(MemberColumn.ORGANIZATION_CODE.index());
    // Rows 5,202 and 5,252: in the second chunk, after the first was written.
    int[] at = {5_200, 5_250};
    IdCardNumber[] ids = {haishu, jiangbei};
    for (int k = 0; k < 2; k++) {
      List<String> row = MemberSheets.member("后段重复者" + k, ids[k], branch);
      row.set(MemberColumn.JOINED_ON.index(), ids[k].birthDate().plusYears(20).toString());
      row.set(MemberColumn.FULL_ON.index(), ids[k].birthDate().plusYears(21).toString());
      rows.set(at[k], row);
    }
    long membersBefore = everywhere("select count(*) from member");
    long people = everywhere("select count(*) from person");

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey() + e.arguments())
        .containsExactly(
            "5202E member-import.invalid.registered[" + haishu.masked() + "]",
            "5252E member-import.invalid.registered-elsewhere[" + jiangbei.masked() + "]");
    assertThat(MemberSheets.filledCells(errorWorkbook(job.id()), "FFC7CE"))
        .containsExactlyInAnyOrder("E5202", "E5252");
    assertThat(everywhere("select count(*) from member")).isEqualTo(membersBefore);
    assertThat(everywhere("select count(*) from person")).isEqualTo(people);
  }

  @Test
  void aBadCellAfterAnIdNumberAlreadyRegisteredNamesBoth() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    List<List<String>> rows = validRows("先重后错", 30);
    String branch = rows.getFirst().get(MemberColumn.ORGANIZATION_CODE.index());
    List<MemberView> two = members.page(MemberFilter.of("", null), 0, 2).rows();
    int[] at = {3, 25}; // row 5, on its way to the writer; row 27, read after the bad cell
    for (int k = 0; k < 2; k++) {
      IdCardNumber id =
          new IdCardNumber(persons.revealIdNumber(two.get(k).personId()).orElseThrow());
      List<String> row = MemberSheets.member("已在册" + k, id, branch);
      row.set(MemberColumn.JOINED_ON.index(), id.birthDate().plusYears(20).toString());
      row.set(MemberColumn.FULL_ON.index(), id.birthDate().plusYears(21).toString());
      rows.set(at[k], row);
    }
    rows.get(20).set(MemberColumn.ETHNICITY.index(), "火星族"); // row 22, a bad cell

    ImportJob job = finished(start(MemberSheets.workbook(rows), Locale.SIMPLIFIED_CHINESE));

    assertThat(job.status()).isEqualTo(ImportStatus.REFUSED);
    assertThat(imports.errors(job.id(), 10))
        .extracting(e -> e.row() + e.column() + " " + e.messageKey())
        .containsExactly(
            "5E member-import.invalid.registered",
            "22C member-import.invalid.choice",
            "27E member-import.invalid.registered");
    assertThat(members.page(MemberFilter.of("先重后错", null), 0, 1).total()).isZero();
  }

  @Test
  void anImportCutOffByAStopIsMarkedFailedAtTheNextStart() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        insert into member_import_job (file_name, status, total_rows, checked_rows,
                          progress, locale, uploaded_by, scope_path, created_at, started_at)
                        values ('中断.xlsx', 'WRITING', 500, 500, 70, 'zh-CN', 'haishu_admin',
                          '/330200/330203/', now(), now()) returning id
                        """)
                    .query(Long.class)
                    .single());

    assertThat(worker.failInterrupted()).isPositive();

    actAs(DemoAccounts.HAISHU_ADMIN);
    ImportJob job = imports.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(job.failureKey()).isEqualTo("member-import.interrupted");
  }
}
