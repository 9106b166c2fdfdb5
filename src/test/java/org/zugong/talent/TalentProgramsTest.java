package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.support.DemoAccounts;
import org.zugong.support.ZugongTest;

/** The rules of the Yongjiang Talent Program, one test each, in the real database. */
class TalentProgramsTest extends ZugongTest {

  @Autowired TalentPrograms programs;
  @Autowired Talents talents;
  @Autowired WorkingCalendar calendar;

  long call;

  @BeforeEach
  void openCall() {
    actAs(DemoAccounts.CITY_ADMIN);
    call =
        programs.openCall(
            2026, "甬江人才工程测试批次", "Test call", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
  }

  /** A talent not yet certified and not yet in any program, of 海曙区. */
  long freshTalent() {
    return jdbc.sql(
            "select t.id from talent t where t.tier is null and starts_with(t.scope_path,"
                + " '/330200/330203/') and not exists (select 1 from talent_program_application a"
                + " where a.talent_id = t.id) order by t.id desc limit 1")
        .query(Long.class)
        .single();
  }

  long experts(String employerCode, String employerName, int n) {
    long first = 0;
    for (int i = 0; i < n; i++) {
      long id =
          DataScope.asSystem(
              () ->
                  jdbc.sql(
                          "insert into talent_expert (name, employer_name, employer_credit_code,"
                              + " field, scope_path) values ('测试专家', ?, ?, 'OTHER', '/330200/')"
                              + " returning id")
                      .params(employerName, employerCode)
                      .query(Long.class)
                      .single());
      first = first == 0 ? id : first;
    }
    return first;
  }

  @Test
  void publicityLastsFiveWorkingDaysSkippingHolidaysAndCountingMakeUpDays() {
    // Monday to Friday.
    assertThat(calendar.lastOfWorkingDays(LocalDate.of(2022, 12, 26), 5))
        .isEqualTo(LocalDate.of(2022, 12, 30));
    // Starting on a Saturday: the next five weekdays.
    assertThat(calendar.lastOfWorkingDays(LocalDate.of(2022, 11, 26), 5))
        .isEqualTo(LocalDate.of(2022, 12, 2));
    // National Day 2022: 1-7 October off, Saturday 8 and Sunday 9 October worked (调休).
    assertThat(calendar.lastOfWorkingDays(LocalDate.of(2022, 9, 30), 5))
        .isEqualTo(LocalDate.of(2022, 10, 11));
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 10, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2022, 10, 3))).isFalse();
    // Spring Festival 2023: 23-27 January off, 28-29 January worked.
    assertThat(calendar.lastOfWorkingDays(LocalDate.of(2023, 1, 20), 5))
        .isEqualTo(LocalDate.of(2023, 1, 31));
  }

  @Test
  void anExpertOfTheApplicantsEmployerIsRefusedAsAConflictOfInterest() {
    long talent = freshTalent();
    long id = programs.apply(call, talent, Tier.E, null);
    programs.startFormalCheck(id);
    assertThat(programs.passFormalCheck(id, "材料齐全")).isEqualTo(ProgramStage.EXPERT_REVIEW);
    TalentView t = talents.find(talent).orElseThrow();
    long conflicted = experts(t.employerCreditCode(), t.employerName(), 1);
    assertThatThrownBy(() -> programs.assignExpert(id, conflicted))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(
            e -> {
              InvalidValueException x = (InvalidValueException) e;
              assertThat(x.messageKey()).isEqualTo("talent.program.invalid.conflict-of-interest");
              assertThat(x.arguments()).contains(t.employerName());
            });
    assertThat(programs.detail(id).reviews()).isEmpty();
  }

  @Test
  void aDirectCertificationKindSkipsToCertification() {
    long talent = freshTalent();
    long id = programs.apply(call, talent, Tier.E, "D10");
    programs.startFormalCheck(id);
    assertThat(programs.passFormalCheck(id, "正高级职称")).isEqualTo(ProgramStage.CERTIFIED);
    TalentView t = talents.find(talent).orElseThrow();
    assertThat(t.tier()).isEqualTo(Tier.E);
    assertThat(t.tierDirectTrack()).isEqualTo("D10");
    assertThat(programs.detail(id).steps())
        .extracting(TalentPrograms.Step::to)
        .containsExactly(ProgramStage.FORMAL_CHECK, ProgramStage.CERTIFIED);
  }

  @Test
  void aFinalReviewKindSkipsToTheFinalReview() {
    long id = programs.apply(call, freshTalent(), Tier.E, "F09");
    programs.startFormalCheck(id);
    assertThat(programs.passFormalCheck(id, "")).isEqualTo(ProgramStage.FINAL_REVIEW);
    assertThat(programs.find(id).orElseThrow().stage()).isEqualTo(ProgramStage.FINAL_REVIEW);
  }

  @Test
  void theExpertReviewClosesOnlyWhenThreeExpertsHaveScored() {
    long id = programs.apply(call, freshTalent(), Tier.D, null);
    programs.startFormalCheck(id);
    programs.passFormalCheck(id, "");
    long first = experts("91330200TESTEXPERT", "测试单位", 3);
    programs.assignExpert(id, first);
    programs.assignExpert(id, first + 1);
    programs.score(id, first, 80, "同意");
    programs.score(id, first + 1, 70, "同意");
    assertThatThrownBy(() -> programs.completeExpertReview(id))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.scores-missing");
    programs.assignExpert(id, first + 2);
    assertThatThrownBy(() -> programs.score(id, first + 2, 101, ""))
        .isInstanceOf(InvalidValueException.class);
    programs.score(id, first + 2, 90, "同意");
    programs.completeExpertReview(id);
    assertThat(programs.detail(id).averageScore()).isEqualTo(80.0);
    assertThat(programs.find(id).orElseThrow().stage()).isEqualTo(ProgramStage.FINAL_REVIEW);
  }

  @Test
  void certificationWaitsForTheEndOfPublicityAndForEveryObjectionToBeHandled() {
    long talent = freshTalent();
    long id = programs.apply(call, talent, Tier.D, "F06");
    programs.startFormalCheck(id);
    programs.passFormalCheck(id, "");
    LocalDate from = LocalDate.now().plusDays(1);
    LocalDate until = programs.passFinalReview(id, from);
    assertThat(until).isEqualTo(calendar.lastOfWorkingDays(from, 5));
    assertThatThrownBy(() -> programs.recordObjection(id, until.plusDays(1), "逾期异议"))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.objection-outside");
    long objection = programs.recordObjection(id, from, "对业绩表述有异议");
    assertThatThrownBy(() -> programs.certify(id))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.publicity-running");
    // The publicity ends: its days move into the past.
    DataScope.asSystem(
        () ->
            jdbc.sql(
                    "update talent_program_application set publicity_from = publicity_from - 30,"
                        + " publicity_until = publicity_until - 30 where id = ?")
                .param(id)
                .update());
    assertThatThrownBy(() -> programs.certify(id))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.objections-open");
    programs.handleObjection(id, objection, "经核实，异议不成立");
    programs.certify(id);
    assertThat(talents.find(talent).orElseThrow().tier()).isEqualTo(Tier.D);
    assertThat(programs.find(id).orElseThrow().stage()).isEqualTo(ProgramStage.CERTIFIED);
    assertThat(talents.certifications(talent)).isNotEmpty();
  }

  @Test
  void aLeaderIsAssignedToKeyTalentsOnlyAndVisitsAreKept() {
    long key =
        jdbc.sql(
                "select id from talent t where tier in ('A', 'B', 'C') and starts_with(scope_path,"
                    + " '/330200/330203/') and not exists (select 1 from talent_liaison l where"
                    + " l.talent_id = t.id) order by id desc limit 1")
            .query(Long.class)
            .single();
    assertThat(programs.keyTalentsWithoutLeader("", 10_000))
        .extracting(TalentPrograms.KeyTalent::id)
        .contains(key);
    long liaison = programs.assignLiaison(key, "测试领导", "区委副书记");
    assertThat(programs.keyTalentsWithoutLeader("", 10_000))
        .extracting(TalentPrograms.KeyTalent::id)
        .doesNotContain(key);
    programs.recordVisit(liaison, LocalDate.now().minusDays(1), "了解项目进展");
    assertThat(programs.liaisons(10_000))
        .filteredOn(l -> l.id() == liaison)
        .singleElement()
        .satisfies(l -> assertThat(l.visits()).hasSize(1));
    long ordinary = freshTalent();
    assertThatThrownBy(() -> programs.assignLiaison(ordinary, "测试领导", "区委副书记"))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.not-key-talent");
  }

  @Test
  void aKeyTalentHasOneLeaderAndALeaderNeedsANameAndAPost() {
    long key =
        jdbc.sql(
                "select id from talent t where tier in ('A', 'B') and starts_with(scope_path,"
                    + " '/330200/330203/') and exists (select 1 from talent_liaison l where"
                    + " l.talent_id = t.id) order by id limit 1")
            .query(Long.class)
            .single();
    assertThatThrownBy(() -> programs.assignLiaison(new TalentPrograms.NewLiaison(key, " ", null)))
        .isInstanceOfSatisfying(
            InvalidFieldsException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        InvalidFieldsException.FieldProblem::field,
                        InvalidFieldsException.FieldProblem::messageKey)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "talentId", "talent.program.invalid.liaison-exists"),
                        org.assertj.core.groups.Tuple.tuple(
                            "leaderName", "talent.program.invalid.leader-name"),
                        org.assertj.core.groups.Tuple.tuple(
                            "leaderPost", "talent.program.invalid.leader-post")));
    assertThatThrownBy(
            () -> programs.assignLiaison(new TalentPrograms.NewLiaison(null, "测试领导", "区委副书记")))
        .isInstanceOf(InvalidFieldsException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.liaison-talent");
  }

  @Test
  void aTalentAppliesToACallOnce() {
    long talent = freshTalent();
    programs.apply(call, talent, Tier.E, null);
    assertThatThrownBy(() -> programs.apply(call, talent, Tier.E, null))
        .isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("messageKey", "talent.program.invalid.already-applied");
  }

  @Test
  void aDistrictAdministratorSeesOnlyTheDistrictsApplicants() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    var page = programs.applications(null, 0, 500);
    assertThat(page.total()).isPositive();
    long all =
        DataScope.asSystem(
            () ->
                jdbc.sql("select count(*) from talent_program_application")
                    .query(Long.class)
                    .single());
    assertThat(page.total()).isLessThan(all);
    assertThat(page.rows())
        .allSatisfy(
            a ->
                assertThat(talents.find(a.talentId()).orElseThrow().scopePath().value())
                    .startsWith("/330200/330203/"));
  }
}
