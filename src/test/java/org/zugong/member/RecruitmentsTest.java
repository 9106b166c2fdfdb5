package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zugong.member.Recruitments.StepRecord;
import org.zugong.member.recruitment.RecruitmentRules;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.RecruitmentTodo;
import org.zugong.member.recruitment.StepDetails;
import org.zugong.member.recruitment.TodoStatus;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonFacts;
import org.zugong.person.Persons;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/**
 * The recruitment of party members end to end, through the module's API as a town administrator of
 * 南门街道 against the real database: each rule of the detailed rules refuses what it forbids and
 * nothing is stored; the admission enters a probationary member, the conversion makes them full;
 * the to-do list tells due, due soon and overdue steps apart.
 */
class RecruitmentsTest extends ZugongTest {

  static final String BRANCH = RecruitmentFixtures.BRANCH_NAME;
  static final String COMMITTEE = RecruitmentFixtures.TOWN_COMMITTEE;

  @Autowired Recruitments recruitments;
  @Autowired Members members;
  @Autowired Organizations organizations;
  @Autowired Persons persons;
  @Autowired UserDetailsService users;
  @Autowired Clock clock;

  RecruitmentFixtures fixtures;
  LocalDate today;

  @BeforeEach
  void signIn() {
    fixtures = new RecruitmentFixtures(recruitments, members, organizations, users, jdbc);
    fixtures.signIn(DemoAccounts.TOWN_ADMIN);
    today = LocalDate.now(clock);
  }

  @AfterEach
  void signOut() {
    RecruitmentFixtures.signOut();
  }

  /** Asserts that recording the step is refused with this rule's message and leaves no trace. */
  void assertRefused(long id, StepRecord step, String messageKey, Object... arguments) {
    RecruitmentView before = recruitments.find(id).orElseThrow();
    assertThatThrownBy(() -> recruitments.record(id, step))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo(messageKey);
              assertThat(e.arguments()).containsExactly(arguments);
            });
    RecruitmentView after = recruitments.find(id).orElseThrow();
    assertThat(after.steps()).hasSameSizeAs(before.steps());
    assertThat(after.stage()).isEqualTo(before.stage());
  }

  long stepsStored(long id) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select count(*) from member_recruitment_step where recruitment_id = ?")
                .param(id)
                .query(Long.class)
                .single());
  }

  // ---- the application -----------------------------------------------------------------------

  @Test
  void startsWithTheApplicationAndRegistersTheApplicantInTheBranch() {
    OrganizationView branch = fixtures.branch();
    PersonFacts applicant = RecruitmentFixtures.applicant("申请甲", LocalDate.of(2000, 2, 2));
    LocalDate applied = today.minusDays(3);
    long id =
        recruitments.start(
            new Recruitments.Application(
                applicant, branch.id(), applied, BRANCH, List.of(), "书面申请"));

    RecruitmentView r = recruitments.find(id).orElseThrow();
    assertThat(r.stage()).isEqualTo(RecruitmentStage.APPLICANT);
    assertThat(r.organizationId()).isEqualTo(branch.id());
    assertThat(r.idNumberMasked()).isEqualTo(applicant.idNumber().masked());
    assertThat(r.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(RecruitmentStepKind.APPLICATION);
              assertThat(s.date()).isEqualTo(applied);
              assertThat(s.decidedBy()).isEqualTo(BRANCH);
              assertThat(s.note()).isEqualTo("书面申请");
              assertThat(s.recordedBy()).isEqualTo(DemoAccounts.TOWN_ADMIN);
            });
    assertThat(r.todos())
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.TALK,
                RecruitmentRules.talkDeadline(applied),
                TodoStatus.DUE_SOON));
    assertThat(persons.findByIdNumber(applicant.idNumber()).orElseThrow().scopePath())
        .isEqualTo(branch.path());
    long audited =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from audit_event where entity = 'member_recruitment'"
                            + " and entity_id = ? and action = 'create'")
                    .param(Long.toString(id))
                    .query(Long.class)
                    .single());
    assertThat(audited).isEqualTo(1);
  }

  @Test
  void refusesAnApplicantUnderEighteenAndRegistersNobody() {
    PersonFacts young = RecruitmentFixtures.applicant("未成年", today.minusYears(17));
    assertThatThrownBy(
            () ->
                recruitments.start(
                    new Recruitments.Application(
                        young, fixtures.branch().id(), today, BRANCH, List.of(), null)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("recruitment.rule.applicant-age");
              assertThat(e.arguments()).containsExactly(today.minusYears(17).plusYears(18));
            });
    assertThat(persons.findByIdNumber(young.idNumber())).isEmpty();
  }

  @Test
  void refusesASecondRecruitmentOfTheSamePersonAndOneOfAMember() {
    long branch = fixtures.branch().id();
    PersonFacts applicant = RecruitmentFixtures.applicant("重复申请", LocalDate.of(1999, 9, 9));
    recruitments.start(
        new Recruitments.Application(applicant, branch, today, BRANCH, List.of(), null));
    assertThatThrownBy(
            () ->
                recruitments.start(
                    new Recruitments.Application(
                        applicant, branch, today, BRANCH, List.of(), null)))
        .hasMessage("recruitment.invalid.already-recruiting");

    PersonFacts member = RecruitmentFixtures.applicant("已是党员", LocalDate.of(1980, 1, 1));
    members.admit(
        new Admission(
            member, branch, MemberStage.FULL, LocalDate.of(2005, 7, 1), LocalDate.of(2006, 7, 1)));
    assertThatThrownBy(
            () ->
                recruitments.start(
                    new Recruitments.Application(member, branch, today, BRANCH, List.of(), null)))
        .hasMessage("recruitment.invalid.already-member");
  }

  @Test
  void refusesAStepDatedInTheFuture() {
    long id = fixtures.apply("未来谈话", today.minusDays(5));
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.TALK, today.plusDays(1), BRANCH),
        "recruitment.invalid.future-date");
  }

  @Test
  void refusesAStepOfAnotherStage() {
    long id = fixtures.apply("越级", today.minusDays(5));
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.BRANCH_ADMISSION, today, BRANCH),
        "recruitment.rule.stage-order");
  }

  // ---- applicant and activist ----------------------------------------------------------------

  @Test
  void refusesAnActivistBeforeTheTalk() {
    long id = fixtures.apply("未谈话", today.minusMonths(3));
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.ACTIVIST_DESIGNATION, today, BRANCH),
        "recruitment.rule.activist-needs-talk");
  }

  @Test
  void refusesCandidateBeforeOneYearAsActivist() {
    LocalDate s = today.minusMonths(12);
    long id = fixtures.upTo("不满一年", s, RecruitmentStepKind.ACTIVIST_DESIGNATION);
    recruitments.record(
        id, StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(8), BRANCH));
    LocalDate activist = s.plusMonths(2);

    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.CANDIDATE_DESIGNATION, today, BRANCH),
        "recruitment.rule.activist-one-year",
        activist.plusYears(1));
    assertThat(stepsStored(id)).isEqualTo(4);
    assertThat(recruitments.find(id).orElseThrow().stage()).isEqualTo(RecruitmentStage.ACTIVIST);
  }

  @Test
  void refusesCandidateWithoutAReviewInTheLastSixMonths() {
    LocalDate s = today.minusMonths(24);
    long id = fixtures.upTo("考察过期", s, RecruitmentStepKind.ACTIVIST_DESIGNATION);
    recruitments.record(
        id, StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, s.plusMonths(8), BRANCH));
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.CANDIDATE_DESIGNATION, today, BRANCH),
        "recruitment.rule.candidate-needs-review");
    recruitments.record(id, StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, today, BRANCH));
    assertThat(
            recruitments.record(
                id, StepRecord.of(RecruitmentStepKind.CANDIDATE_DESIGNATION, today, BRANCH)))
        .isEqualTo(RecruitmentStage.CANDIDATE);
  }

  // ---- candidate -----------------------------------------------------------------------------

  @Test
  void refusesAProbationaryMemberAsIntroducer() {
    long probationary = fixtures.probationaryMember(today);
    long full = fixtures.fullMembers(1).getFirst();
    long id =
        fixtures.upTo("介绍人预备", today.minusMonths(20), RecruitmentStepKind.CANDIDATE_DESIGNATION);
    assertRefused(
        id,
        StepRecord.introducers(today, BRANCH, full, probationary),
        "recruitment.rule.introducer-full-member",
        probationary);
  }

  @Test
  void refusesOneIntroducerOrTheSameOneTwice() {
    long full = fixtures.fullMembers(1).getFirst();
    long id =
        fixtures.upTo("一名介绍人", today.minusMonths(20), RecruitmentStepKind.CANDIDATE_DESIGNATION);
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.INTRODUCERS, today, BRANCH, full),
        "recruitment.rule.introducers-two");
    assertRefused(
        id, StepRecord.introducers(today, BRANCH, full, full), "recruitment.rule.introducers-two");
  }

  @Test
  void recordsTwoFullMembersAsIntroducersWithTheirStageOnTheDay() {
    List<Long> full = fixtures.fullMembers(2);
    long id =
        fixtures.upTo("两名介绍人", today.minusMonths(20), RecruitmentStepKind.CANDIDATE_DESIGNATION);
    recruitments.record(id, StepRecord.introducers(today, BRANCH, full.get(0), full.get(1)));
    RecruitmentView.Step step = recruitments.find(id).orElseThrow().steps().getLast();
    assertThat(step.kind()).isEqualTo(RecruitmentStepKind.INTRODUCERS);
    assertThat(step.people()).extracting(RecruitmentView.Person::memberId).isEqualTo(full);
    assertThat(step.people()).allSatisfy(p -> assertThat(p.name()).isNotBlank());
    assertThat(((StepDetails.Introducers) step.details()).introducers())
        .allSatisfy(i -> assertThat(i.stage()).isEqualTo(RecruitmentStage.FULL));
  }

  @Test
  void refusesTrainingShorterThanThreeDaysAndTwentyFourClassHours() {
    long id =
        fixtures.upTo("培训不足", today.minusMonths(20), RecruitmentStepKind.CANDIDATE_DESIGNATION);
    assertRefused(
        id,
        StepRecord.training(today, COMMITTEE, 2, 16),
        "recruitment.rule.training-duration",
        2,
        16);
    recruitments.record(id, StepRecord.training(today, COMMITTEE, 0, 24));
    assertThat(recruitments.find(id).orElseThrow().steps().getLast().details())
        .isEqualTo(new StepDetails.Training(0, 24));
  }

  @Test
  void refusesAdmissionWithoutThePoliticalReview() {
    LocalDate s = today.minusMonths(20);
    long id =
        fixtures.upTo("未政审", s, RecruitmentStepKind.TRAINING, RecruitmentStepKind.POLITICAL_REVIEW);
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.BRANCH_ADMISSION, s.plusMonths(16), BRANCH),
        "recruitment.rule.admission-needs-political-review");
  }

  // ---- probationary member -------------------------------------------------------------------

  @Test
  void theBranchAdmissionEntersAProbationaryMember() {
    LocalDate s = today.minusMonths(20);
    long id = fixtures.upTo("接收预备", s, RecruitmentStepKind.BRANCH_ADMISSION);
    LocalDate admitted = s.plusMonths(16);

    RecruitmentView r = recruitments.find(id).orElseThrow();
    assertThat(r.stage()).isEqualTo(RecruitmentStage.PROBATIONARY);
    assertThat(r.memberId()).isNotNull();
    MemberView m = members.find(r.memberId()).orElseThrow();
    assertThat(m.personId()).isEqualTo(r.personId());
    assertThat(m.stage()).isEqualTo(MemberStage.PROBATIONARY);
    assertThat(m.joinedOn()).isEqualTo(admitted);
    assertThat(m.organizationId()).isEqualTo(fixtures.branch().id());
    assertThat(members.history(m.id()))
        .extracting(Members.MemberEvent::kind, Members.MemberEvent::effectiveOn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("JOINED", admitted));
    assertThat(r.todos())
        .extracting(RecruitmentTodo::step, RecruitmentTodo::dueDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RecruitmentStepKind.COMMITTEE_APPROVAL, admitted.plusMonths(3)),
            org.assertj.core.groups.Tuple.tuple(
                RecruitmentStepKind.CONVERSION, admitted.plusMonths(12)));
  }

  @Test
  void refusesApprovalLaterThanThreeMonthsWithoutASpecialReasonAndEverLaterThanSix() {
    LocalDate s = today.minusMonths(24);
    long id = fixtures.upTo("审批期限", s, RecruitmentStepKind.BRANCH_ADMISSION);
    LocalDate admitted = s.plusMonths(16);
    assertRefused(
        id,
        StepRecord.approval(admitted.plusMonths(7), COMMITTEE, "党委换届"),
        "recruitment.rule.approval-six-months",
        admitted.plusMonths(6));
    assertRefused(
        id,
        StepRecord.approval(admitted.plusMonths(4), COMMITTEE, null),
        "recruitment.rule.approval-three-months",
        admitted.plusMonths(3));
    recruitments.record(id, StepRecord.approval(admitted.plusMonths(4), COMMITTEE, "党委换届"));
    assertThat(recruitments.find(id).orElseThrow().todos())
        .extracting(RecruitmentTodo::step)
        .containsExactly(RecruitmentStepKind.CONVERSION);
  }

  @Test
  void refusesConversionBeforeTheProbationEndsAndThenMakesTheMemberFull() {
    LocalDate s = today.minusMonths(30);
    long id = fixtures.upTo("按期转正", s, RecruitmentStepKind.COMMITTEE_APPROVAL);
    LocalDate admitted = s.plusMonths(16);
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.CONVERSION, admitted.plusMonths(11), BRANCH),
        "recruitment.rule.conversion-after-probation",
        admitted.plusMonths(12));

    assertThat(
            recruitments.record(
                id, StepRecord.of(RecruitmentStepKind.CONVERSION, admitted.plusMonths(12), BRANCH)))
        .isEqualTo(RecruitmentStage.FULL);
    RecruitmentView r = recruitments.find(id).orElseThrow();
    assertThat(r.todos()).isEmpty();
    assertThat(r.nextSteps()).isEmpty();
    MemberView m = members.find(r.memberId()).orElseThrow();
    assertThat(m.stage()).isEqualTo(MemberStage.FULL);
    assertThat(m.fullOn()).isEqualTo(admitted.plusMonths(12));
    assertThat(members.history(m.id()))
        .extracting(Members.MemberEvent::kind)
        .containsExactly("JOINED", "CONVERTED");
  }

  @Test
  void extendsTheProbationOnceBySixToTwelveMonths() {
    LocalDate s = today.minusMonths(36);
    long id = fixtures.upTo("延长预备期", s, RecruitmentStepKind.COMMITTEE_APPROVAL);
    LocalDate end = s.plusMonths(16).plusMonths(12);
    assertRefused(id, StepRecord.extension(end, BRANCH, 3), "recruitment.rule.extension-length", 3);
    recruitments.record(id, StepRecord.extension(end, BRANCH, 6));
    assertRefused(id, StepRecord.extension(end, BRANCH, 6), "recruitment.rule.extension-once");
    assertThat(recruitments.find(id).orElseThrow().probationEnd())
        .isEqualTo(s.plusMonths(16).plusMonths(18));
    assertRefused(
        id,
        StepRecord.of(RecruitmentStepKind.CONVERSION, end.plusMonths(1), BRANCH),
        "recruitment.rule.conversion-after-probation",
        s.plusMonths(16).plusMonths(18));
  }

  @Test
  void cancellingTheProbationRemovesTheMemberAndEndsTheRecruitment() {
    LocalDate s = today.minusMonths(20);
    long id = fixtures.upTo("取消资格", s, RecruitmentStepKind.BRANCH_ADMISSION);
    long memberId = recruitments.find(id).orElseThrow().memberId();
    recruitments.record(id, StepRecord.stop(today, BRANCH, "预备期间违反纪律"));
    assertThat(members.find(memberId).orElseThrow().status()).isEqualTo(MemberStatus.REMOVED);
    assertThat(recruitments.find(id).orElseThrow().stage()).isEqualTo(RecruitmentStage.STOPPED);
    assertRefused(
        id, StepRecord.approval(today, COMMITTEE, null), "recruitment.rule.recruitment-stopped");
  }

  // ---- the to-do list ------------------------------------------------------------------------

  @Test
  void theToDoListTellsDueDueSoonAndOverdueStepsOfAnOrganizationApart() {
    OrganizationView branch = fixtures.branch("待办测试党支部");
    long overdue = apply(branch, "逾期谈话", today.minusMonths(2));
    long soon = apply(branch, "近期谈话", today.minusDays(10));
    long due = apply(branch, "按期考察", today.minusMonths(3));
    List<Long> full = fixtures.fullMembers(2);
    recruitments.record(
        due, StepRecord.of(RecruitmentStepKind.TALK, today.minusMonths(3).plusDays(10), "支部"));
    recruitments.record(
        due,
        StepRecord.of(
            RecruitmentStepKind.ACTIVIST_DESIGNATION, today.minusMonths(1), "支部", full.get(0)));

    Recruitments.TodoPage page = recruitments.todos(branch.id(), null, today, 0, 20);
    assertThat(page.rows())
        .extracting(
            Recruitments.TodoRow::recruitmentId,
            Recruitments.TodoRow::step,
            Recruitments.TodoRow::dueOn,
            Recruitments.TodoRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                overdue, RecruitmentStepKind.TALK, today.minusMonths(1), TodoStatus.OVERDUE),
            org.assertj.core.groups.Tuple.tuple(
                soon,
                RecruitmentStepKind.TALK,
                today.minusDays(10).plusMonths(1),
                TodoStatus.DUE_SOON),
            org.assertj.core.groups.Tuple.tuple(
                due,
                RecruitmentStepKind.ACTIVIST_REVIEW,
                today.minusMonths(1).plusMonths(6),
                TodoStatus.DUE));
    assertThat(page.rows())
        .allSatisfy(t -> assertThat(t.organizationName()).isEqualTo(branch.name()));
    assertThat(recruitments.todoCounts(branch.id(), today))
        .isEqualTo(Map.of(TodoStatus.OVERDUE, 1L, TodoStatus.DUE_SOON, 1L, TodoStatus.DUE, 1L));
    assertThat(recruitments.todos(branch.id(), TodoStatus.OVERDUE, today, 0, 20).rows())
        .extracting(Recruitments.TodoRow::recruitmentId)
        .containsExactly(overdue);
    // A month on, the talk due soon is overdue too.
    assertThat(
            recruitments.todos(branch.id(), TodoStatus.OVERDUE, today.plusMonths(1), 0, 20).rows())
        .extracting(Recruitments.TodoRow::recruitmentId)
        .containsExactly(overdue, soon);
    // Each line says what the recruitment itself says is due.
    for (Recruitments.TodoRow row : page.rows()) {
      assertThat(recruitments.find(row.recruitmentId()).orElseThrow().todos())
          .contains(new RecruitmentTodo(row.step(), row.dueOn(), row.status()));
    }
    // The town's list holds the branch's.
    long townTotal = recruitments.todos(branch.parentId(), null, today, 0, 1).total();
    assertThat(townTotal).isGreaterThanOrEqualTo(3);
    assertThat(recruitments.page(branch.id(), RecruitmentStage.ACTIVIST, "", 0, 20).rows())
        .extracting(Recruitments.Row::id)
        .containsExactly(due);
  }

  long apply(OrganizationView branch, String name, LocalDate applied) {
    return recruitments.start(
        new Recruitments.Application(
            RecruitmentFixtures.applicant(name, LocalDate.of(1995, 5, 5)),
            branch.id(),
            applied,
            branch.name(),
            List.of(),
            null));
  }

  // ---- the tree and the person register ------------------------------------------------------

  @Test
  void aRecruitmentMovesWithItsBranchAndFollowsTheApplicantsName() {
    OrganizationView branch = fixtures.branch("迁移测试党支部");
    long id = apply(branch, "迁移前", today.minusDays(3));
    OrganizationView town = organizations.find(branch.parentId()).orElseThrow();
    long generalBranch =
        organizations.establish(
            new org.zugong.organization.Establish(
                "迁入测试发展党总支",
                org.zugong.organization.OrganizationKind.GENERAL_BRANCH,
                org.zugong.organization.OrganizationCategory.REGULAR,
                org.zugong.organization.UnitType.COMMUNITY,
                null,
                null,
                RecruitmentFixtures.BRANCH_REGION,
                town.id(),
                town.establishedOn(),
                null));
    organizations.move(branch.id(), generalBranch, today);

    OrganizationView moved = organizations.find(branch.id()).orElseThrow();
    assertThat(recruitments.find(id).orElseThrow().scopePath()).isEqualTo(moved.path());
    assertThat(recruitments.todos(generalBranch, null, today, 0, 20).rows())
        .extracting(Recruitments.TodoRow::recruitmentId)
        .containsExactly(id);
    assertThat(recruitments.page(generalBranch, null, "", 0, 20).rows())
        .extracting(Recruitments.Row::id)
        .containsExactly(id);

    RecruitmentView r = recruitments.find(id).orElseThrow();
    var person = persons.find(r.personId()).orElseThrow();
    PersonFacts renamed =
        new PersonFacts(
            "迁移后",
            new org.zugong.shared.IdCardNumber(persons.revealIdNumber(r.personId()).orElseThrow()),
            person.gender(),
            person.ethnicity(),
            person.birthDate(),
            null,
            person.education(),
            person.occupation(),
            person.category(),
            null);
    persons.update(r.personId(), renamed);
    assertThat(recruitments.find(id).orElseThrow().name()).isEqualTo("迁移后");
    assertThat(recruitments.page(generalBranch, null, "迁移后", 0, 20).total()).isEqualTo(1);
  }

  // ---- scope ---------------------------------------------------------------------------------

  @Test
  void aRecruitmentOutsideTheScopeCannotBeSeenOrChanged() {
    long jiangbei =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member_recruitment where starts_with(scope_path, '/330200/330205/')"
                            + " and stage = 'ACTIVIST' order by id limit 1")
                    .query(Long.class)
                    .single());
    assertThat(recruitments.find(jiangbei)).isEmpty();
    assertThatThrownBy(
            () ->
                recruitments.record(
                    jiangbei, StepRecord.of(RecruitmentStepKind.ACTIVIST_REVIEW, today, "x")))
        .isInstanceOf(RecruitmentNotFoundException.class);
    assertThat(recruitments.page(null, null, "", 0, 200).rows())
        .allSatisfy(
            r ->
                assertThat(recruitments.find(r.id()).orElseThrow().scopePath().value())
                    .startsWith("/330200/330203/330203001/"));
  }

  // ---- the demo data -------------------------------------------------------------------------

  static final String DEMO =
      " from member_recruitment r where exists (select 1 from member_recruitment_step s"
          + " where s.recruitment_id = r.id and s.recorded_by = 'demo')";

  @Test
  void theDemoDataHoldsAboutTwoThousandRecruitmentsOfEveryStageThatObeyTheRules() {
    Map<String, Long> byStage = new java.util.HashMap<>();
    DataScope.asSystem(
        () ->
            jdbc.sql("select r.stage, count(*)" + DEMO + " group by r.stage")
                .query(
                    rs -> {
                      byStage.put(rs.getString(1), rs.getLong(2));
                    }));
    assertThat(byStage.values().stream().mapToLong(Long::longValue).sum()).isBetween(1900L, 2100L);
    assertThat(byStage.keySet())
        .containsExactlyInAnyOrder(
            "APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY", "FULL", "STOPPED");
    assertThat(byStage.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(20));

    // Every file replays under the rules into the stage stored beside it.
    List<Object[]> files =
        DataScope.asSystem(
            () ->
                jdbc.sql("select r.id, r.stage" + DEMO)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .list());
    fixtures.signIn(DemoAccounts.CITY_ADMIN);
    for (Object[] f : files) {
      assertThat(recruitments.find((Long) f[0]).orElseThrow().stage().name()).isEqualTo(f[1]);
    }

    // At the end of 2022 some talks and reviews are overdue, and the rest of the list is due.
    LocalDate end = LocalDate.of(2022, 12, 31);
    List<Recruitments.TodoRow> overdue =
        recruitments.todos(null, TodoStatus.OVERDUE, end, 0, 200).rows();
    assertThat(overdue)
        .extracting(Recruitments.TodoRow::step)
        .contains(RecruitmentStepKind.TALK, RecruitmentStepKind.ACTIVIST_REVIEW);
    assertThat(recruitments.todoCounts(null, end))
        .allSatisfy((status, n) -> assertThat(n).as(status.name()).isPositive());

    // The members admitted by these files joined on the day the branch meeting admitted them.
    long mismatched =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from member_recruitment r join member m on m.id = r.member_id"
                            + " join member_recruitment_step s on s.recruitment_id = r.id"
                            + " and s.kind = 'BRANCH_ADMISSION' where s.taken_on <> m.joined_on"
                            + " or (r.stage = 'FULL') <> (m.stage = 'FULL')")
                    .query(Long.class)
                    .single());
    assertThat(mismatched).isZero();
  }
}
