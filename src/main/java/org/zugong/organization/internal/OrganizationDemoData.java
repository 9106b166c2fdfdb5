package org.zugong.organization.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.UnitType;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.DemoNames;
import org.zugong.region.Region;
import org.zugong.region.RegionKind;
import org.zugong.region.Regions;

/**
 * Ningbo's party organizations at realistic scale (about 30,000): the municipal committee, the city
 * agencies' working committee, state enterprises and Ningbo University; a committee for each
 * district; a committee or working committee for each town; an organization for each of the 3,042
 * villages and communities with their branches and groups; enterprises and social organizations;
 * functional branches of delivery riders (雨骑先锋), couriers and truck drivers; regional
 * organizations. Generated from a fixed seed, loaded with COPY.
 */
@Component
class OrganizationDemoData implements DemoDataContributor {

  static final LocalDate REVIEW_YEAR_START = LocalDate.of(2022, 1, 1);

  /** Secretaries' names: the common ones but for the newest given names (欣怡, 子轩, …). */
  private static final DemoNames SECRETARY_NAMES = DemoNames.COMMON.firstGiven(60);

  private static final String[] FIRM_WORDS =
      "东海甬港天一镇明江东慈溪四明象山鄞州北仑宁海余姚奉化华茂杉杉雅戈尔博洋金田均胜方太公牛舜宇永新海天乐歌德业".split("");
  private static final String[] INDUSTRIES = {
    "电子", "机械", "模具", "港口物流", "服装", "新材料", "汽车零部件", "家电", "软件", "化工", "食品", "建筑", "贸易", "医药", "文具"
  };
  private static final String[] SOCIAL = {"商会", "行业协会", "志愿者协会", "社会工作服务中心", "养老服务中心", "律师事务所"};
  private static final String[] CITY_AGENCIES = {
    "市委办公室",
    "市委组织部",
    "市委宣传部",
    "市委统战部",
    "市委政法委",
    "市纪委市监委机关",
    "市政府办公厅",
    "市发展和改革委员会",
    "市教育局",
    "市科学技术局",
    "市经济和信息化局",
    "市公安局",
    "市民政局",
    "市司法局",
    "市财政局",
    "市人力资源和社会保障局",
    "市自然资源和规划局",
    "市生态环境局",
    "市住房和城乡建设局",
    "市交通运输局",
    "市农业农村局",
    "市水利局",
    "市商务局",
    "市文化广电旅游局",
    "市卫生健康委员会",
    "市退役军人事务局",
    "市应急管理局",
    "市审计局",
    "市市场监督管理局",
    "市统计局",
    "市医疗保障局",
    "市大数据发展管理局",
    "市信访局",
    "市档案馆",
    "市总工会",
    "团市委",
    "市妇联",
    "市科协",
    "市社科联",
    "市人才发展服务中心"
  };
  private static final String[] STATE_FIRMS = {
    "宁波舟山港集团",
    "宁波开发投资集团",
    "宁波交通投资集团",
    "宁波城建投资集团",
    "宁波通商集团",
    "宁波轨道交通集团",
    "宁波水务环境集团",
    "宁波能源集团",
    "宁波文旅会展集团",
    "宁波工业投资集团",
    "宁波市粮食收储公司",
    "宁波报业传媒集团"
  };
  private static final String[] COLLEGES = {
    "机关",
    "数学与统计学院",
    "物理科学与技术学院",
    "材料科学与化学工程学院",
    "信息科学与工程学院",
    "机械工程与力学学院",
    "土木工程与地理环境学院",
    "海洋学院",
    "医学部",
    "商学院",
    "法学院",
    "人文与传媒学院",
    "外国语学院",
    "教师教育学院",
    "体育学院",
    "马克思主义学院",
    "阳明学院",
    "图书馆",
    "后勤服务中心"
  };
  private static final String[] ORDINALS = {"第一", "第二", "第三", "第四", "第五", "第六"};

  private final Regions regions;

  OrganizationDemoData(Regions regions) {
    this.regions = regions;
  }

  @Override
  public String name() {
    return "organization.tree";
  }

  @Override
  public int order() {
    return 20;
  }

  /** One organization to load. */
  record Row(
      long id,
      String name,
      OrganizationKind kind,
      OrganizationCategory category,
      UnitType unitType,
      @Nullable String unitName,
      @Nullable String trade,
      String regionCode,
      @Nullable Long parentId,
      String path,
      String treePath,
      LocalDate established,
      String secretary) {}

  private final class Builder {
    final Random random;
    final List<Row> rows = new ArrayList<>(32_000);
    long next = 1;

    Builder(Random random) {
      this.random = random;
    }

    Row add(
        String name,
        OrganizationKind kind,
        OrganizationCategory category,
        UnitType unitType,
        @Nullable String unitName,
        @Nullable String trade,
        Region region,
        @Nullable Row parent) {
      long id = next++;
      String base =
          parent != null && parent.regionCode().equals(region.code())
              ? parent.path()
              : region.path().value();
      LocalDate floor = parent == null ? LocalDate.of(1978, 1, 1) : parent.established();
      LocalDate established =
          floor.plusDays(
              random.nextInt(
                  Math.max(1, (int) (REVIEW_YEAR_START.toEpochDay() - floor.toEpochDay()) - 200)));
      Row row =
          new Row(
              id,
              name,
              kind,
              category,
              unitType,
              unitName,
              trade,
              region.code(),
              parent == null ? null : parent.id(),
              base + "o" + id + "/",
              (parent == null ? "/" : parent.treePath()) + "o" + id + "/",
              established,
              person());
      rows.add(row);
      return row;
    }

    String person() {
      return SECRETARY_NAMES.name(random, 3);
    }

    /** Groups of a branch (党小组), none to {@code max}. */
    void groups(Row branch, Region region, int max) {
      int n = random.nextInt(max + 1);
      for (int i = 0; i < n; i++) {
        add(
            branch.name().replace("党支部", "") + ORDINALS[i] + "党小组",
            OrganizationKind.GROUP,
            branch.category(),
            branch.unitType(),
            branch.unitName(),
            branch.trade(),
            region,
            branch);
      }
    }
  }

  @Override
  public void load(DemoData demo) {
    Builder b = new Builder(demo.random());
    Region city = regions.find("330200").orElseThrow();
    Row root =
        b.add(
            "中共宁波市委",
            OrganizationKind.COMMITTEE,
            OrganizationCategory.REGULAR,
            UnitType.PARTY_COMMITTEE,
            "中共宁波市委员会",
            null,
            city,
            null);
    Row agencies =
        b.add(
            "中共宁波市直属机关工作委员会",
            OrganizationKind.WORKING_COMMITTEE,
            OrganizationCategory.REGULAR,
            UnitType.AGENCY,
            "市直机关",
            null,
            city,
            root);
    for (String agency : CITY_AGENCIES) {
      boolean large = b.random.nextInt(3) == 0;
      Row org =
          b.add(
              agency + (large ? "机关党总支" : "机关党支部"),
              large ? OrganizationKind.GENERAL_BRANCH : OrganizationKind.BRANCH,
              OrganizationCategory.REGULAR,
              UnitType.AGENCY,
              agency,
              null,
              city,
              agencies);
      if (large) {
        for (int i = 0; i < 2 + b.random.nextInt(3); i++) {
          Row branch =
              b.add(
                  agency + ORDINALS[i] + "党支部",
                  OrganizationKind.BRANCH,
                  OrganizationCategory.REGULAR,
                  UnitType.AGENCY,
                  agency,
                  null,
                  city,
                  org);
          b.groups(branch, city, 2);
        }
      } else {
        b.groups(org, city, 3);
      }
    }
    Row sasac =
        b.add(
            "中共宁波市国资委委员会",
            OrganizationKind.COMMITTEE,
            OrganizationCategory.REGULAR,
            UnitType.STATE_ENTERPRISE,
            "市国资委",
            null,
            city,
            root);
    for (String firm : STATE_FIRMS) {
      Row committee =
          b.add(
              firm + "党委",
              OrganizationKind.COMMITTEE,
              OrganizationCategory.REGULAR,
              UnitType.STATE_ENTERPRISE,
              firm,
              null,
              city,
              sasac);
      for (int i = 0; i < 3 + b.random.nextInt(4); i++) {
        Row branch =
            b.add(
                firm + ORDINALS[i] + "党支部",
                OrganizationKind.BRANCH,
                OrganizationCategory.REGULAR,
                UnitType.STATE_ENTERPRISE,
                firm,
                null,
                city,
                committee);
        b.groups(branch, city, 3);
      }
    }
    Region jiangbei = regions.find("330205").orElseThrow();
    Row nbu =
        b.add(
            "中共宁波大学委员会",
            OrganizationKind.COMMITTEE,
            OrganizationCategory.REGULAR,
            UnitType.SCHOOL,
            "宁波大学",
            null,
            jiangbei,
            root);
    for (String college : COLLEGES) {
      Row gb =
          b.add(
              "宁波大学" + college + "党总支",
              OrganizationKind.GENERAL_BRANCH,
              OrganizationCategory.REGULAR,
              UnitType.SCHOOL,
              "宁波大学",
              null,
              jiangbei,
              nbu);
      for (int i = 0; i < 2 + b.random.nextInt(4); i++) {
        b.add(
            "宁波大学" + college + (i < 2 ? ORDINALS[i] + "教工党支部" : ORDINALS[i - 2] + "学生党支部"),
            OrganizationKind.BRANCH,
            OrganizationCategory.REGULAR,
            UnitType.SCHOOL,
            "宁波大学",
            null,
            jiangbei,
            gb);
      }
    }

    for (Region district : regions.children("330200")) {
      Row committee =
          b.add(
              "中共" + district.name() + "委",
              OrganizationKind.COMMITTEE,
              OrganizationCategory.REGULAR,
              UnitType.PARTY_COMMITTEE,
              district.name() + "委",
              null,
              district,
              root);
      Row riders = null;
      for (String[] trade :
          new String[][] {
            {"外卖骑手", "“雨骑先锋”外卖骑手功能性党支部"}, {"快递员", "快递小哥功能性党支部"}, {"货车司机", "货车司机功能性党支部"}
          }) {
        Row functional =
            b.add(
                district.name() + trade[1],
                OrganizationKind.BRANCH,
                OrganizationCategory.FUNCTIONAL,
                UnitType.NEW_EMPLOYMENT,
                null,
                trade[0],
                district,
                committee);
        b.groups(functional, district, 3);
        if (riders == null) {
          riders = functional;
        }
      }
      for (Region town : regions.children(district.code())) {
        boolean working = town.kind() == RegionKind.SUBDISTRICT || town.kind() == RegionKind.ZONE;
        Row townOrg =
            b.add(
                "中共" + town.name() + (working ? "工作委员会" : "委员会"),
                working ? OrganizationKind.WORKING_COMMITTEE : OrganizationKind.COMMITTEE,
                OrganizationCategory.REGULAR,
                UnitType.PARTY_COMMITTEE,
                town.name(),
                null,
                town,
                committee);
        List<Region> villages = regions.children(town.code());
        for (Region village : villages) {
          boolean community = village.kind() == RegionKind.COMMUNITY;
          String base =
              village
                  .name()
                  .replace("村委会", "村")
                  .replace("居委会", "社区")
                  .replace("村民委员会", "村")
                  .replace("居民委员会", "社区");
          UnitType unitType = community ? UnitType.COMMUNITY : UnitType.VILLAGE;
          if (b.random.nextInt(10) < 2) {
            Row gb =
                b.add(
                    base + "党总支",
                    OrganizationKind.GENERAL_BRANCH,
                    OrganizationCategory.REGULAR,
                    unitType,
                    village.name(),
                    null,
                    village,
                    townOrg);
            for (int i = 0; i < 2 + b.random.nextInt(3); i++) {
              Row branch =
                  b.add(
                      base + ORDINALS[i] + "党支部",
                      OrganizationKind.BRANCH,
                      OrganizationCategory.REGULAR,
                      unitType,
                      village.name(),
                      null,
                      village,
                      gb);
              b.groups(branch, village, 3);
            }
          } else {
            Row branch =
                b.add(
                    base + "党支部",
                    OrganizationKind.BRANCH,
                    OrganizationCategory.REGULAR,
                    unitType,
                    village.name(),
                    null,
                    village,
                    townOrg);
            b.groups(branch, village, 4);
          }
        }
        int enterprises = 40 + b.random.nextInt(21);
        for (int i = 0; i < enterprises; i++) {
          boolean social = b.random.nextInt(8) == 0;
          String unit =
              social
                  ? town.name().replace("街道", "").replace("镇", "")
                      + SOCIAL[b.random.nextInt(SOCIAL.length)]
                  : "宁波"
                      + FIRM_WORDS[b.random.nextInt(FIRM_WORDS.length)]
                      + FIRM_WORDS[b.random.nextInt(FIRM_WORDS.length)]
                      + INDUSTRIES[b.random.nextInt(INDUSTRIES.length)]
                      + "有限公司";
          Row branch =
              b.add(
                  unit + "党支部",
                  OrganizationKind.BRANCH,
                  OrganizationCategory.REGULAR,
                  social ? UnitType.SOCIAL_ORGANIZATION : UnitType.PRIVATE_ENTERPRISE,
                  unit,
                  null,
                  town,
                  townOrg);
          b.groups(branch, town, 2);
        }
        if (b.random.nextInt(4) == 0) {
          b.add(
              town.name() + "商务楼宇区域性党总支",
              OrganizationKind.GENERAL_BRANCH,
              OrganizationCategory.REGIONAL,
              UnitType.OTHER,
              null,
              null,
              town,
              townOrg);
        }
      }
    }

    OffsetDateTime recorded = OffsetDateTime.parse("2022-01-01T00:00:00+08:00");
    BulkCopy.Copy orgs =
        demo.bulkCopy()
            .into(
                "organization",
                List.of(
                    "id",
                    "code",
                    "name",
                    "kind",
                    "category",
                    "unit_type",
                    "unit_name",
                    "trade",
                    "region_code",
                    "parent_id",
                    "path",
                    "tree_path",
                    "depth",
                    "established_on",
                    "secretary_name"));
    BulkCopy.Copy versions =
        demo.bulkCopy()
            .into(
                "organization_version",
                List.of(
                    "organization_id",
                    "valid_from",
                    "name",
                    "kind",
                    "category",
                    "parent_id",
                    "path",
                    "region_code"));
    BulkCopy.Copy events =
        demo.bulkCopy()
            .into(
                "organization_event",
                List.of(
                    "organization_id",
                    "effective_on",
                    "kind",
                    "new_value",
                    "path",
                    "recorded_by",
                    "recorded_at"));
    for (Row r : b.rows) {
      orgs.row(
          r.id(),
          String.format("O%06d", r.id()),
          r.name(),
          r.kind().name(),
          r.category().name(),
          r.unitType().name(),
          r.unitName(),
          r.trade(),
          r.regionCode(),
          r.parentId(),
          r.path(),
          r.treePath(),
          r.path().split("/").length - 1,
          r.established(),
          r.secretary());
      versions.row(
          r.id(),
          r.established(),
          r.name(),
          r.kind().name(),
          r.category().name(),
          r.parentId(),
          r.path(),
          r.regionCode());
      events.row(r.id(), r.established(), "ESTABLISHED", r.name(), r.path(), "demo", recorded);
    }
    orgs.finish();
    versions.finish();
    events.finish();
    demo.jdbc()
        .sql("select setval('organization_id_seq', ?)")
        .param(b.next)
        .query(Long.class)
        .single();
  }
}
