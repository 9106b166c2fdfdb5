package org.zugong.member.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zugong.member.recruitment.Introducer;
import org.zugong.member.recruitment.Recruitment;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStep;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.RecruitmentTodo;
import org.zugong.member.recruitment.RecruitmentTodos;
import org.zugong.member.recruitment.StepDetails;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonBatch;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.platform.DemoNames;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.ScopePath;

/**
 * About 2,000 recruitments across the city as they stood at the end of 2022. The members admitted
 * in 2021 and 2022 (a sample of them) get the files that led to their admission, dated back from
 * the day they joined, with the committee's approval and, for those admitted in 2021, the
 * conversion in 2022. New people, registered in the branch that received their application, are
 * applicants, activists and candidates, or stopped; their steps run forward from the application,
 * and some talks and reviews are left undone, so that the to-do list has overdue steps. Every path
 * is recorded through the domain's rules, so that the data set obeys them.
 */
@Component
class RecruitmentDemoData implements DemoDataContributor {

  static final LocalDate END_OF_2022 = LocalDate.of(2022, 12, 31);
  static final LocalDate FIRST_APPLICATION = LocalDate.of(2020, 9, 1);
  static final int PEOPLE = 2000;
  static final int ADMITTED_IN_2022 = 330;
  static final int CONVERTED_IN_2022 = 270;

  private static final DemoNames NAMES =
      new DemoNames(
          "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁沈姚卢钟姜崔陆范汪金石邵应竺虞俞舒",
          "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉兰辉鑫宇浩晨阳波文斌宁甬丹俊凯瑞佳琳雪梅松林峰鹏飞亮慧颖婷倩欣怡轩涵诺然远航睿哲悦彤");

  /** Birthplaces none of the member demo data uses, so that no ID number can repeat one of it. */
  private static final String[] ORIGINS = {
    "330122", "330127", "330183", "330326", "330381", "330424", "330523", "330681", "330782",
    "331023", "331081", "341122", "362421", "412722", "513922"
  };

  private static final String[] WITHDRAWALS = {"本人申请撤回入党申请", "工作调动离开本单位", "考察期间表现不符合要求"};

  private final Persons personRegister;

  RecruitmentDemoData(Persons personRegister) {
    this.personRegister = personRegister;
  }

  @Override
  public String name() {
    return "recruitments";
  }

  @Override
  public int order() {
    return 45;
  }

  record Org(
      long id,
      String name,
      String kind,
      @Nullable Long parentId,
      String path,
      String treePath,
      String unitType) {}

  /** A full member in good standing who may talk, keep contact or introduce. */
  record Full(long id, long personId, LocalDate fullOn) {}

  /** A member admitted in 2021 or 2022 whose file is generated back from the admission. */
  record Admitted(
      long id,
      long personId,
      long organizationId,
      String name,
      LocalDate birth,
      String idMasked,
      LocalDate joinedOn,
      @Nullable LocalDate fullOn) {}

  /** What one recruitment is made of before it is copied. */
  record File(
      long personId,
      Org branch,
      String name,
      LocalDate birth,
      String idMasked,
      @Nullable Long memberId,
      Recruitment recruitment) {}

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    Map<Long, Org> orgs = new HashMap<>();
    demo.jdbc()
        .sql(
            "select id, name, kind, parent_id, path, tree_path, unit_type from organization"
                + " where dissolved_on is null")
        .query(
            rs -> {
              orgs.put(
                  rs.getLong(1),
                  new Org(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      (Long) rs.getObject(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
            });
    Map<Long, List<Full>> fullByOrg = new HashMap<>();
    Map<String, List<Full>> fullByDistrict = new HashMap<>();
    List<Long> memberOrgs = new ArrayList<>();
    demo.jdbc()
        .sql(
            "select id, person_id, organization_id, scope_path, full_on, stage from member"
                + " where status = 'NORMAL' order by id")
        .query(
            rs -> {
              long org = rs.getLong(3);
              memberOrgs.add(org);
              if (rs.getString(6).equals("FULL")) {
                Full f = new Full(rs.getLong(1), rs.getLong(2), rs.getObject(5, LocalDate.class));
                fullByOrg.computeIfAbsent(org, k -> new ArrayList<>()).add(f);
                fullByDistrict
                    .computeIfAbsent(district(rs.getString(4)), k -> new ArrayList<>())
                    .add(f);
              }
            });
    if (memberOrgs.isEmpty()) {
      return;
    }
    Map<Long, String> districtOf = new HashMap<>();
    orgs.values().forEach(o -> districtOf.put(o.id(), district(o.path())));
    Pools pools = new Pools(fullByOrg, fullByDistrict, districtOf);

    List<File> files = new ArrayList<>();
    List<Admitted> admitted =
        demo.jdbc()
            .sql(
                "select id, person_id, organization_id, name, birth_date, id_number_masked, joined_on,"
                    + " full_on from member where status = 'NORMAL' and joined_on >= '2021-01-01'"
                    + " order by id")
            .query(
                (rs, n) ->
                    new Admitted(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)))
            .list();
    List<Admitted> probationary =
        admitted.stream().filter(a -> a.fullOn() == null).collect(Collectors.toList());
    List<Admitted> converted =
        admitted.stream().filter(a -> a.fullOn() != null).collect(Collectors.toList());
    for (Admitted a : sample(probationary, ADMITTED_IN_2022, r)) {
      Org branch = orgs.get(a.organizationId());
      if (branch != null) {
        Recruitment rec = backward(a, branch, orgs, pools, r);
        if (rec != null) {
          files.add(new File(a.personId(), branch, a.name(), a.birth(), a.idMasked(), a.id(), rec));
        }
      }
    }
    for (Admitted a : sample(converted, CONVERTED_IN_2022, r)) {
      Org branch = orgs.get(a.organizationId());
      if (branch != null) {
        Recruitment rec = backward(a, branch, orgs, pools, r);
        if (rec != null) {
          files.add(new File(a.personId(), branch, a.name(), a.birth(), a.idMasked(), a.id(), rec));
        }
      }
    }

    long personId =
        demo.jdbc().sql("select coalesce(max(id), 0) from person").query(Long.class).single();
    OffsetDateTime registered = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    PersonBatch persons = personRegister.batch(demo.bulkCopy());
    Set<String> idNumbers = new HashSet<>();
    long span = END_OF_2022.minusDays(10).toEpochDay() - FIRST_APPLICATION.toEpochDay();
    while (files.size() < PEOPLE) {
      Org branch = orgs.get(memberOrgs.get(r.nextInt(memberOrgs.size())));
      if (branch == null) {
        continue;
      }
      LocalDate applied =
          END_OF_2022.minusDays(10).minusDays((long) (span * Math.pow(r.nextDouble(), 1.25)));
      OccupationCategory category = category(branch.unitType(), r);
      int age = category == OccupationCategory.STUDENT ? 18 + r.nextInt(5) : 20 + r.nextInt(19);
      LocalDate birth = applied.minusYears(age).minusDays(r.nextInt(365));
      Gender gender = r.nextInt(100) < 55 ? Gender.MALE : Gender.FEMALE;
      IdCardNumber idNumber;
      do {
        idNumber =
            DemoPeople.idNumber(
                ORIGINS[r.nextInt(ORIGINS.length)], birth, gender == Gender.MALE, r);
      } while (!idNumbers.add(idNumber.value()));
      String name = NAMES.name(r, 3);
      String phone = DemoPeople.mobile(r);
      NewEmploymentGroup group =
          category == OccupationCategory.NEW_EMPLOYMENT
              ? (r.nextBoolean() ? NewEmploymentGroup.DELIVERY_RIDER : NewEmploymentGroup.COURIER)
              : null;
      personId++;
      persons.add(
          personId,
          new PersonFacts(
              name,
              idNumber,
              gender,
              (r.nextInt(100) < 97 ? Ethnicity.HAN : Ethnicity.SHE),
              birth,
              phone,
              education(category, r),
              occupation(category, group),
              category,
              group),
          new ScopePath(branch.path()),
          registered);
      Recruitment rec = forward(personId, birth, applied, branch, orgs, pools, r);
      files.add(new File(personId, branch, name, birth, idNumber.masked(), null, rec));
    }
    persons.finish();
    demo.jdbc()
        .sql("select setval('person_id_seq', (select max(id) from person))")
        .query(Long.class)
        .single();
    copy(demo, files);
  }

  /** The files of members admitted on their joining day, dated back from it. */
  private @Nullable Recruitment backward(
      Admitted a, Org branch, Map<Long, Org> orgs, Pools pools, Random r) {
    LocalDate admission = a.joinedOn();
    LocalDate candidate = admission.minusDays(40 + r.nextInt(80));
    LocalDate lastReview = candidate.minusDays(3 + r.nextInt(40));
    LocalDate activist = lastReview.minusMonths(12);
    LocalDate talk = activist.minusDays(30 + r.nextInt(120));
    LocalDate applied = talk.minusDays(5 + r.nextInt(24));
    if (applied.isBefore(a.birth().plusYears(18))) {
      return null;
    }
    String committee = committee(branch, orgs);
    Path p = new Path(a.personId(), a.birth());
    p.add(step(RecruitmentStepKind.APPLICATION, applied, branch.name()));
    p.add(step(RecruitmentStepKind.TALK, talk, branch.name(), pools.pick(branch, talk, r, 1)));
    p.add(
        step(
            RecruitmentStepKind.ACTIVIST_DESIGNATION,
            activist,
            branch.name(),
            pools.pick(branch, activist, r, 1 + r.nextInt(2))));
    p.add(step(RecruitmentStepKind.ACTIVIST_REVIEW, activist.plusMonths(6), branch.name()));
    p.add(step(RecruitmentStepKind.ACTIVIST_REVIEW, lastReview, branch.name()));
    p.add(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, candidate, branch.name()));
    long room = admission.toEpochDay() - candidate.toEpochDay() - 3;
    LocalDate introduced = candidate.plusDays(3 + r.nextInt(12));
    List<Full> introducers = pools.introducers(branch, introduced, a.personId(), r);
    if (introducers.size() < 2) {
      return null;
    }
    p.add(introducers(introduced, branch.name(), introducers));
    p.add(
        step(
            RecruitmentStepKind.POLITICAL_REVIEW,
            candidate.plusDays(5 + r.nextInt((int) room - 5)),
            committee));
    p.add(training(candidate.plusDays(5 + r.nextInt((int) room - 5)), committee, r));
    p.add(step(RecruitmentStepKind.BRANCH_ADMISSION, admission, branch.name()));
    boolean special = r.nextInt(100) < 5;
    LocalDate approval = admission.plusDays(special ? 95 + r.nextInt(60) : 20 + r.nextInt(70));
    // A few approvals of the second half of 2022 are late.
    boolean forgotten =
        a.fullOn() == null && admission.isAfter(END_OF_2022.minusMonths(6)) && r.nextInt(100) < 20;
    if (!approval.isAfter(END_OF_2022) && !forgotten) {
      p.add(
          new RecruitmentStep(
              RecruitmentStepKind.COMMITTEE_APPROVAL,
              approval,
              committee,
              List.of(),
              new StepDetails.Approval(special ? "党委换届，审批会议延期" : null)));
      if (a.fullOn() != null) {
        p.add(step(RecruitmentStepKind.CONVERSION, a.fullOn(), branch.name()));
      }
    }
    return a.fullOn() != null && p.recruitment.stage() != RecruitmentStage.FULL
        ? null
        : p.recruitment;
  }

  /** The path of a new applicant, forward from the application until the end of 2022. */
  private Recruitment forward(
      long personId,
      LocalDate birth,
      LocalDate applied,
      Org branch,
      Map<Long, Org> orgs,
      Pools pools,
      Random r) {
    Path p = new Path(personId, birth);
    p.add(step(RecruitmentStepKind.APPLICATION, applied, branch.name()));
    int pace = r.nextInt(100);
    if (pace < 15 && applied.isAfter(END_OF_2022.minusMonths(5))) {
      // A recent application still waits for its talk: overdue once a month has passed.
      return p.recruitment;
    }
    LocalDate talk = applied.plusDays(pace < 14 ? 32 + r.nextInt(40) : 5 + r.nextInt(24));
    if (!p.addBy(
        step(RecruitmentStepKind.TALK, talk, branch.name(), pools.pick(branch, talk, r, 1)))) {
      return p.recruitment;
    }
    if (r.nextInt(100) < 3) {
      p.addBy(stop(talk.plusDays(10 + r.nextInt(50)), branch.name(), r));
      return p.recruitment;
    }
    LocalDate activist = talk.plusDays(30 + r.nextInt(150));
    if (!p.addBy(
        step(
            RecruitmentStepKind.ACTIVIST_DESIGNATION,
            activist,
            branch.name(),
            pools.pick(branch, activist, r, 1 + r.nextInt(2))))) {
      return p.recruitment;
    }
    LocalDate last = activist;
    LocalDate candidate = null;
    while (candidate == null) {
      if (r.nextInt(100) < 20 && last.plusMonths(6).isAfter(END_OF_2022.minusMonths(7))) {
        // This year's review has not been held: overdue six months after the last.
        return p.recruitment;
      }
      LocalDate review = last.plusMonths(5).plusDays(r.nextInt(28));
      if (!p.addBy(step(RecruitmentStepKind.ACTIVIST_REVIEW, review, branch.name()))) {
        return p.recruitment;
      }
      last = review;
      if (r.nextInt(100) < 2) {
        p.addBy(stop(review.plusDays(5 + r.nextInt(35)), branch.name(), r));
        return p.recruitment;
      }
      LocalDate next = review.plusDays(3 + r.nextInt(40));
      if (!next.isBefore(activist.plusYears(1)) && r.nextInt(100) < 75) {
        candidate = next;
      }
    }
    if (!p.addBy(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, candidate, branch.name()))) {
      return p.recruitment;
    }
    String committee = committee(branch, orgs);
    LocalDate introduced = candidate.plusDays(3 + r.nextInt(18));
    List<Full> introducers = pools.introducers(branch, introduced, personId, r);
    if (introducers.size() == 2 && r.nextInt(100) < 80) {
      p.addBy(introducers(introduced, branch.name(), introducers));
    }
    if (r.nextInt(100) < 70) {
      p.addBy(
          step(
              RecruitmentStepKind.POLITICAL_REVIEW,
              candidate.plusDays(10 + r.nextInt(50)),
              committee));
    }
    if (r.nextInt(100) < 65) {
      p.addBy(training(candidate.plusDays(5 + r.nextInt(85)), committee, r));
    }
    return p.recruitment;
  }

  /** Steps recorded through the rules: a step the rules refuse is a mistake of this generator. */
  private static final class Path {
    final Recruitment recruitment;

    Path(long personId, LocalDate birth) {
      this.recruitment = Recruitment.of(personId, birth);
    }

    void add(RecruitmentStep step) {
      recruitment.record(step).orThrow();
    }

    /** Records the step if it took place by the end of 2022. */
    boolean addBy(RecruitmentStep step) {
      if (step.date().isAfter(END_OF_2022)) {
        return false;
      }
      add(step);
      return true;
    }
  }

  /** The full members a branch draws on: its own, or those of its district when it has too few. */
  private record Pools(
      Map<Long, List<Full>> byOrg,
      Map<String, List<Full>> byDistrict,
      Map<Long, String> districtOf) {

    List<Full> of(Org branch) {
      List<Full> own = byOrg.getOrDefault(branch.id(), List.of());
      return own.size() >= 3
          ? own
          : byDistrict.getOrDefault(districtOf.getOrDefault(branch.id(), ""), List.of());
    }

    /** Up to {@code n} different full members, full members already on {@code on}. */
    List<Long> pick(Org branch, LocalDate on, Random r, int n) {
      return choose(branch, on, -1, r, n).stream().map(Full::id).toList();
    }

    List<Full> introducers(Org branch, LocalDate on, long personId, Random r) {
      return choose(branch, on, personId, r, 2);
    }

    private List<Full> choose(Org branch, LocalDate on, long notPerson, Random r, int n) {
      List<Full> pool = of(branch);
      List<Full> chosen = new ArrayList<>();
      for (int tries = 0; tries < 40 && chosen.size() < n && !pool.isEmpty(); tries++) {
        Full f = pool.get(r.nextInt(pool.size()));
        if (f.personId() != notPerson
            && f.fullOn() != null
            && !f.fullOn().isAfter(on)
            && !chosen.contains(f)) {
          chosen.add(f);
        }
      }
      return chosen;
    }
  }

  private static RecruitmentStep step(
      RecruitmentStepKind kind, LocalDate date, String by, List<Long> people) {
    return new RecruitmentStep(kind, date, by, people, StepDetails.NONE);
  }

  private static RecruitmentStep step(RecruitmentStepKind kind, LocalDate date, String by) {
    return step(kind, date, by, List.of());
  }

  private static RecruitmentStep introducers(LocalDate date, String by, List<Full> two) {
    return new RecruitmentStep(
        RecruitmentStepKind.INTRODUCERS,
        date,
        by,
        two.stream().map(Full::id).toList(),
        new StepDetails.Introducers(
            two.stream()
                .map(f -> new Introducer(f.id(), RecruitmentStage.FULL, f.personId()))
                .toList()));
  }

  private static RecruitmentStep training(LocalDate date, String by, Random r) {
    boolean inDays = r.nextBoolean();
    int days = inDays ? 3 + r.nextInt(3) : 0;
    int hours = inDays ? days * 8 : 24 + 4 * r.nextInt(5);
    return RecruitmentStep.training(date, by, days, hours);
  }

  private static RecruitmentStep stop(LocalDate date, String by, Random r) {
    return RecruitmentStep.stop(date, by, WITHDRAWALS[r.nextInt(WITHDRAWALS.length)]);
  }

  /** The committee above a branch, which trains, reviews politically and approves. */
  private static String committee(Org branch, Map<Long, Org> orgs) {
    Org up = branch;
    for (int depth = 0; depth < 8 && up.parentId() != null; depth++) {
      up = orgs.get(up.parentId());
      if (up == null) {
        break;
      }
      if (up.kind().equals("COMMITTEE") || up.kind().equals("WORKING_COMMITTEE")) {
        return up.name();
      }
    }
    return branch.name();
  }

  private void copy(DemoData demo, List<File> files) {
    long id =
        demo.jdbc()
            .sql("select coalesce(max(id), 0) from member_recruitment")
            .query(Long.class)
            .single();
    OffsetDateTime created = OffsetDateTime.parse("2022-12-31T18:00:00+08:00");
    BulkCopy.Copy headers =
        demo.bulkCopy()
            .into(
                "member_recruitment",
                List.of(
                    "id",
                    "person_id",
                    "organization_id",
                    "scope_path",
                    "org_path",
                    "name",
                    "birth_date",
                    "id_number_masked",
                    "stage",
                    "applied_on",
                    "member_id",
                    "created_at",
                    "updated_at"));
    BulkCopy.Copy steps =
        demo.bulkCopy()
            .into(
                "member_recruitment_step",
                List.of(
                    "recruitment_id",
                    "seq",
                    "kind",
                    "taken_on",
                    "decided_by",
                    "people",
                    "introducer_stages",
                    "introducer_persons",
                    "training_days",
                    "training_hours",
                    "special_reason",
                    "extension_months",
                    "stop_reason",
                    "scope_path",
                    "recorded_by",
                    "recorded_at"));
    BulkCopy.Copy todos =
        demo.bulkCopy()
            .into(
                "member_recruitment_todo",
                List.of("recruitment_id", "step", "due_on", "scope_path", "org_path"));
    for (File f : files) {
      id++;
      Recruitment rec = f.recruitment();
      List<RecruitmentStep> recorded = rec.steps();
      LocalDate latest =
          recorded.stream().map(RecruitmentStep::date).max(LocalDate::compareTo).orElseThrow();
      headers.row(
          id,
          f.personId(),
          f.branch().id(),
          f.branch().path(),
          f.branch().treePath(),
          f.name(),
          f.birth(),
          f.idMasked(),
          rec.stage().name(),
          recorded.getFirst().date(),
          f.memberId(),
          created,
          at(latest));
      int seq = 0;
      for (RecruitmentStep s : recorded) {
        seq++;
        String stages = null;
        String introducerPersons = null;
        Integer days = null;
        Integer hours = null;
        String reason = null;
        String stopReason = null;
        switch (s.details()) {
          case StepDetails.Introducers i -> {
            stages =
                i.introducers().stream()
                    .map(x -> x.stage().name())
                    .collect(Collectors.joining(",", "{", "}"));
            introducerPersons =
                i.introducers().stream()
                    .map(x -> Long.toString(x.personId()))
                    .collect(Collectors.joining(",", "{", "}"));
          }
          case StepDetails.Training t -> {
            days = t.days();
            hours = t.classHours();
          }
          case StepDetails.Approval a -> reason = a.specialReason();
          case StepDetails.Stop st -> stopReason = st.reason();
          case StepDetails.Extension e -> {
            // The demo data extends no probation.
          }
          case StepDetails.None none -> {
            // Date, body and people only.
          }
        }
        steps.row(
            id,
            seq,
            s.kind().name(),
            s.date(),
            s.decidedBy(),
            s.people().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")),
            stages,
            introducerPersons,
            days,
            hours,
            reason,
            null,
            stopReason,
            f.branch().path(),
            "demo",
            at(s.date()));
      }
      for (RecruitmentTodo t : RecruitmentTodos.of(rec, END_OF_2022)) {
        todos.row(id, t.step().name(), t.dueDate(), f.branch().path(), f.branch().treePath());
      }
    }
    headers.finish();
    steps.finish();
    todos.finish();
    demo.jdbc()
        .sql("select setval('member_recruitment_id_seq', ?)")
        .param(Math.max(1, id))
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime at(LocalDate date) {
    return OffsetDateTime.of(date, LocalTime.of(16, 30), ZoneOffset.ofHours(8));
  }

  /** An even sample of at most {@code n}, in the order given. */
  private static <T> List<T> sample(List<T> all, int n, Random r) {
    if (all.size() <= n) {
      return all;
    }
    List<T> out = new ArrayList<>(n);
    double p = (double) n / all.size();
    for (T t : all) {
      if (out.size() < n && r.nextDouble() < p) {
        out.add(t);
      }
    }
    return out;
  }

  /** The district part of a path, e.g. {@code /330200/330203/}. */
  private static String district(String path) {
    String[] parts = path.split("/");
    return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
  }

  private static OccupationCategory category(String unitType, Random r) {
    int x = r.nextInt(100);
    return switch (unitType) {
      case "VILLAGE" -> x < 60 ? OccupationCategory.FARMER : OccupationCategory.WORKER;
      case "COMMUNITY" -> x < 60 ? OccupationCategory.ENTERPRISE_STAFF : OccupationCategory.OTHER;
      case "AGENCY" -> OccupationCategory.CIVIL_SERVANT;
      case "SCHOOL" ->
          x < 75 ? OccupationCategory.STUDENT : OccupationCategory.PUBLIC_INSTITUTION_STAFF;
      case "STATE_ENTERPRISE", "PRIVATE_ENTERPRISE" ->
          x < 55 ? OccupationCategory.ENTERPRISE_STAFF : OccupationCategory.WORKER;
      case "NEW_EMPLOYMENT" -> OccupationCategory.NEW_EMPLOYMENT;
      case "PUBLIC_INSTITUTION" -> OccupationCategory.PUBLIC_INSTITUTION_STAFF;
      default -> OccupationCategory.OTHER;
    };
  }

  private static Education education(OccupationCategory c, Random r) {
    int x = r.nextInt(100);
    return switch (c) {
      case STUDENT -> x < 80 ? Education.BACHELOR : Education.MASTER;
      case CIVIL_SERVANT, PUBLIC_INSTITUTION_STAFF ->
          x < 60 ? Education.BACHELOR : x < 90 ? Education.MASTER : Education.COLLEGE;
      case FARMER, WORKER, NEW_EMPLOYMENT ->
          x < 40
              ? Education.HIGH_SCHOOL
              : x < 65
                  ? Education.SECONDARY_VOCATIONAL
                  : x < 90 ? Education.COLLEGE : Education.BACHELOR;
      default -> x < 50 ? Education.BACHELOR : x < 85 ? Education.COLLEGE : Education.MASTER;
    };
  }

  private static String occupation(OccupationCategory c, @Nullable NewEmploymentGroup g) {
    if (g != null) {
      return g == NewEmploymentGroup.COURIER ? "快递员" : "外卖骑手";
    }
    return switch (c) {
      case FARMER -> "农民";
      case WORKER -> "工人";
      case ENTERPRISE_STAFF -> "企业职工";
      case PUBLIC_INSTITUTION_STAFF -> "教师";
      case CIVIL_SERVANT -> "公务员";
      case STUDENT -> "学生";
      default -> "其他";
    };
  }
}
