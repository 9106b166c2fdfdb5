package org.zugong.member.recruitment;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.recruitment.Decisions.assertAllowed;
import static org.zugong.member.recruitment.Decisions.assertRefused;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zugong.shared.Decision;

/** Each rule on its own, at the exact edges of its periods. */
class RecruitmentRulesTest {

  // ---- order of the steps

  @Test
  void refusesEveryStepOnceStopped() {
    assertRefused(
        RecruitmentRules.notStopped(RecruitmentStage.STOPPED), RecruitmentRule.RECRUITMENT_STOPPED);
    assertAllowed(RecruitmentRules.notStopped(RecruitmentStage.PROBATIONARY));
  }

  @Test
  void refusesAnyStepBeforeTheApplication() {
    assertRefused(
        RecruitmentRules.applicationFirst(RecruitmentStepKind.TALK, true),
        RecruitmentRule.APPLICATION_FIRST);
    assertAllowed(RecruitmentRules.applicationFirst(RecruitmentStepKind.APPLICATION, true));
    assertAllowed(RecruitmentRules.applicationFirst(RecruitmentStepKind.TALK, false));
  }

  @Test
  void refusesASecondApplicationTalkOrApproval() {
    for (RecruitmentStepKind kind :
        List.of(
            RecruitmentStepKind.APPLICATION,
            RecruitmentStepKind.TALK,
            RecruitmentStepKind.COMMITTEE_APPROVAL)) {
      assertRefused(RecruitmentRules.stepOnce(kind, true), RecruitmentRule.STEP_ONCE);
      assertAllowed(RecruitmentRules.stepOnce(kind, false));
    }
  }

  @Test
  void allowsRepeatedReviewsIntroducersPoliticalReviewsAndTrainings() {
    for (RecruitmentStepKind kind :
        List.of(
            RecruitmentStepKind.ACTIVIST_REVIEW,
            RecruitmentStepKind.INTRODUCERS,
            RecruitmentStepKind.POLITICAL_REVIEW,
            RecruitmentStepKind.TRAINING)) {
      assertAllowed(RecruitmentRules.stepOnce(kind, true));
    }
  }

  @Test
  void refusesAStepOfAnotherStage() {
    assertRefused(
        RecruitmentRules.stageOrder(RecruitmentStepKind.TALK, RecruitmentStage.ACTIVIST),
        RecruitmentRule.STAGE_ORDER);
    assertRefused(
        RecruitmentRules.stageOrder(
            RecruitmentStepKind.ACTIVIST_REVIEW, RecruitmentStage.CANDIDATE),
        RecruitmentRule.STAGE_ORDER);
    assertRefused(
        RecruitmentRules.stageOrder(
            RecruitmentStepKind.BRANCH_ADMISSION, RecruitmentStage.ACTIVIST),
        RecruitmentRule.STAGE_ORDER);
    assertRefused(
        RecruitmentRules.stageOrder(RecruitmentStepKind.CONVERSION, RecruitmentStage.CANDIDATE),
        RecruitmentRule.STAGE_ORDER);
    assertAllowed(
        RecruitmentRules.stageOrder(RecruitmentStepKind.TRAINING, RecruitmentStage.CANDIDATE));
    assertAllowed(
        RecruitmentRules.stageOrder(
            RecruitmentStepKind.COMMITTEE_APPROVAL, RecruitmentStage.PROBATIONARY));
  }

  @ParameterizedTest
  @EnumSource(
      value = RecruitmentStage.class,
      names = {"APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY"})
  void allowsStoppingBeforeFullMembership(RecruitmentStage stage) {
    assertAllowed(RecruitmentRules.stageOrder(RecruitmentStepKind.STOP, stage));
  }

  @Test
  void refusesStoppingAFullMember() {
    assertRefused(
        RecruitmentRules.stageOrder(RecruitmentStepKind.STOP, RecruitmentStage.FULL),
        RecruitmentRule.STAGE_ORDER);
  }

  @ParameterizedTest
  @EnumSource(RecruitmentStepKind.class)
  void refusesEveryStepToAFullMember(RecruitmentStepKind kind) {
    assertRefused(
        RecruitmentRules.stageOrder(kind, RecruitmentStage.FULL), RecruitmentRule.STAGE_ORDER);
  }

  @Test
  void refusesAStepDatedTheDayBeforeTheStepItFollows() {
    assertRefused(
        RecruitmentRules.chronologicalOrder(of(2024, 3, 1), of(2024, 2, 29)),
        RecruitmentRule.CHRONOLOGICAL_ORDER,
        of(2024, 3, 1));
    assertAllowed(RecruitmentRules.chronologicalOrder(of(2024, 3, 1), of(2024, 3, 1)));
  }

  // ---- applicant

  @Test
  void refusesApplicantTheDayBeforeTheEighteenthBirthday() {
    assertRefused(
        RecruitmentRules.applicantAtLeastEighteen(of(2007, 6, 15), of(2025, 6, 14)),
        RecruitmentRule.APPLICANT_AGE,
        of(2025, 6, 15));
  }

  @Test
  void allowsApplicantOnTheEighteenthBirthdayAndAfter() {
    assertAllowed(RecruitmentRules.applicantAtLeastEighteen(of(2007, 6, 15), of(2025, 6, 15)));
    assertAllowed(RecruitmentRules.applicantAtLeastEighteen(of(2007, 6, 15), of(2025, 6, 16)));
  }

  @Test
  void applicantBornOn29FebruaryIsEighteenOn28FebruaryBecausePlusYearsClampsToTheMonthEnd() {
    LocalDate born = of(2008, 2, 29);
    assertThat(RecruitmentRules.eighteenthBirthday(born)).isEqualTo(of(2026, 2, 28));
    assertRefused(
        RecruitmentRules.applicantAtLeastEighteen(born, of(2026, 2, 27)),
        RecruitmentRule.APPLICANT_AGE,
        of(2026, 2, 28));
    assertAllowed(RecruitmentRules.applicantAtLeastEighteen(born, of(2026, 2, 28)));
  }

  @Test
  void talkIsDueOneMonthAfterTheApplication() {
    assertThat(RecruitmentRules.talkDeadline(of(2025, 4, 15))).isEqualTo(of(2025, 5, 15));
    assertThat(RecruitmentRules.talkDeadline(of(2025, 1, 31))).isEqualTo(of(2025, 2, 28));
    assertThat(RecruitmentRules.talkDeadline(of(2024, 1, 31))).isEqualTo(of(2024, 2, 29));
  }

  @Test
  void refusesActivistBeforeTheTalk() {
    assertRefused(
        RecruitmentRules.activistNeedsTalk(null, of(2025, 5, 1)),
        RecruitmentRule.ACTIVIST_NEEDS_TALK);
    assertRefused(
        RecruitmentRules.activistNeedsTalk(of(2025, 5, 2), of(2025, 5, 1)),
        RecruitmentRule.ACTIVIST_NEEDS_TALK);
    assertAllowed(RecruitmentRules.activistNeedsTalk(of(2025, 5, 1), of(2025, 5, 1)));
  }

  // ---- activist

  @Test
  void refusesCandidateBeforeOneYearAsActivist() {
    Decision decision = RecruitmentRules.activistOneYear(of(2024, 3, 10), of(2025, 3, 9));
    assertRefused(decision, RecruitmentRule.ACTIVIST_ONE_YEAR, of(2025, 3, 10));
    assertThat(((Decision.Refused) decision).rule()).isEqualTo("activist-one-year");
    assertThat(((Decision.Refused) decision).messageKey())
        .isEqualTo("recruitment.rule.activist-one-year");
  }

  @Test
  void allowsCandidateOnTheFirstAnniversaryOfActivistDesignationAndAfter() {
    assertAllowed(RecruitmentRules.activistOneYear(of(2024, 3, 10), of(2025, 3, 10)));
    assertAllowed(RecruitmentRules.activistOneYear(of(2024, 3, 10), of(2025, 3, 11)));
  }

  @Test
  void activistOf29February2024MayBecomeCandidateOn28February2025BecausePlusYearsClamps() {
    LocalDate activist = of(2024, 2, 29);
    assertThat(RecruitmentRules.earliestCandidateDesignation(activist)).isEqualTo(of(2025, 2, 28));
    assertRefused(
        RecruitmentRules.activistOneYear(activist, of(2025, 2, 27)),
        RecruitmentRule.ACTIVIST_ONE_YEAR,
        of(2025, 2, 28));
    assertAllowed(RecruitmentRules.activistOneYear(activist, of(2025, 2, 28)));
    assertAllowed(RecruitmentRules.activistOneYear(activist, of(2025, 3, 1)));
  }

  @Test
  void activistOf28February2023MayBecomeCandidateOn28February2024NotOn29() {
    assertRefused(
        RecruitmentRules.activistOneYear(of(2023, 2, 28), of(2024, 2, 27)),
        RecruitmentRule.ACTIVIST_ONE_YEAR,
        of(2024, 2, 28));
    assertAllowed(RecruitmentRules.activistOneYear(of(2023, 2, 28), of(2024, 2, 28)));
  }

  @Test
  void nextActivistReviewIsDueSixMonthsAfterTheLast() {
    assertThat(RecruitmentRules.nextReviewDue(of(2024, 1, 10))).isEqualTo(of(2024, 7, 10));
    assertThat(RecruitmentRules.nextReviewDue(of(2023, 8, 31))).isEqualTo(of(2024, 2, 29));
    assertThat(RecruitmentRules.nextReviewDue(of(2024, 8, 31))).isEqualTo(of(2025, 2, 28));
  }

  @Test
  void refusesCandidateWithoutAnyActivistReview() {
    assertRefused(
        RecruitmentRules.candidateNeedsReview(null, of(2025, 3, 10)),
        RecruitmentRule.CANDIDATE_NEEDS_REVIEW);
  }

  @Test
  void refusesCandidateTheDayAfterTheLastReviewIsSixMonthsOld() {
    assertAllowed(RecruitmentRules.candidateNeedsReview(of(2024, 1, 10), of(2024, 7, 10)));
    assertRefused(
        RecruitmentRules.candidateNeedsReview(of(2024, 1, 10), of(2024, 7, 11)),
        RecruitmentRule.CANDIDATE_NEEDS_REVIEW);
  }

  @Test
  void refusesCandidateOnAReviewDatedAfterTheDesignation() {
    assertRefused(
        RecruitmentRules.candidateNeedsReview(of(2024, 7, 11), of(2024, 7, 10)),
        RecruitmentRule.CANDIDATE_NEEDS_REVIEW);
    assertAllowed(RecruitmentRules.candidateNeedsReview(of(2024, 7, 10), of(2024, 7, 10)));
  }

  // ---- candidate

  @Test
  void allowsTwoDifferentFullMembersAsIntroducers() {
    List<Introducer> two = List.of(Introducer.fullMember(1), Introducer.fullMember(2));
    assertAllowed(RecruitmentRules.twoIntroducers(two));
    assertAllowed(RecruitmentRules.introducerNotSelf(3, two));
    assertAllowed(RecruitmentRules.introducersFullMembers(two));
  }

  @Test
  void refusesOtherThanTwoIntroducers() {
    assertRefused(
        RecruitmentRules.twoIntroducers(List.of(Introducer.fullMember(1))),
        RecruitmentRule.INTRODUCERS_TWO);
    assertRefused(
        RecruitmentRules.twoIntroducers(
            List.of(Introducer.fullMember(1), Introducer.fullMember(2), Introducer.fullMember(3))),
        RecruitmentRule.INTRODUCERS_TWO);
  }

  @Test
  void refusesTheSameIntroducerTwice() {
    assertRefused(
        RecruitmentRules.twoIntroducers(
            List.of(Introducer.fullMember(1), Introducer.fullMember(1))),
        RecruitmentRule.INTRODUCERS_TWO);
  }

  @Test
  void refusesTheCandidateAsTheirOwnIntroducer() {
    assertRefused(
        RecruitmentRules.introducerNotSelf(
            7, List.of(Introducer.fullMember(1), Introducer.fullMember(7))),
        RecruitmentRule.INTRODUCER_NOT_SELF);
  }

  @ParameterizedTest
  @EnumSource(
      value = RecruitmentStage.class,
      names = {"FULL"},
      mode = EnumSource.Mode.EXCLUDE)
  void refusesAnIntroducerWhoIsNotAFullMember(RecruitmentStage stage) {
    assertRefused(
        RecruitmentRules.introducersFullMembers(
            List.of(Introducer.fullMember(1), new Introducer(123456, stage))),
        RecruitmentRule.INTRODUCER_FULL_MEMBER,
        123456L);
  }

  @Test
  void allowsTrainingOfThreeDaysOrOf24ClassHours() {
    assertAllowed(RecruitmentRules.trainingDuration(3, 0));
    assertAllowed(RecruitmentRules.trainingDuration(0, 24));
    assertAllowed(RecruitmentRules.trainingDuration(2, 24));
  }

  @Test
  void refusesTrainingShorterThanThreeDaysAnd24ClassHours() {
    assertRefused(
        RecruitmentRules.trainingDuration(2, 23), RecruitmentRule.TRAINING_DURATION, 2, 23);
  }

  @Test
  void refusesBranchAdmissionWithoutIntroducers() {
    assertRefused(
        RecruitmentRules.admissionNeedsIntroducers(false),
        RecruitmentRule.ADMISSION_NEEDS_INTRODUCERS);
    assertAllowed(RecruitmentRules.admissionNeedsIntroducers(true));
  }

  @Test
  void refusesBranchAdmissionWithoutPoliticalReview() {
    assertRefused(
        RecruitmentRules.admissionNeedsPoliticalReview(false),
        RecruitmentRule.ADMISSION_NEEDS_POLITICAL_REVIEW);
    assertAllowed(RecruitmentRules.admissionNeedsPoliticalReview(true));
  }

  @Test
  void refusesBranchAdmissionWithoutTraining() {
    assertRefused(
        RecruitmentRules.admissionNeedsTraining(false), RecruitmentRule.ADMISSION_NEEDS_TRAINING);
    assertAllowed(RecruitmentRules.admissionNeedsTraining(true));
  }

  // ---- probationary member

  @Test
  void allowsApprovalOnTheDayThreeMonthsAfterTheBranchMeeting() {
    assertThat(RecruitmentRules.approvalDeadline(of(2024, 6, 15))).isEqualTo(of(2024, 9, 15));
    assertAllowed(
        RecruitmentRules.approvalWithinThreeMonths(of(2024, 6, 15), of(2024, 9, 15), false));
  }

  @Test
  void refusesApprovalTheDayAfterThreeMonthsWithoutSpecialReason() {
    assertRefused(
        RecruitmentRules.approvalWithinThreeMonths(of(2024, 6, 15), of(2024, 9, 16), false),
        RecruitmentRule.APPROVAL_THREE_MONTHS,
        of(2024, 9, 15));
  }

  @Test
  void allowsApprovalAfterThreeMonthsWithSpecialReason() {
    assertAllowed(
        RecruitmentRules.approvalWithinThreeMonths(of(2024, 6, 15), of(2024, 9, 16), true));
  }

  @Test
  void approvalOfABranchMeetingOn30NovemberIsDueOnTheLastDayOfFebruary() {
    assertRefused(
        RecruitmentRules.approvalWithinThreeMonths(of(2024, 11, 30), of(2025, 3, 1), false),
        RecruitmentRule.APPROVAL_THREE_MONTHS,
        of(2025, 2, 28));
    assertAllowed(
        RecruitmentRules.approvalWithinThreeMonths(of(2024, 11, 30), of(2025, 2, 28), false));
    assertAllowed(
        RecruitmentRules.approvalWithinThreeMonths(of(2023, 11, 30), of(2024, 2, 29), false));
    assertRefused(
        RecruitmentRules.approvalWithinThreeMonths(of(2023, 11, 30), of(2024, 3, 1), false),
        RecruitmentRule.APPROVAL_THREE_MONTHS,
        of(2024, 2, 29));
  }

  @Test
  void refusesApprovalTheDayAfterSixMonthsWhateverTheReason() {
    assertAllowed(RecruitmentRules.approvalWithinSixMonths(of(2024, 11, 30), of(2025, 5, 30)));
    assertRefused(
        RecruitmentRules.approvalWithinSixMonths(of(2024, 11, 30), of(2025, 5, 31)),
        RecruitmentRule.APPROVAL_SIX_MONTHS,
        of(2025, 5, 30));
  }

  @Test
  void probationEndsOneYearAfterTheBranchMeeting() {
    assertThat(RecruitmentRules.probationEnd(of(2024, 7, 1), 0)).isEqualTo(of(2025, 7, 1));
    assertThat(RecruitmentRules.probationEnd(of(2024, 2, 29), 0)).isEqualTo(of(2025, 2, 28));
  }

  @Test
  void extendedProbationIsCountedFromTheBranchMeetingSo29FebruaryPlus18MonthsIs29August() {
    assertThat(RecruitmentRules.probationEnd(of(2024, 2, 29), 6)).isEqualTo(of(2025, 8, 29));
    assertThat(RecruitmentRules.probationEnd(of(2024, 2, 29), 12)).isEqualTo(of(2026, 2, 28));
    assertThat(RecruitmentRules.probationEnd(of(2024, 7, 1), 7)).isEqualTo(of(2026, 2, 1));
  }

  @Test
  void refusesConversionOrExtensionBeforeCommitteeApproval() {
    assertRefused(
        RecruitmentRules.probationNeedsApproval(false), RecruitmentRule.PROBATION_NEEDS_APPROVAL);
    assertAllowed(RecruitmentRules.probationNeedsApproval(true));
  }

  @Test
  void refusesASecondExtension() {
    assertRefused(RecruitmentRules.extensionOnce(true), RecruitmentRule.EXTENSION_ONCE);
    assertAllowed(RecruitmentRules.extensionOnce(false));
  }

  @Test
  void refusesExtensionShorterThanSixOrLongerThanTwelveMonths() {
    assertRefused(RecruitmentRules.extensionLength(5), RecruitmentRule.EXTENSION_LENGTH, 5);
    assertAllowed(RecruitmentRules.extensionLength(6));
    assertAllowed(RecruitmentRules.extensionLength(12));
    assertRefused(RecruitmentRules.extensionLength(13), RecruitmentRule.EXTENSION_LENGTH, 13);
    assertRefused(RecruitmentRules.extensionLength(0), RecruitmentRule.EXTENSION_LENGTH, 0);
  }

  @Test
  void refusesExtensionTheDayBeforeTheProbationEnds() {
    assertRefused(
        RecruitmentRules.extensionAtProbationEnd(of(2025, 7, 1), of(2025, 6, 30)),
        RecruitmentRule.EXTENSION_AT_PROBATION_END,
        of(2025, 7, 1));
    assertAllowed(RecruitmentRules.extensionAtProbationEnd(of(2025, 7, 1), of(2025, 7, 1)));
  }

  @Test
  void refusesConversionTheDayBeforeTheProbationEnds() {
    assertRefused(
        RecruitmentRules.conversionAfterProbation(of(2025, 7, 1), of(2025, 6, 30)),
        RecruitmentRule.CONVERSION_AFTER_PROBATION,
        of(2025, 7, 1));
  }

  @Test
  void allowsConversionOnTheDayTheProbationEndsAndAfter() {
    assertAllowed(RecruitmentRules.conversionAfterProbation(of(2025, 7, 1), of(2025, 7, 1)));
    assertAllowed(RecruitmentRules.conversionAfterProbation(of(2025, 7, 1), of(2025, 7, 2)));
  }
}
