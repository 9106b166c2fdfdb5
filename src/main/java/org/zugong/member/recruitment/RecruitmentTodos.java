package org.zugong.member.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a recruitment has due next, with their deadlines: the talk one month after the
 * application, the next activist review six months after the last, the committee's approval three
 * months after the branch meeting, the conversion when the probation ends.
 *
 * <p>Steps the rules allow but do not demand by a date (designating a candidate once the activist
 * year has passed) are no to-dos.
 */
public final class RecruitmentTodos {

  private RecruitmentTodos() {}

  /** The steps due next, earliest first. */
  public static List<RecruitmentTodo> of(Recruitment recruitment, LocalDate today) {
    List<RecruitmentTodo> todos = new ArrayList<>();
    switch (recruitment.stage()) {
      case APPLICANT ->
          recruitment
              .first(RecruitmentStepKind.APPLICATION)
              .filter(application -> recruitment.first(RecruitmentStepKind.TALK).isEmpty())
              .ifPresent(
                  application ->
                      todos.add(
                          todo(
                              RecruitmentStepKind.TALK,
                              RecruitmentRules.talkDeadline(application.date()),
                              today)));
      case ACTIVIST -> {
        LocalDate lastReview =
            recruitment
                .last(RecruitmentStepKind.ACTIVIST_REVIEW)
                .or(() -> recruitment.first(RecruitmentStepKind.ACTIVIST_DESIGNATION))
                .orElseThrow()
                .date();
        todos.add(
            todo(
                RecruitmentStepKind.ACTIVIST_REVIEW,
                RecruitmentRules.nextReviewDue(lastReview),
                today));
      }
      case PROBATIONARY -> {
        LocalDate admission =
            recruitment.first(RecruitmentStepKind.BRANCH_ADMISSION).orElseThrow().date();
        if (recruitment.first(RecruitmentStepKind.COMMITTEE_APPROVAL).isEmpty()) {
          todos.add(
              todo(
                  RecruitmentStepKind.COMMITTEE_APPROVAL,
                  RecruitmentRules.approvalDeadline(admission),
                  today));
        }
        todos.add(
            todo(RecruitmentStepKind.CONVERSION, recruitment.probationEnd().orElseThrow(), today));
      }
      case CANDIDATE, FULL, STOPPED -> {
        // The detailed rules set no deadline for a candidate's steps; the others are over.
      }
    }
    return List.copyOf(todos);
  }

  private static RecruitmentTodo todo(RecruitmentStepKind step, LocalDate due, LocalDate today) {
    return new RecruitmentTodo(step, due, TodoStatus.of(due, today));
  }
}
