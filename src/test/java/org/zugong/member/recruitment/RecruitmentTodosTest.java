package org.zugong.member.recruitment;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.recruitment.Recruitments.ACTIVIST;
import static org.zugong.member.recruitment.Recruitments.ADMITTED;
import static org.zugong.member.recruitment.Recruitments.BIRTH;
import static org.zugong.member.recruitment.Recruitments.BRANCH;
import static org.zugong.member.recruitment.Recruitments.PERSON;
import static org.zugong.member.recruitment.Recruitments.PROBATION_ENDS;
import static org.zugong.member.recruitment.Recruitments.SECOND_REVIEW;
import static org.zugong.member.recruitment.Recruitments.step;
import static org.zugong.member.recruitment.Recruitments.upTo;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What falls due next, and how urgently, as of a given day. */
class RecruitmentTodosTest {

  // ---- status

  @Test
  void isDueMoreThanThirtyDaysAhead() {
    assertThat(TodoStatus.of(of(2025, 3, 31), of(2025, 2, 28))).isEqualTo(TodoStatus.DUE);
  }

  @Test
  void isDueSoonFromThirtyDaysAheadToTheDueDateItself() {
    assertThat(TodoStatus.of(of(2025, 3, 31), of(2025, 3, 1))).isEqualTo(TodoStatus.DUE_SOON);
    assertThat(TodoStatus.of(of(2025, 3, 31), of(2025, 3, 31))).isEqualTo(TodoStatus.DUE_SOON);
  }

  @Test
  void isOverdueFromTheDayAfterTheDueDate() {
    assertThat(TodoStatus.of(of(2025, 3, 31), of(2025, 4, 1))).isEqualTo(TodoStatus.OVERDUE);
  }

  @Test
  void countsThirtyDaysAcross29February() {
    assertThat(TodoStatus.of(of(2024, 3, 15), of(2024, 2, 13))).isEqualTo(TodoStatus.DUE);
    assertThat(TodoStatus.of(of(2024, 3, 15), of(2024, 2, 14))).isEqualTo(TodoStatus.DUE_SOON);
  }

  // ---- applicant

  @Test
  void nothingIsDueBeforeTheApplication() {
    assertThat(RecruitmentTodos.of(Recruitment.of(PERSON, BIRTH), of(2025, 1, 1))).isEmpty();
  }

  @Test
  void theTalkIsDueOneMonthAfterTheApplication() {
    Recruitment recruitment = Recruitment.of(PERSON, BIRTH);
    recruitment.record(step(RecruitmentStepKind.APPLICATION, of(2025, 1, 31))).orThrow();
    LocalDate due = of(2025, 2, 28);
    assertThat(RecruitmentTodos.of(recruitment, of(2025, 1, 31)))
        .containsExactly(new RecruitmentTodo(RecruitmentStepKind.TALK, due, TodoStatus.DUE_SOON));
    assertThat(RecruitmentTodos.of(recruitment, of(2025, 2, 28)))
        .containsExactly(new RecruitmentTodo(RecruitmentStepKind.TALK, due, TodoStatus.DUE_SOON));
    assertThat(RecruitmentTodos.of(recruitment, of(2025, 3, 1)))
        .containsExactly(new RecruitmentTodo(RecruitmentStepKind.TALK, due, TodoStatus.OVERDUE));
  }

  @Test
  void nothingIsDueOnceTheApplicantHasBeenTalkedTo() {
    assertThat(RecruitmentTodos.of(upTo(RecruitmentStepKind.TALK), of(2030, 1, 1))).isEmpty();
  }

  // ---- activist

  @Test
  void theFirstActivistReviewIsDueSixMonthsAfterTheDesignation() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_DESIGNATION);
    assertThat(ACTIVIST).isEqualTo(of(2023, 6, 10));
    assertThat(RecruitmentTodos.of(recruitment, of(2023, 11, 9)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 12, 10), TodoStatus.DUE));
    assertThat(RecruitmentTodos.of(recruitment, of(2023, 11, 10)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 12, 10), TodoStatus.DUE_SOON));
    assertThat(RecruitmentTodos.of(recruitment, of(2023, 12, 11)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 12, 10), TodoStatus.OVERDUE));
  }

  @Test
  void theNextActivistReviewIsDueSixMonthsAfterTheLast() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_REVIEW);
    assertThat(RecruitmentTodos.of(recruitment, SECOND_REVIEW))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.ACTIVIST_REVIEW, SECOND_REVIEW.plusMonths(6), TodoStatus.DUE));
  }

  @Test
  void anActivistReviewOn31AugustIsNextDueOn29FebruaryInALeapYear() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_DESIGNATION);
    recruitment.record(step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 8, 31))).orThrow();
    assertThat(RecruitmentTodos.of(recruitment, of(2024, 3, 1)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.ACTIVIST_REVIEW, of(2024, 2, 29), TodoStatus.OVERDUE));
  }

  // ---- candidate

  @Test
  void nothingIsDueByADateForACandidate() {
    assertThat(RecruitmentTodos.of(upTo(RecruitmentStepKind.TRAINING), of(2030, 1, 1))).isEmpty();
  }

  // ---- probationary member

  @Test
  void approvalIsDueThreeMonthsAfterTheBranchMeetingAndConversionWhenTheProbationEnds() {
    Recruitment recruitment = upTo(RecruitmentStepKind.BRANCH_ADMISSION);
    assertThat(RecruitmentTodos.of(recruitment, ADMITTED))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.COMMITTEE_APPROVAL, of(2024, 12, 1), TodoStatus.DUE),
            new RecruitmentTodo(RecruitmentStepKind.CONVERSION, PROBATION_ENDS, TodoStatus.DUE));
    assertThat(RecruitmentTodos.of(recruitment, of(2024, 12, 2)))
        .first()
        .isEqualTo(
            new RecruitmentTodo(
                RecruitmentStepKind.COMMITTEE_APPROVAL, of(2024, 12, 1), TodoStatus.OVERDUE));
  }

  @Test
  void onlyTheConversionIsDueOnceApproved() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertThat(RecruitmentTodos.of(recruitment, of(2025, 8, 2)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.CONVERSION, PROBATION_ENDS, TodoStatus.DUE_SOON));
    assertThat(RecruitmentTodos.of(recruitment, PROBATION_ENDS.plusDays(1)))
        .containsExactly(
            new RecruitmentTodo(
                RecruitmentStepKind.CONVERSION, PROBATION_ENDS, TodoStatus.OVERDUE));
  }

  @Test
  void theConversionIsDueWhenTheExtendedProbationEnds() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    recruitment.record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 6)).orThrow();
    assertThat(RecruitmentTodos.of(recruitment, PROBATION_ENDS.plusDays(1)))
        .containsExactly(
            new RecruitmentTodo(RecruitmentStepKind.CONVERSION, of(2026, 3, 1), TodoStatus.DUE));
  }

  // ---- over

  @Test
  void nothingIsDueForAFullMemberOrAStoppedRecruitment() {
    assertThat(RecruitmentTodos.of(upTo(RecruitmentStepKind.CONVERSION), of(2030, 1, 1))).isEmpty();
    Recruitment stopped = upTo(RecruitmentStepKind.APPLICATION);
    stopped.record(RecruitmentStep.stop(of(2023, 3, 2), BRANCH, "本人撤回申请")).orThrow();
    assertThat(RecruitmentTodos.of(stopped, of(2023, 3, 3))).isEqualTo(List.of());
  }
}
