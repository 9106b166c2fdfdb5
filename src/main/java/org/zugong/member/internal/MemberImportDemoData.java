package org.zugong.member.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.zugong.member.imports.MemberColumn;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.platform.spreadsheet.PastImports;
import org.zugong.region.Regions;

/**
 * The imports of 2022 as the import page lists them: sheets taken over from the paper registers by
 * the city, two districts and a town, and one sheet that was refused for three bad cells.
 */
@Component
class MemberImportDemoData implements DemoDataContributor {

  private record Past(
      String fileName,
      ImportStatus status,
      String uploadedBy,
      String scopeCode,
      String createdAt,
      int rows,
      int errors) {}

  private static final List<Past> PAST =
      List.of(
          new Past(
              "市直机关党员信息（第一批）.xlsx",
              ImportStatus.DONE,
              "city_admin",
              "330200",
              "2022-03-02T09:12:00+08:00",
              0,
              0),
          new Past(
              "海曙区党员信息（2022年）.xlsx",
              ImportStatus.DONE,
              "haishu_admin",
              "330203",
              "2022-03-08T10:05:00+08:00",
              0,
              0),
          new Past(
              "海曙区党员信息补录.xlsx",
              ImportStatus.REFUSED,
              "haishu_admin",
              "330203",
              "2022-03-15T15:40:00+08:00",
              0,
              3),
          new Past(
              "南门街道党员信息.xlsx",
              ImportStatus.DONE,
              "nanmen_admin",
              "330203001",
              "2022-03-21T14:20:00+08:00",
              0,
              0),
          new Past(
              "江北区党员信息（2022年）.xlsx",
              ImportStatus.DONE,
              "jiangbei_admin",
              "330205",
              "2022-03-09T09:30:00+08:00",
              0,
              0));

  private final Regions regions;

  MemberImportDemoData(Regions regions) {
    this.regions = regions;
  }

  @Override
  public String name() {
    return "member-imports";
  }

  @Override
  public int order() {
    return 45;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    PastImports past = new PastImports(demo, "member-import", PAST.size());
    for (int i = 0; i < PAST.size(); i++) {
      Past p = PAST.get(i);
      int rows = 200 + r.nextInt(1800);
      String scope = regions.pathOf(p.scopeCode()).orElseThrow().value();
      OffsetDateTime created = OffsetDateTime.parse(p.createdAt());
      long id =
          past.job(
              i,
              p.fileName(),
              p.status(),
              rows,
              p.errors(),
              p.uploadedBy(),
              scope,
              created,
              created.plusSeconds(2 + rows / 500));
      if (p.errors() > 0) {
        int row = 2 + r.nextInt(rows - 10);
        past.error(id, row, MemberColumn.ID_NUMBER, "idcard.invalid.check", "{}", scope);
        past.error(id, row + 7, MemberColumn.GENDER, "person.invalid.gender-vs-id", "{}", scope);
        past.error(
            id,
            row + 7,
            MemberColumn.ORGANIZATION_CODE,
            "member.invalid.organization",
            "{O999999}",
            scope);
      }
    }
    past.finish();
  }
}
