package org.zugong.talent.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.DemoNames;
import org.zugong.platform.ZugongProperties;
import org.zugong.region.Regions;
import org.zugong.talent.WorkingCalendar;

/**
 * The talent work around certification in Ningbo's 2022: the thirty articles of the general policy
 * and its nine supporting policies, the Yongjiang Talent Program's 2022 call with applications at
 * every step, experts and their scores, the forty-member think tank, leaders' liaison with key
 * talents, 221,000 m² of talent housing built in 2022 (and some of 2021) with its waiting list,
 * Golden Phoenix finance requests and employers' postings.
 *
 * <p>The review gives the counts; article titles, supporting policy names, people and units are
 * illustrative (demo).
 */
@Component
class TalentProgramDemoData implements DemoDataContributor {

  /** The review's figure: "推进配建人才安居房22.1万平方米" in 2022. */
  static final BigDecimal HOUSING_BUILT_2022_M2 = new BigDecimal("221000");

  static final String[] ARTICLES = {
    "总体目标|Overall goals",
    "人才分类目录|Catalogue of talent tiers",
    "“10+10”直通车|The \"10+10\" direct track",
    "授予用人单位自主认定权|Self-certification by employers",
    "甬江人才工程|Yongjiang Talent Program",
    "顶尖人才“一事一议”|Case-by-case support for top talents",
    "领军人才项目资助|Funding of leading talents' projects",
    "青年人才引育|Attracting and training young talents",
    "博士后工作|Postdoctoral work",
    "高校毕业生来甬就业|Graduates coming to Ningbo",
    "高技能人才|Highly skilled workers",
    "企业家队伍|Entrepreneurs",
    "人才安居|Talent housing",
    "购房补贴|Home purchase subsidies",
    "租房补贴|Rent subsidies",
    "生活安家补助|Settling-in allowances",
    "子女入学|Schooling of children",
    "配偶就业|Employment of spouses",
    "医疗保健|Health care",
    "金凤凰人才金融|Golden Phoenix talent finance",
    "人才创业投资|Venture capital for talents",
    "科技成果转化|Transfer of research results",
    "平台载体建设|Platforms for talents",
    "甬江实验室人才支持|Talents of Yongjiang Laboratory",
    "人才飞地|Talent enclaves",
    "海外引才|Recruitment abroad",
    "人才举荐|Recommendation of talents",
    "人才服务“一件事”|One-stop talent services",
    "免申即享|Benefits granted without application",
    "组织实施|Implementation"
  };

  static final String[] SUPPORTING = {
    "宁波市高层次人才分类目录|Catalogue of Ningbo high-level talents|2022-02-10",
    "甬江人才工程实施办法|Implementing rules of the Yongjiang Talent Program|2022-02-10",
    "宁波市人才安居实施办法|Implementing rules of talent housing|2022-02-28",
    "“金凤凰”人才金融服务实施办法|Implementing rules of Golden Phoenix talent finance|2022-03-15",
    "重点产业紧缺人才专项政策|Special policy for talents short in key industries|2022-03-01",
    "人才项目自主管理办法|Rules of self-managed talent projects|2022-03-20",
    "青年人才“甬上优才”计划|Young talents plan|2022-04-08",
    "高技能人才队伍建设若干措施|Measures for highly skilled workers|2022-04-20",
    "人才服务“一件事”改革方案|One-stop talent services reform|2022-05-18"
  };

  private static final DemoNames NAMES =
      new DemoNames("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓", "伟强磊军洋勇杰涛明超华辉宇浩阳建志海波文斌宁俊凯瑞峰鹏亮慧颖婷");
  private static final String[] INDUSTRIES = {
    "NEW_MATERIALS", "DIGITAL_ECONOMY", "HIGH_END_EQUIPMENT", "AUTOMOTIVE", "PETROCHEMICAL",
    "BIOMEDICINE", "MODERN_SERVICES", "EDUCATION", "HEALTHCARE", "FINANCE"
  };
  private static final String[] DISTRICTS = {
    "330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281",
    "330282"
  };
  private static final String[] POSTING_TITLES = {
    "研发工程师", "首席科学家", "技术总监", "博士后研究人员", "高级技师", "产品经理", "临床医学专家", "数据科学家"
  };

  private final Regions regions;
  private final WorkingCalendar calendar;
  private final ZugongProperties zugong;

  TalentProgramDemoData(Regions regions, WorkingCalendar calendar, ZugongProperties zugong) {
    this.regions = regions;
    this.calendar = calendar;
    this.zugong = zugong;
  }

  @Override
  public String name() {
    return "talent-programs";
  }

  @Override
  public int order() {
    return 71;
  }

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    String city = zugong.rootScope();
    OffsetDateTime now = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    policySystem(demo, city);
    people(demo, r, city);
    program(demo, city, now);
    housing(demo, r);
    financeAndPostings(demo, r);
  }

  private void policySystem(DemoData demo, String city) {
    var jdbc = demo.jdbc();
    long general =
        jdbc.sql("select id from talent_policy where kind = 'GENERAL' order by id limit 1")
            .query(Long.class)
            .single();
    long version =
        jdbc.sql(
                "select id from talent_policy_version where policy_id = ? and status = 'PUBLISHED'"
                    + " order by version desc limit 1")
            .param(general)
            .query(Long.class)
            .single();
    BulkCopy.Copy articles =
        demo.bulkCopy()
            .into(
                "talent_policy_article",
                List.of("policy_version_id", "number", "title_zh", "title_en", "scope_path"));
    for (int i = 0; i < ARTICLES.length; i++) {
      String[] t = ARTICLES[i].split("\\|");
      articles.row(version, i + 1, t[0], t[1], city);
    }
    articles.finish();
    BulkCopy.Copy supporting =
        demo.bulkCopy()
            .into(
                "talent_supporting_policy",
                List.of(
                    "general_policy_id",
                    "rules_policy_code",
                    "name_zh",
                    "name_en",
                    "issuer",
                    "issued_on",
                    "scope_path"));
    for (String s : SUPPORTING) {
      String[] t = s.split("\\|");
      supporting.row(
          general,
          t[0].startsWith("重点产业") ? "NB-SPECIAL-INDUSTRY" : null,
          t[0],
          t[1],
          "宁波市委人才工作领导小组",
          LocalDate.parse(t[2]),
          city);
    }
    supporting.finish();
  }

  private static String name(Random r) {
    return NAMES.name(r, 2);
  }

  /** Forty think-tank members (and two whose term ended in 2021), experts. */
  private void people(DemoData demo, Random r, String city) {
    BulkCopy.Copy tank =
        demo.bulkCopy()
            .into(
                "talent_think_tank_member",
                List.of(
                    "name", "category", "affiliation", "appointed_on", "ended_on", "scope_path"));
    String[] affiliations = {
      "中国科学院", "中国工程院", "浙江大学", "宁波大学", "甬江实验室", "宁波市工商业联合会", "宁波舟山港集团", "中国科学院宁波材料技术与工程研究所"
    };
    for (int i = 0; i < 42; i++) {
      String category = i < 12 ? "ACADEMICIAN" : i < 30 ? "EXPERT" : "ENTREPRENEUR";
      boolean ended = i >= 40;
      tank.row(
          name(r),
          category,
          affiliations[r.nextInt(affiliations.length)],
          ended ? LocalDate.of(2019, 6, 1) : LocalDate.of(2022, 3, 18),
          ended ? LocalDate.of(2021, 12, 31) : null,
          city);
    }
    tank.finish();
    // Experts: some from the institutions and from employers of demo talents, so that conflicts of
    // interest arise.
    List<Map<String, Object>> employers =
        demo.jdbc()
            .sql(
                "select employer_name, employer_credit_code from (select distinct employer_name,"
                    + " employer_credit_code from talent) e order by employer_credit_code limit 30")
            .query()
            .listOfRows();
    BulkCopy.Copy experts =
        demo.bulkCopy()
            .into(
                "talent_expert",
                List.of("name", "employer_name", "employer_credit_code", "field", "scope_path"));
    for (int i = 0; i < employers.size(); i++) {
      var e = employers.get(i);
      experts.row(
          name(r),
          e.get("employer_name"),
          e.get("employer_credit_code"),
          INDUSTRIES[i % INDUSTRIES.length],
          city);
    }
    experts.finish();
  }

  /**
   * The 2022 call with 600 applications: the first fifth still at the formal check or earlier, then
   * expert review, final review, publicity (from 26 December), certified or rejected.
   */
  private void program(DemoData demo, String city, OffsetDateTime now) {
    var jdbc = demo.jdbc();
    long call =
        jdbc.sql(
                "insert into talent_program_call (year, name_zh, name_en, opens_on, closes_on,"
                    + " scope_path, created_at) values (2022, '甬江人才工程2022年度申报',"
                    + " 'Yongjiang Talent Program, 2022 call', date '2022-03-01', date '2022-05-31',"
                    + " ?, ?) returning id")
            .params(city, now)
            .query(Long.class)
            .single();
    LocalDate publicityFrom = LocalDate.of(2022, 12, 26);
    LocalDate publicityUntil = calendar.lastOfWorkingDays(publicityFrom, 5);
    jdbc.sql(
            """
            insert into talent_program_application (call_id, talent_id, talent_name, employer_name,
              employer_credit_code, tier_sought, direct_track, stage, applied_on, publicity_from,
              publicity_until, result, scope_path, updated_at)
            select :call, t.id, t.name, t.employer_name, t.employer_credit_code,
              coalesce(t.tier, 'E'), null, s.stage,
              date '2022-03-01' + (t.id % 90)::int,
              case when s.stage in ('PUBLICITY', 'CERTIFIED') then :pfrom end,
              case when s.stage in ('PUBLICITY', 'CERTIFIED') then :puntil end,
              case s.stage when 'REJECTED' then '专家评审未通过' when 'CERTIFIED' then '入选' end,
              t.scope_path, :now
            from (select t.*, row_number() over (order by t.id) as n from talent t
                  where t.tier is null or t.tier_certified_on < date '2022-01-01'
                  order by t.id limit 600) t
            cross join lateral (select case
              when t.n % 10 = 0 then 'APPLIED' when t.n % 10 = 1 then 'FORMAL_CHECK'
              when t.n % 10 in (2, 3) then 'EXPERT_REVIEW' when t.n % 10 = 4 then 'FINAL_REVIEW'
              when t.n % 10 = 5 then 'PUBLICITY' when t.n % 10 in (6, 7) then 'REJECTED'
              else 'CERTIFIED' end as stage) s
            """)
        .param("call", call)
        .param("pfrom", publicityFrom)
        .param("puntil", publicityUntil)
        .param("now", now)
        .update();
    // The steps each application took to where it stands.
    jdbc.sql(
            """
            insert into talent_program_step (application_id, from_stage, to_stage, taken_on, note,
              actor, scope_path)
            select a.id, s.stages[s.i - 1], s.stages[s.i], a.applied_on + (s.i * 30), '', 'demo', a.scope_path
            from talent_program_application a
            cross join lateral (select array['APPLIED', 'FORMAL_CHECK', 'EXPERT_REVIEW',
              'FINAL_REVIEW', 'PUBLICITY', 'CERTIFIED'] as stages) st
            cross join lateral (select st.stages, i from generate_series(2,
              case a.stage when 'REJECTED' then 3 else array_position(st.stages, a.stage) end) i) s
            """)
        .update();
    jdbc.sql(
            """
            insert into talent_program_step (application_id, from_stage, to_stage, taken_on, note,
              actor, scope_path)
            select a.id, 'EXPERT_REVIEW', 'REJECTED', date '2022-09-30', a.result, 'demo', a.scope_path
            from talent_program_application a where a.stage = 'REJECTED'
            """)
        .update();
    jdbc.sql(
            """
            update talent_program_step s set taken_on = a.publicity_from
            from talent_program_application a
            where a.id = s.application_id and s.to_stage = 'PUBLICITY'
            """)
        .update();
    jdbc.sql(
            """
            update talent_program_step s set taken_on = a.publicity_until + 1
            from talent_program_application a
            where a.id = s.application_id and s.to_stage = 'CERTIFIED'
            """)
        .update();
    // Three experts per application past the formal check, never of the applicant's employer.
    jdbc.sql(
            """
            insert into talent_program_review (application_id, expert_id, expert_name, score, opinion,
              assigned_at, scored_at, scope_path)
            select a.id, e.id, e.name,
              case when a.stage <> 'EXPERT_REVIEW' or a.id % 2 = 0 then 60 + (a.id * e.id) % 40 end,
              case when a.stage <> 'EXPERT_REVIEW' or a.id % 2 = 0 then '同意' end,
              :now, case when a.stage <> 'EXPERT_REVIEW' or a.id % 2 = 0 then :now end, a.scope_path
            from talent_program_application a
            cross join lateral (select e.* from talent_expert e
              where e.employer_credit_code <> a.employer_credit_code
              order by (e.id * 7919 + a.id) % 101, e.id limit 3) e
            where a.stage in ('EXPERT_REVIEW', 'FINAL_REVIEW', 'PUBLICITY', 'CERTIFIED', 'REJECTED')
            """)
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into talent_program_objection (application_id, received_on, content, handling,
              recorded_by, scope_path)
            select a.id, a.publicity_from + 1, '对申报材料中的业绩表述有异议', null, 'demo', a.scope_path
            from talent_program_application a where a.stage = 'PUBLICITY' and a.id % 4 = 0
            """)
        .update();
    // Certification of those selected, through the certification record as the product makes it.
    jdbc.sql(
            """
            update talent t set tier = a.tier_sought, tier_certified_on = a.publicity_until + 1,
              tier_basis = '甬江人才工程2022年度入选', tier_certifier = '宁波市人才工作领导小组办公室'
            from talent_program_application a
            where a.talent_id = t.id and a.stage = 'CERTIFIED'
            """)
        .update();
    jdbc.sql(
            """
            insert into talent_certification (talent_id, tier, certified_on, basis, certifier,
              recorded_by, recorded_at, scope_path)
            select t.id, t.tier, t.tier_certified_on, t.tier_basis, t.tier_certifier, 'demo', :now,
              t.scope_path
            from talent t join talent_program_application a on a.talent_id = t.id
            where a.stage = 'CERTIFIED'
            """)
        .param("now", now)
        .update();
    // A leader of the city or district assigned to each key talent (tiers A and B), and visits.
    jdbc.sql(
            """
            insert into talent_liaison (talent_id, leader_name, leader_post, assigned_on, scope_path)
            select t.id, '联系领导' || (t.id % 37 + 1), case when t.tier = 'A' then '市领导' else '区（县、市）领导' end,
              date '2022-04-01', t.scope_path
            from talent t where t.tier in ('A', 'B')
            """)
        .update();
    jdbc.sql(
            """
            insert into talent_liaison_visit (liaison_id, visited_on, note, scope_path)
            select l.id, date '2022-05-01' + (v * 60 + l.id % 30)::int, '走访了解项目进展和生活需求', l.scope_path
            from talent_liaison l cross join generate_series(0, (l.id % 3)::int) v
            """)
        .update();
  }

  /**
   * Units built in 2022 totalling exactly the review's 221,000 m² and some built in 2021; a waiting
   * list of certified talents, allocated the highest tier first, then the earliest application.
   */
  private void housing(DemoData demo, Random r) {
    BulkCopy.Copy units =
        demo.bulkCopy()
            .into(
                "talent_housing_unit",
                List.of("project", "unit_no", "region_code", "area_m2", "built_on", "scope_path"));
    BigDecimal[] areas = {
      new BigDecimal("60.00"),
      new BigDecimal("75.50"),
      new BigDecimal("89.00"),
      new BigDecimal("98.25"),
      new BigDecimal("120.00"),
      new BigDecimal("143.75")
    };
    Map<String, Integer> perProject = new LinkedHashMap<>();
    for (int year : new int[] {2021, 2022}) {
      BigDecimal target = year == 2022 ? HOUSING_BUILT_2022_M2 : new BigDecimal("48000");
      BigDecimal sum = BigDecimal.ZERO;
      while (sum.compareTo(target) < 0) {
        BigDecimal left = target.subtract(sum);
        BigDecimal area = areas[r.nextInt(areas.length)];
        if (left.compareTo(new BigDecimal("200")) <= 0) {
          area = left; // the last unit closes the total
        } else if (left.subtract(area).compareTo(new BigDecimal("50")) < 0) {
          continue;
        }
        String district = DISTRICTS[r.nextInt(DISTRICTS.length)];
        String project = districtName(district) + "人才公寓" + (year - 2020) + "期";
        int no = perProject.merge(project, 1, Integer::sum);
        units.row(
            project,
            String.format("%d-%04d", 1 + no / 400, no),
            district,
            area,
            LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28)),
            regions.pathOf(district).orElseThrow().value());
        sum = sum.add(area);
      }
    }
    units.finish();
    var jdbc = demo.jdbc();
    jdbc.sql(
            """
            insert into talent_housing_application (talent_id, talent_name, tier, region_code,
              applied_on, status, scope_path)
            select t.id, t.name, t.tier, left(t.region_code, 6),
              least(date '2022-12-31', greatest(t.tier_certified_on, date '2021-01-01') + (t.id % 60)::int),
              'WAITING', t.scope_path
            from talent t where t.tier is not null and t.id % 3 = 0
            """)
        .update();
    // Units built in 2021 and in the first half of 2022 are allocated by the rule of the waiting
    // list.
    jdbc.sql(
            """
            with u as (select u.id, u.region_code, u.built_on,
                         row_number() over (partition by u.region_code order by u.built_on, u.id) as n
                       from talent_housing_unit u where u.built_on < date '2022-07-01'),
                 a as (select a.id, a.region_code,
                         row_number() over (partition by a.region_code order by a.tier, a.applied_on, a.id) as n
                       from talent_housing_application a)
            update talent_housing_application x set status = 'ALLOCATED', unit_id = u.id,
              allocated_on = greatest(u.built_on, x.applied_on)
            from a join u on u.region_code = a.region_code and u.n = a.n
            where x.id = a.id
            """)
        .update();
  }

  private String districtName(String code) {
    return regions.find(code).orElseThrow().name();
  }

  private void financeAndPostings(DemoData demo, Random r) {
    demo.jdbc()
        .sql(
            """
            insert into talent_finance_request (talent_id, talent_name, kind, amount_yuan, institution,
              status, submitted_on, decided_on, scope_path)
            select t.id, t.name, case when t.id % 3 = 0 then 'GUARANTEE' else 'LOAN' end,
              (1 + t.id % 20) * 100000, case t.id % 4 when 0 then '宁波银行' when 1 then '浙商银行'
                when 2 then '宁波市融资担保有限公司' else '中国银行宁波市分行' end,
              case t.id % 5 when 0 then 'SUBMITTED' when 1 then 'REJECTED' when 2 then 'APPROVED'
                else 'DISBURSED' end,
              date '2022-01-10' + (t.id % 340)::int,
              case when t.id % 5 <> 0 then date '2022-01-10' + (t.id % 340)::int + 14 end,
              t.scope_path
            from talent t where t.tier is not null and t.id % 7 = 0
            """)
        .update();
    BulkCopy.Copy postings =
        demo.bulkCopy()
            .into(
                "talent_posting",
                List.of(
                    "employer_name",
                    "employer_credit_code",
                    "industry",
                    "region_code",
                    "title",
                    "positions",
                    "posted_on",
                    "closed_on",
                    "scope_path"));
    List<Map<String, Object>> employers =
        demo.jdbc()
            .sql(
                "select distinct on (employer_credit_code) employer_name, employer_credit_code,"
                    + " industry, left(region_code, 6) as district from talent"
                    + " where institution_code is null order by employer_credit_code limit 800")
            .query()
            .listOfRows();
    List<Object[]> rows = new ArrayList<>();
    for (var e : employers) {
      LocalDate posted = LocalDate.of(2022, 1, 1).plusDays(r.nextInt(360));
      String district = (String) e.get("district");
      rows.add(
          new Object[] {
            e.get("employer_name"),
            e.get("employer_credit_code"),
            e.get("industry"),
            district,
            POSTING_TITLES[r.nextInt(POSTING_TITLES.length)],
            1 + r.nextInt(8),
            posted,
            r.nextInt(3) == 0 ? posted.plusDays(30 + r.nextInt(60)) : null,
            regions.pathOf(district).orElseThrow().value()
          });
    }
    for (Object[] row : rows) {
      postings.row(row);
    }
    postings.finish();
  }
}
