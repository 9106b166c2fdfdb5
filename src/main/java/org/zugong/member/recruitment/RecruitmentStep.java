package org.zugong.member.recruitment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.InvalidValueException;

/**
 * One recorded step: what happened, on which day, which party body decided it (e.g. the branch or
 * the committee, by name), the people involved by id (the talkers, the contact persons, the
 * introducers) and the details some kinds need.
 */
public record RecruitmentStep(
    RecruitmentStepKind kind,
    LocalDate date,
    String decidedBy,
    List<Long> people,
    StepDetails details) {

  public RecruitmentStep {
    if (decidedBy.isBlank()) {
      throw new InvalidValueException("recruitment.invalid.decided-by");
    }
    people = List.copyOf(people);
    if (!fits(kind, details)) {
      throw new IllegalArgumentException(kind + " cannot carry " + details);
    }
  }

  /**
   * A step that needs no details: every kind but introducers, training, approval, extension, stop.
   */
  public static RecruitmentStep of(
      RecruitmentStepKind kind, LocalDate date, String decidedBy, long... people) {
    return new RecruitmentStep(kind, date, decidedBy, ids(people), StepDetails.NONE);
  }

  public static RecruitmentStep introducers(
      LocalDate date, String decidedBy, Introducer first, Introducer second) {
    return new RecruitmentStep(
        RecruitmentStepKind.INTRODUCERS,
        date,
        decidedBy,
        List.of(first.memberId(), second.memberId()),
        new StepDetails.Introducers(List.of(first, second)));
  }

  public static RecruitmentStep training(
      LocalDate date, String decidedBy, int days, int classHours) {
    return new RecruitmentStep(
        RecruitmentStepKind.TRAINING,
        date,
        decidedBy,
        List.of(),
        new StepDetails.Training(days, classHours));
  }

  public static RecruitmentStep committeeApproval(
      LocalDate date, String decidedBy, @Nullable String specialReason) {
    return new RecruitmentStep(
        RecruitmentStepKind.COMMITTEE_APPROVAL,
        date,
        decidedBy,
        List.of(),
        new StepDetails.Approval(specialReason));
  }

  public static RecruitmentStep probationExtension(LocalDate date, String decidedBy, int months) {
    return new RecruitmentStep(
        RecruitmentStepKind.PROBATION_EXTENSION,
        date,
        decidedBy,
        List.of(),
        new StepDetails.Extension(months));
  }

  public static RecruitmentStep stop(LocalDate date, String decidedBy, String reason) {
    return new RecruitmentStep(
        RecruitmentStepKind.STOP, date, decidedBy, List.of(), new StepDetails.Stop(reason));
  }

  private static List<Long> ids(long... people) {
    return Arrays.stream(people).boxed().toList();
  }

  private static boolean fits(RecruitmentStepKind kind, StepDetails details) {
    return switch (kind) {
      case INTRODUCERS -> details instanceof StepDetails.Introducers;
      case TRAINING -> details instanceof StepDetails.Training;
      case COMMITTEE_APPROVAL -> details instanceof StepDetails.Approval;
      case PROBATION_EXTENSION -> details instanceof StepDetails.Extension;
      case STOP -> details instanceof StepDetails.Stop;
      case APPLICATION,
          TALK,
          ACTIVIST_DESIGNATION,
          ACTIVIST_REVIEW,
          CANDIDATE_DESIGNATION,
          POLITICAL_REVIEW,
          BRANCH_ADMISSION,
          CONVERSION ->
          details instanceof StepDetails.None;
    };
  }
}
