package org.zugong.organization.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.spreadsheet.ImportStatus;
import org.zugong.platform.spreadsheet.PastImports;
import org.zugong.region.Regions;

/**
 * The organization imports of 2022 as the import page lists them: the new organizations of a
 * district and a town set up from sheets, and one sheet that was refused for two bad cells. The
 * organizations themselves are part of the demo tree; these are the records of the imports.
 */
@Component
class OrganizationImportDemoData implements DemoDataContributor {

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
              "海曙区新建党组织（2022年一季度）.xlsx",
              ImportStatus.DONE,
              "haishu_admin",
              "330203",
              "2022-04-06T10:20:00+08:00",
              46,
              0),
          new Past(
              "海曙区新建党组织（2022年二季度）.xlsx",
              ImportStatus.REFUSED,
              "haishu_admin",
              "330203",
              "2022-07-04T15:02:00+08:00",
              38,
              2),
          new Past(
              "南门街道新建党支部.xlsx",
              ImportStatus.DONE,
              "nanmen_admin",
              "330203001",
              "2022-05-12T09:45:00+08:00",
              12,
              0),
          new Past(
              "江北区新建党组织（2022年）.xlsx",
              ImportStatus.DONE,
              "jiangbei_admin",
              "330205",
              "2022-04-18T14:10:00+08:00",
              27,
              0));

  private final Regions regions;

  OrganizationImportDemoData(Regions regions) {
    this.regions = regions;
  }

  @Override
  public String name() {
    return "organization-imports";
  }

  @Override
  public int order() {
    return 25;
  }

  @Override
  public void load(DemoData demo) {
    PastImports past = new PastImports(demo, "organization-import", PAST.size());
    for (int i = 0; i < PAST.size(); i++) {
      Past p = PAST.get(i);
      String scope = regions.pathOf(p.scopeCode()).orElseThrow().value();
      OffsetDateTime created = OffsetDateTime.parse(p.createdAt());
      // The error workbooks of 2022 are not kept: the page lists the errors without one.
      long id =
          past.job(
              i,
              p.fileName(),
              p.status(),
              p.rows(),
              p.errors(),
              p.uploadedBy(),
              scope,
              created,
              created.plusSeconds(3));
      if (p.errors() > 0) {
        past.error(
            id, 9, OrganizationColumn.KIND, "organization.rule.kind-fits-parent", "{}", scope);
        past.error(
            id,
            23,
            OrganizationColumn.PARENT,
            "organization-import.invalid.parent-code",
            "{O999999}",
            scope);
      }
    }
    past.finish();
  }
}
