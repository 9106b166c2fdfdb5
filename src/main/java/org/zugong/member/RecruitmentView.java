package org.zugong.member;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.RecruitmentTodo;
import org.zugong.member.recruitment.StepDetails;
import org.zugong.shared.ScopePath;

/**
 * One recruitment as its page shows it: the person (ID number masked), the branch, the stage, the
 * steps recorded, the steps due with their status as of today, and the kinds of step that may come
 * next.
 */
public record RecruitmentView(
    long id,
    long personId,
    String name,
    LocalDate birthDate,
    String idNumberMasked,
    long organizationId,
    String organizationName,
    ScopePath scopePath,
    RecruitmentStage stage,
    LocalDate appliedOn,
    @Nullable Long memberId,
    @Nullable LocalDate probationEnd,
    List<Step> steps,
    List<RecruitmentTodo> todos,
    List<RecruitmentStepKind> nextSteps) {

  /** A recorded step, with the names of the people it names. */
  public record Step(
      int seq,
      RecruitmentStepKind kind,
      LocalDate date,
      String decidedBy,
      List<Person> people,
      StepDetails details,
      @Nullable String note,
      String recordedBy) {}

  /**
   * A member named by a step; the name is empty when the member lies outside the caller's scope.
   */
  public record Person(long memberId, String name) {}
}
