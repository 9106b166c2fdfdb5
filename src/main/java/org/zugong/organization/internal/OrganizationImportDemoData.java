package org.zugong.organization.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zugong.organization.imports.OrganizationColumn;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
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
      String status,
      String uploadedBy,
      String scopeCode,
      String createdAt,
      int rows,
      int errors) {}

  private static final List<Past> PAST =
      List.of(
          new Past(
              "海曙区新建党组织（2022年一季度）.xlsx",
              "DONE",
              "haishu_admin",
              "330203",
              "2022-04-06T10:20:00+08:00",
              46,
              0),
          new Past(
              "海曙区新建党组织（2022年二季度）.xlsx",
              "REFUSED",
              "haishu_admin",
              "330203",
              "2022-07-04T15:02:00+08:00",
              38,
              2),
          new Past(
              "南门街道新建党支部.xlsx",
              "DONE",
              "nanmen_admin",
              "330203001",
              "2022-05-12T09:45:00+08:00",
              12,
              0),
          new Past(
              "江北区新建党组织（2022年）.xlsx",
              "DONE",
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
    List<Long> ids =
        demo.jdbc()
            .sql("select nextval('organization_import_job_id_seq') from generate_series(1, ?)")
            .param(PAST.size())
            .query(Long.class)
            .list();
    BulkCopy.Copy jobs =
        demo.bulkCopy()
            .into(
                "organization_import_job",
                List.of(
                    "id",
                    "file_name",
                    "status",
                    "total_rows",
                    "checked_rows",
                    "written_rows",
                    "error_count",
                    "progress",
                    "error_workbook",
                    "locale",
                    "uploaded_by",
                    "scope_path",
                    "created_at",
                    "started_at",
                    "finished_at"));
    BulkCopy.Copy errors =
        demo.bulkCopy()
            .into(
                "organization_import_error",
                List.of("job_id", "row_no", "column_no", "message_key", "arguments", "scope_path"));
    for (int i = 0; i < PAST.size(); i++) {
      Past p = PAST.get(i);
      long id = ids.get(i);
      String scope = regions.pathOf(p.scopeCode()).orElseThrow().value();
      OffsetDateTime created = OffsetDateTime.parse(p.createdAt());
      boolean done = p.status().equals("DONE");
      // The error workbooks of 2022 are not kept: the page lists the errors without one.
      jobs.row(
          id,
          p.fileName(),
          p.status(),
          p.rows(),
          p.rows(),
          done ? p.rows() : 0,
          p.errors(),
          100,
          false,
          "zh-CN",
          p.uploadedBy(),
          scope,
          created,
          created.plusSeconds(1),
          created.plusSeconds(3));
      if (p.errors() > 0) {
        errors.row(
            id,
            9,
            OrganizationColumn.KIND.index(),
            "organization.rule.kind-fits-parent",
            "{}",
            scope);
        errors.row(
            id,
            23,
            OrganizationColumn.PARENT.index(),
            "organization-import.invalid.parent-code",
            "{O999999}",
            scope);
      }
    }
    jobs.finish();
    errors.finish();
  }
}
