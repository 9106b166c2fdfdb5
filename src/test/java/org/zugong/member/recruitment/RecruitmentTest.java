package org.zugong.member.recruitment;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.recruitment.Decisions.assertAllowed;
import static org.zugong.member.recruitment.Decisions.assertRefused;
import static org.zugong.member.recruitment.Recruitments.ACTIVIST;
import static org.zugong.member.recruitment.Recruitments.ADMITTED;
import static org.zugong.member.recruitment.Recruitments.APPLIED;
import static org.zugong.member.recruitment.Recruitments.BIRTH;
import static org.zugong.member.recruitment.Recruitments.BRANCH;
import static org.zugong.member.recruitment.Recruitments.CANDIDATE;
import static org.zugong.member.recruitment.Recruitments.COMMITTEE;
import static org.zugong.member.recruitment.Recruitments.FIRST_INTRODUCER;
import static org.zugong.member.recruitment.Recruitments.FIRST_REVIEW;
import static org.zugong.member.recruitment.Recruitments.INTRODUCED;
import static org.zugong.member.recruitment.Recruitments.PERSON;
import static org.zugong.member.recruitment.Recruitments.PROBATION_ENDS;
import static org.zugong.member.recruitment.Recruitments.SECOND_INTRODUCER;
import static org.zugong.member.recruitment.Recruitments.SECOND_REVIEW;
import static org.zugong.member.recruitment.Recruitments.TALKED;
import static org.zugong.member.recruitment.Recruitments.TRAINED;
import static org.zugong.member.recruitment.Recruitments.introducers;
import static org.zugong.member.recruitment.Recruitments.ordinaryPath;
import static org.zugong.member.recruitment.Recruitments.step;
import static org.zugong.member.recruitment.Recruitments.upTo;
import static org.zugong.member.recruitment.Recruitments.upToWithout;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.shared.InvalidValueException;

/**
 * The aggregate: it records a step only when every rule allows it, and moves through the stages.
 */
class RecruitmentTest {

  @Test
  void walksTheOrdinaryPathFromApplicationToFullMember() {
    Recruitment recruitment = Recruitment.of(PERSON, BIRTH);
    List<RecruitmentStage> stages = new ArrayList<>();
    for (RecruitmentStep step : ordinaryPath()) {
      assertAllowed(recruitment.record(step));
      stages.add(recruitment.stage());
    }
    assertThat(stages)
        .containsExactly(
            RecruitmentStage.APPLICANT,
            RecruitmentStage.APPLICANT,
            RecruitmentStage.ACTIVIST,
            RecruitmentStage.ACTIVIST,
            RecruitmentStage.ACTIVIST,
            RecruitmentStage.CANDIDATE,
            RecruitmentStage.CANDIDATE,
            RecruitmentStage.CANDIDATE,
            RecruitmentStage.CANDIDATE,
            RecruitmentStage.PROBATIONARY,
            RecruitmentStage.PROBATIONARY,
            RecruitmentStage.FULL);
    assertThat(recruitment.steps()).containsExactlyElementsOf(ordinaryPath());
  }

  @Test
  void startsAsAnApplicantWithNothingRecorded() {
    Recruitment recruitment = Recruitment.of(PERSON, BIRTH);
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.APPLICANT);
    assertThat(recruitment.steps()).isEmpty();
    assertThat(recruitment.probationEnd()).isEmpty();
  }

  @Test
  void aRefusedStepLeavesTheRecruitmentAsItWas() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_DESIGNATION);
    List<RecruitmentStep> before = recruitment.steps();
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2023, 7, 1))),
        RecruitmentRule.ACTIVIST_ONE_YEAR,
        of(2024, 6, 10));
    assertThat(recruitment.steps()).isEqualTo(before);
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.ACTIVIST);
  }

  @Test
  void theStepsHandedOutCannotChangeTheRecruitment() {
    Recruitment recruitment = upTo(RecruitmentStepKind.TALK);
    assertThatThrownBy(() -> recruitment.steps().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(recruitment.steps()).hasSize(2);
  }

  // ---- order of the steps

  @Test
  void refusesAnyStepBeforeTheApplication() {
    Recruitment recruitment = Recruitment.of(PERSON, BIRTH);
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.TALK, TALKED)),
        RecruitmentRule.APPLICATION_FIRST);
    assertThat(recruitment.steps()).isEmpty();
  }

  @Test
  void refusesASecondApplication() {
    assertRefused(
        upTo(RecruitmentStepKind.APPLICATION)
            .record(step(RecruitmentStepKind.APPLICATION, of(2023, 3, 2))),
        RecruitmentRule.STEP_ONCE);
  }

  @Test
  void refusesASecondTalk() {
    assertRefused(
        upTo(RecruitmentStepKind.TALK).record(step(RecruitmentStepKind.TALK, of(2023, 3, 25))),
        RecruitmentRule.STEP_ONCE);
  }

  @Test
  void refusesAnActivistReviewOfAnApplicant() {
    assertRefused(
        upTo(RecruitmentStepKind.TALK)
            .record(step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 4, 1))),
        RecruitmentRule.STAGE_ORDER);
  }

  @Test
  void refusesBranchAdmissionOfAnActivist() {
    assertRefused(
        upTo(RecruitmentStepKind.ACTIVIST_REVIEW)
            .record(step(RecruitmentStepKind.BRANCH_ADMISSION, of(2024, 9, 1))),
        RecruitmentRule.STAGE_ORDER);
  }

  @Test
  void refusesAStepDatedBeforeTheStepThatOpenedTheStage() {
    assertRefused(
        upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION)
            .record(step(RecruitmentStepKind.POLITICAL_REVIEW, CANDIDATE.minusDays(1))),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        CANDIDATE);
  }

  @Test
  void refusesATalkDatedBeforeTheApplication() {
    assertRefused(
        upTo(RecruitmentStepKind.APPLICATION)
            .record(step(RecruitmentStepKind.TALK, APPLIED.minusDays(1))),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        APPLIED);
    assertAllowed(
        upTo(RecruitmentStepKind.APPLICATION).record(step(RecruitmentStepKind.TALK, APPLIED)));
  }

  @Test
  void refusesAStageChangeDatedBeforeTheLastStepRecorded() {
    Recruitment recruitment = upTo(RecruitmentStepKind.TRAINING);
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.BRANCH_ADMISSION, TRAINED.minusDays(1))),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        TRAINED);
    assertAllowed(recruitment.record(step(RecruitmentStepKind.BRANCH_ADMISSION, TRAINED)));
  }

  @Test
  void allowsTheStepsOfTheCandidateStageInAnyOrderOfDates() {
    Recruitment recruitment = upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION);
    assertAllowed(recruitment.record(step(RecruitmentStepKind.POLITICAL_REVIEW, of(2024, 8, 1))));
    assertAllowed(recruitment.record(RecruitmentStep.training(of(2024, 7, 1), COMMITTEE, 3, 0)));
    assertAllowed(
        recruitment.record(introducers(of(2024, 6, 15), FIRST_INTRODUCER, SECOND_INTRODUCER)));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.BRANCH_ADMISSION, of(2024, 7, 31))),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        of(2024, 8, 1));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.BRANCH_ADMISSION, of(2024, 8, 1))));
  }

  // ---- applicant

  @Test
  void refusesApplicantUnderEighteenOnTheApplicationDate() {
    Recruitment recruitment = Recruitment.of(PERSON, of(2007, 6, 15));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.APPLICATION, of(2025, 6, 14))),
        RecruitmentRule.APPLICANT_AGE,
        of(2025, 6, 15));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.APPLICATION, of(2025, 6, 15))));
  }

  @Test
  void recordsALateTalkBecauseTheDelayIsTheOrganizationsNotTheApplicants() {
    Recruitment recruitment = upTo(RecruitmentStepKind.APPLICATION);
    assertAllowed(recruitment.record(step(RecruitmentStepKind.TALK, of(2023, 9, 1))));
  }

  @Test
  void refusesActivistBeforeTheTalk() {
    assertRefused(
        upTo(RecruitmentStepKind.APPLICATION)
            .record(step(RecruitmentStepKind.ACTIVIST_DESIGNATION, ACTIVIST)),
        RecruitmentRule.ACTIVIST_NEEDS_TALK);
  }

  // ---- activist

  @Test
  void refusesCandidateBeforeOneYearAsActivist() {
    assertRefused(
        upTo(RecruitmentStepKind.ACTIVIST_REVIEW)
            .record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2024, 6, 9))),
        RecruitmentRule.ACTIVIST_ONE_YEAR,
        of(2024, 6, 10));
  }

  @Test
  void allowsCandidateOnTheFirstAnniversaryOfActivistDesignation() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_REVIEW);
    assertAllowed(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, ACTIVIST.plusYears(1))));
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.CANDIDATE);
  }

  @Test
  void activistOf29February2024BecomesCandidateOn28February2025NotBefore() {
    Recruitment recruitment = upTo(RecruitmentStepKind.TALK);
    assertAllowed(
        recruitment.record(step(RecruitmentStepKind.ACTIVIST_DESIGNATION, of(2024, 2, 29))));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2024, 8, 29))));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2025, 2, 20))));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2025, 2, 27))),
        RecruitmentRule.ACTIVIST_ONE_YEAR,
        of(2025, 2, 28));
    assertAllowed(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2025, 2, 28))));
  }

  @Test
  void refusesCandidateWithoutAnActivistReviewInTheLastSixMonths() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_DESIGNATION);
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, CANDIDATE)),
        RecruitmentRule.CANDIDATE_NEEDS_REVIEW);
    assertAllowed(recruitment.record(step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 12, 10))));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2024, 6, 11))),
        RecruitmentRule.CANDIDATE_NEEDS_REVIEW);
    assertAllowed(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2024, 6, 10))));
  }

  // ---- candidate

  @Test
  void refusesTheCandidateAsTheirOwnIntroducer() {
    assertRefused(
        upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION)
            .record(introducers(INTRODUCED, FIRST_INTRODUCER, PERSON)),
        RecruitmentRule.INTRODUCER_NOT_SELF);
  }

  @Test
  void refusesTheSameIntroducerTwice() {
    assertRefused(
        upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION)
            .record(introducers(INTRODUCED, FIRST_INTRODUCER, FIRST_INTRODUCER)),
        RecruitmentRule.INTRODUCERS_TWO);
  }

  @Test
  void refusesAProbationaryMemberAsIntroducer() {
    assertRefused(
        upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION)
            .record(
                RecruitmentStep.introducers(
                    INTRODUCED,
                    BRANCH,
                    Introducer.fullMember(FIRST_INTRODUCER),
                    new Introducer(SECOND_INTRODUCER, RecruitmentStage.PROBATIONARY))),
        RecruitmentRule.INTRODUCER_FULL_MEMBER,
        SECOND_INTRODUCER);
  }

  @Test
  void refusesTrainingShorterThanThreeDaysAnd24ClassHours() {
    assertRefused(
        upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION)
            .record(RecruitmentStep.training(TRAINED, COMMITTEE, 2, 16)),
        RecruitmentRule.TRAINING_DURATION,
        2,
        16);
  }

  @Test
  void refusesBranchAdmissionWithoutIntroducers() {
    assertRefused(
        upToWithout(RecruitmentStepKind.TRAINING, RecruitmentStepKind.INTRODUCERS)
            .record(step(RecruitmentStepKind.BRANCH_ADMISSION, ADMITTED)),
        RecruitmentRule.ADMISSION_NEEDS_INTRODUCERS);
  }

  @Test
  void refusesBranchAdmissionWithoutPoliticalReview() {
    assertRefused(
        upToWithout(RecruitmentStepKind.TRAINING, RecruitmentStepKind.POLITICAL_REVIEW)
            .record(step(RecruitmentStepKind.BRANCH_ADMISSION, ADMITTED)),
        RecruitmentRule.ADMISSION_NEEDS_POLITICAL_REVIEW);
  }

  @Test
  void refusesBranchAdmissionWithoutTraining() {
    assertRefused(
        upTo(RecruitmentStepKind.POLITICAL_REVIEW)
            .record(step(RecruitmentStepKind.BRANCH_ADMISSION, ADMITTED)),
        RecruitmentRule.ADMISSION_NEEDS_TRAINING);
  }

  @Test
  void branchAdmissionMakesAProbationaryMemberWhoseProbationEndsAYearLater() {
    Recruitment recruitment = upTo(RecruitmentStepKind.BRANCH_ADMISSION);
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.PROBATIONARY);
    assertThat(recruitment.probationEnd()).contains(PROBATION_ENDS);
  }

  // ---- probationary member

  @Test
  void allowsApprovalOnTheDayThreeMonthsAfterTheBranchMeeting() {
    assertAllowed(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.committeeApproval(of(2024, 12, 1), COMMITTEE, null)));
  }

  @Test
  void refusesApprovalTheDayAfterThreeMonthsWithoutSpecialReason() {
    assertRefused(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.committeeApproval(of(2024, 12, 2), COMMITTEE, null)),
        RecruitmentRule.APPROVAL_THREE_MONTHS,
        of(2024, 12, 1));
  }

  @Test
  void refusesApprovalWithABlankSpecialReasonAsWithNone() {
    assertRefused(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.committeeApproval(of(2024, 12, 2), COMMITTEE, "  ")),
        RecruitmentRule.APPROVAL_THREE_MONTHS,
        of(2024, 12, 1));
  }

  @Test
  void allowsApprovalUpToSixMonthsWithSpecialReason() {
    assertAllowed(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.committeeApproval(of(2025, 3, 1), COMMITTEE, "党委换届")));
  }

  @Test
  void refusesApprovalTheDayAfterSixMonthsEvenWithSpecialReason() {
    assertRefused(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.committeeApproval(of(2025, 3, 2), COMMITTEE, "党委换届")),
        RecruitmentRule.APPROVAL_SIX_MONTHS,
        of(2025, 3, 1));
  }

  @Test
  void refusesASecondApproval() {
    assertRefused(
        upTo(RecruitmentStepKind.COMMITTEE_APPROVAL)
            .record(RecruitmentStep.committeeApproval(of(2024, 11, 1), COMMITTEE, null)),
        RecruitmentRule.STEP_ONCE);
  }

  @Test
  void refusesConversionBeforeCommitteeApproval() {
    assertRefused(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(step(RecruitmentStepKind.CONVERSION, PROBATION_ENDS)),
        RecruitmentRule.PROBATION_NEEDS_APPROVAL);
  }

  @Test
  void refusesConversionTheDayBeforeTheProbationEnds() {
    assertRefused(
        upTo(RecruitmentStepKind.COMMITTEE_APPROVAL)
            .record(step(RecruitmentStepKind.CONVERSION, PROBATION_ENDS.minusDays(1))),
        RecruitmentRule.CONVERSION_AFTER_PROBATION,
        PROBATION_ENDS);
  }

  @Test
  void allowsConversionOnTheDayTheProbationEnds() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertAllowed(recruitment.record(step(RecruitmentStepKind.CONVERSION, PROBATION_ENDS)));
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.FULL);
  }

  @Test
  void probationOfABranchMeetingOn29FebruaryEndsOn28FebruaryOrWithSixMonthsMoreOn29August() {
    Recruitment recruitment = Recruitment.of(PERSON, BIRTH);
    for (RecruitmentStep step :
        List.of(
            step(RecruitmentStepKind.APPLICATION, of(2022, 9, 1)),
            step(RecruitmentStepKind.TALK, of(2022, 9, 15)),
            step(RecruitmentStepKind.ACTIVIST_DESIGNATION, of(2022, 10, 1)),
            step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 4, 1)),
            step(RecruitmentStepKind.ACTIVIST_REVIEW, of(2023, 10, 1)),
            step(RecruitmentStepKind.CANDIDATE_DESIGNATION, of(2023, 10, 1)),
            introducers(of(2023, 12, 1), FIRST_INTRODUCER, SECOND_INTRODUCER),
            step(RecruitmentStepKind.POLITICAL_REVIEW, of(2023, 12, 1)),
            RecruitmentStep.training(of(2024, 1, 10), COMMITTEE, 3, 24),
            step(RecruitmentStepKind.BRANCH_ADMISSION, of(2024, 2, 29)),
            RecruitmentStep.committeeApproval(of(2024, 4, 1), COMMITTEE, null))) {
      assertAllowed(recruitment.record(step));
    }
    assertThat(recruitment.probationEnd()).contains(of(2025, 2, 28));
    assertAllowed(
        recruitment.record(RecruitmentStep.probationExtension(of(2025, 2, 28), BRANCH, 6)));
    assertThat(recruitment.probationEnd()).contains(of(2025, 8, 29));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CONVERSION, of(2025, 8, 28))),
        RecruitmentRule.CONVERSION_AFTER_PROBATION,
        of(2025, 8, 29));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.CONVERSION, of(2025, 8, 29))));
  }

  @Test
  void refusesConversionTheDayBeforeTheExtendedProbationEnds() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertAllowed(
        recruitment.record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 12)));
    assertThat(recruitment.extensionMonths()).isEqualTo(12);
    assertThat(recruitment.probationEnd()).contains(of(2026, 9, 1));
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CONVERSION, of(2026, 8, 31))),
        RecruitmentRule.CONVERSION_AFTER_PROBATION,
        of(2026, 9, 1));
    assertAllowed(recruitment.record(step(RecruitmentStepKind.CONVERSION, of(2026, 9, 1))));
  }

  @Test
  void refusesExtensionBeforeCommitteeApproval() {
    assertRefused(
        upTo(RecruitmentStepKind.BRANCH_ADMISSION)
            .record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 6)),
        RecruitmentRule.PROBATION_NEEDS_APPROVAL);
  }

  @Test
  void refusesExtensionTheDayBeforeTheProbationEnds() {
    assertRefused(
        upTo(RecruitmentStepKind.COMMITTEE_APPROVAL)
            .record(RecruitmentStep.probationExtension(PROBATION_ENDS.minusDays(1), BRANCH, 6)),
        RecruitmentRule.EXTENSION_AT_PROBATION_END,
        PROBATION_ENDS);
  }

  @Test
  void refusesExtensionShorterThanSixOrLongerThanTwelveMonths() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertRefused(
        recruitment.record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 5)),
        RecruitmentRule.EXTENSION_LENGTH,
        5);
    assertRefused(
        recruitment.record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 13)),
        RecruitmentRule.EXTENSION_LENGTH,
        13);
    assertThat(recruitment.probationEnd()).contains(PROBATION_ENDS);
  }

  @Test
  void refusesASecondExtension() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertAllowed(
        recruitment.record(RecruitmentStep.probationExtension(PROBATION_ENDS, BRANCH, 6)));
    assertRefused(
        recruitment.record(RecruitmentStep.probationExtension(of(2026, 3, 1), BRANCH, 6)),
        RecruitmentRule.EXTENSION_ONCE);
    assertThat(recruitment.probationEnd()).contains(of(2026, 3, 1));
  }

  // ---- stop

  @Test
  void stoppingEndsTheRecruitmentForGood() {
    Recruitment recruitment = upTo(RecruitmentStepKind.ACTIVIST_REVIEW);
    assertAllowed(recruitment.record(RecruitmentStep.stop(of(2024, 6, 2), BRANCH, "本人撤回申请")));
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.STOPPED);
    assertRefused(
        recruitment.record(step(RecruitmentStepKind.CANDIDATE_DESIGNATION, CANDIDATE)),
        RecruitmentRule.RECRUITMENT_STOPPED);
    assertRefused(
        recruitment.record(RecruitmentStep.stop(of(2024, 6, 3), BRANCH, "再次停止")),
        RecruitmentRule.RECRUITMENT_STOPPED);
  }

  @Test
  void cancelsAProbationaryMember() {
    Recruitment recruitment = upTo(RecruitmentStepKind.COMMITTEE_APPROVAL);
    assertAllowed(recruitment.record(RecruitmentStep.stop(PROBATION_ENDS, BRANCH, "不具备党员条件")));
    assertThat(recruitment.stage()).isEqualTo(RecruitmentStage.STOPPED);
  }

  @Test
  void refusesStoppingAFullMember() {
    assertRefused(
        upTo(RecruitmentStepKind.CONVERSION)
            .record(RecruitmentStep.stop(of(2026, 1, 1), BRANCH, "误操作")),
        RecruitmentRule.STAGE_ORDER);
  }

  @Test
  void refusesAStopDatedBeforeTheLastStep() {
    assertRefused(
        upTo(RecruitmentStepKind.ACTIVIST_REVIEW)
            .record(RecruitmentStep.stop(SECOND_REVIEW.minusDays(1), BRANCH, "本人撤回申请")),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        SECOND_REVIEW);
  }

  // ---- replay

  @Test
  void replaysRecordedStepsIntoTheSameStage() {
    Recruitment replayed = Recruitment.replay(PERSON, BIRTH, ordinaryPath());
    assertThat(replayed.stage()).isEqualTo(RecruitmentStage.FULL);
    assertThat(replayed.personId()).isEqualTo(PERSON);
    assertThat(replayed.birthDate()).isEqualTo(BIRTH);
  }

  @Test
  void refusesToReplayStepsThatBreakARule() {
    List<RecruitmentStep> steps = new ArrayList<>(ordinaryPath());
    steps.remove(1); // the talk
    assertThatThrownBy(() -> Recruitment.replay(PERSON, BIRTH, steps))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("recruitment.rule.activist-needs-talk"));
  }

  @Test
  void findsTheFirstAndTheLastStepOfAKind() {
    Recruitment recruitment = upTo(RecruitmentStepKind.CANDIDATE_DESIGNATION);
    assertThat(recruitment.first(RecruitmentStepKind.ACTIVIST_REVIEW))
        .map(RecruitmentStep::date)
        .contains(FIRST_REVIEW);
    assertThat(recruitment.last(RecruitmentStepKind.ACTIVIST_REVIEW))
        .map(RecruitmentStep::date)
        .contains(SECOND_REVIEW);
    assertThat(recruitment.last(RecruitmentStepKind.TRAINING)).isEmpty();
  }
}
