package org.zugong.member.recruitment;

import static java.time.LocalDate.of;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Object Mother: one person's recruitment along the ordinary path, stopped after any step. */
final class Recruitments {

  static final long PERSON = 1001L;
  static final LocalDate BIRTH = of(1998, 5, 20);
  static final long FIRST_INTRODUCER = 2001L;
  static final long SECOND_INTRODUCER = 2002L;
  static final String BRANCH = "第一党支部";
  static final String COMMITTEE = "机关党委";

  static final LocalDate APPLIED = of(2023, 3, 1);
  static final LocalDate TALKED = of(2023, 3, 20);
  static final LocalDate ACTIVIST = of(2023, 6, 10);
  static final LocalDate FIRST_REVIEW = of(2023, 12, 5);
  static final LocalDate SECOND_REVIEW = of(2024, 6, 1);
  static final LocalDate CANDIDATE = of(2024, 6, 10);
  static final LocalDate INTRODUCED = of(2024, 6, 20);
  static final LocalDate REVIEWED_POLITICALLY = of(2024, 7, 15);
  static final LocalDate TRAINED = of(2024, 8, 1);
  static final LocalDate ADMITTED = of(2024, 9, 1);
  static final LocalDate APPROVED = of(2024, 10, 15);
  static final LocalDate PROBATION_ENDS = of(2025, 9, 1);

  private Recruitments() {}

  static List<RecruitmentStep> ordinaryPath() {
    return List.of(
        step(RecruitmentStepKind.APPLICATION, APPLIED),
        RecruitmentStep.of(RecruitmentStepKind.TALK, TALKED, BRANCH, 3001L),
        RecruitmentStep.of(RecruitmentStepKind.ACTIVIST_DESIGNATION, ACTIVIST, BRANCH, 3001L),
        step(RecruitmentStepKind.ACTIVIST_REVIEW, FIRST_REVIEW),
        step(RecruitmentStepKind.ACTIVIST_REVIEW, SECOND_REVIEW),
        step(RecruitmentStepKind.CANDIDATE_DESIGNATION, CANDIDATE),
        introducers(INTRODUCED, FIRST_INTRODUCER, SECOND_INTRODUCER),
        step(RecruitmentStepKind.POLITICAL_REVIEW, REVIEWED_POLITICALLY),
        RecruitmentStep.training(TRAINED, COMMITTEE, 3, 24),
        step(RecruitmentStepKind.BRANCH_ADMISSION, ADMITTED),
        RecruitmentStep.committeeApproval(APPROVED, COMMITTEE, null),
        step(RecruitmentStepKind.CONVERSION, PROBATION_ENDS));
  }

  /** A recruitment of {@link #PERSON} along the ordinary path up to the last step of this kind. */
  static Recruitment upTo(RecruitmentStepKind kind) {
    List<RecruitmentStep> path = ordinaryPath();
    int last = -1;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).kind() == kind) {
        last = i;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException(kind + " is not on the ordinary path");
    }
    return Recruitment.replay(PERSON, BIRTH, path.subList(0, last + 1));
  }

  /** The ordinary path up to (and without) the steps of these kinds. */
  static Recruitment upToWithout(RecruitmentStepKind kind, RecruitmentStepKind... left) {
    List<RecruitmentStep> steps = new ArrayList<>(upTo(kind).steps());
    steps.removeIf(s -> List.of(left).contains(s.kind()));
    return Recruitment.replay(PERSON, BIRTH, steps);
  }

  static RecruitmentStep step(RecruitmentStepKind kind, LocalDate date) {
    return RecruitmentStep.of(kind, date, BRANCH);
  }

  static RecruitmentStep introducers(LocalDate date, long first, long second) {
    return RecruitmentStep.introducers(
        date, BRANCH, Introducer.fullMember(first), Introducer.fullMember(second));
  }
}
