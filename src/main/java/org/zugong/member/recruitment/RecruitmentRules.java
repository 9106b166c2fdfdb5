package org.zugong.member.recruitment;

import static org.zugong.member.recruitment.RecruitmentRule.ACTIVIST_NEEDS_TALK;
import static org.zugong.member.recruitment.RecruitmentRule.ACTIVIST_ONE_YEAR;
import static org.zugong.member.recruitment.RecruitmentRule.ADMISSION_NEEDS_INTRODUCERS;
import static org.zugong.member.recruitment.RecruitmentRule.ADMISSION_NEEDS_POLITICAL_REVIEW;
import static org.zugong.member.recruitment.RecruitmentRule.ADMISSION_NEEDS_TRAINING;
import static org.zugong.member.recruitment.RecruitmentRule.APPLICANT_AGE;
import static org.zugong.member.recruitment.RecruitmentRule.APPLICATION_FIRST;
import static org.zugong.member.recruitment.RecruitmentRule.APPROVAL_SIX_MONTHS;
import static org.zugong.member.recruitment.RecruitmentRule.APPROVAL_THREE_MONTHS;
import static org.zugong.member.recruitment.RecruitmentRule.CANDIDATE_NEEDS_REVIEW;
import static org.zugong.member.recruitment.RecruitmentRule.CHRONOLOGICAL_ORDER;
import static org.zugong.member.recruitment.RecruitmentRule.CONVERSION_AFTER_PROBATION;
import static org.zugong.member.recruitment.RecruitmentRule.EXTENSION_AT_PROBATION_END;
import static org.zugong.member.recruitment.RecruitmentRule.EXTENSION_LENGTH;
import static org.zugong.member.recruitment.RecruitmentRule.EXTENSION_ONCE;
import static org.zugong.member.recruitment.RecruitmentRule.INTRODUCERS_TWO;
import static org.zugong.member.recruitment.RecruitmentRule.INTRODUCER_FULL_MEMBER;
import static org.zugong.member.recruitment.RecruitmentRule.INTRODUCER_NOT_SELF;
import static org.zugong.member.recruitment.RecruitmentRule.PROBATION_NEEDS_APPROVAL;
import static org.zugong.member.recruitment.RecruitmentRule.RECRUITMENT_STOPPED;
import static org.zugong.member.recruitment.RecruitmentRule.STAGE_ORDER;
import static org.zugong.member.recruitment.RecruitmentRule.STEP_ONCE;
import static org.zugong.member.recruitment.RecruitmentRule.TRAINING_DURATION;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;

/**
 * The rules of the detailed rules on recruitment (中国共产党发展党员工作细则, 2014), one function each, and the
 * deadlines they set.
 *
 * <p>Periods are counted with {@code java.time}'s {@code plusMonths}/{@code plusYears}: a period
 * that would end on a day the month lacks ends on the month's last day (2024-02-29 plus one year is
 * 2025-02-28). "Within" and "at least" include the day itself, as 以上/以内 include the number (刑法
 * 第九十九条 sets the same reading): one year after 2024-03-10 is reached on 2025-03-10.
 */
public final class RecruitmentRules {

  public static final int ADULT_AGE = 18;
  public static final int TALK_MONTHS = 1;
  public static final int REVIEW_MONTHS = 6;
  public static final int ACTIVIST_YEARS = 1;
  public static final int MIN_TRAINING_DAYS = 3;
  public static final int MIN_TRAINING_CLASS_HOURS = 24;
  public static final int APPROVAL_MONTHS = 3;
  public static final int APPROVAL_SPECIAL_MONTHS = 6;
  public static final int PROBATION_MONTHS = 12;
  public static final int MIN_EXTENSION_MONTHS = 6;
  public static final int MAX_EXTENSION_MONTHS = 12;

  private RecruitmentRules() {}

  // ---- the order of the steps

  /** Nothing more is recorded once the recruitment has stopped. */
  public static Decision notStopped(RecruitmentStage stage) {
    return stage == RecruitmentStage.STOPPED ? RECRUITMENT_STOPPED.refuse() : Decision.ALLOWED;
  }

  /** Every recruitment begins with the application (第七条). */
  public static Decision applicationFirst(RecruitmentStepKind kind, boolean nothingRecorded) {
    return nothingRecorded && kind != RecruitmentStepKind.APPLICATION
        ? APPLICATION_FIRST.refuse()
        : Decision.ALLOWED;
  }

  /** Steps that happen once: a second one would contradict the first. */
  public static Decision stepOnce(RecruitmentStepKind kind, boolean alreadyRecorded) {
    boolean once =
        switch (kind) {
          case APPLICATION,
              TALK,
              ACTIVIST_DESIGNATION,
              CANDIDATE_DESIGNATION,
              BRANCH_ADMISSION,
              COMMITTEE_APPROVAL,
              CONVERSION,
              STOP ->
              true;
          // Reviews recur; introducers may be replaced; a review or a training may be redone.
          // An extension has its own rule, extension-once.
          case ACTIVIST_REVIEW, INTRODUCERS, POLITICAL_REVIEW, TRAINING, PROBATION_EXTENSION ->
              false;
        };
    return once && alreadyRecorded ? STEP_ONCE.refuse() : Decision.ALLOWED;
  }

  /** Each step belongs to a stage; a full member's recruitment is over and cannot be stopped. */
  public static Decision stageOrder(RecruitmentStepKind kind, RecruitmentStage stage) {
    boolean allowed =
        switch (kind) {
          case APPLICATION, TALK, ACTIVIST_DESIGNATION -> stage == RecruitmentStage.APPLICANT;
          case ACTIVIST_REVIEW, CANDIDATE_DESIGNATION -> stage == RecruitmentStage.ACTIVIST;
          case INTRODUCERS, POLITICAL_REVIEW, TRAINING, BRANCH_ADMISSION ->
              stage == RecruitmentStage.CANDIDATE;
          case COMMITTEE_APPROVAL, PROBATION_EXTENSION, CONVERSION ->
              stage == RecruitmentStage.PROBATIONARY;
          case STOP -> stage != RecruitmentStage.FULL && stage != RecruitmentStage.STOPPED;
        };
    return allowed ? Decision.ALLOWED : STAGE_ORDER.refuse();
  }

  /** A step is not dated before the step it follows. */
  public static Decision chronologicalOrder(LocalDate earliest, LocalDate date) {
    return date.isBefore(earliest) ? CHRONOLOGICAL_ORDER.refuse(earliest) : Decision.ALLOWED;
  }

  // ---- applicant

  public static LocalDate eighteenthBirthday(LocalDate birthDate) {
    return birthDate.plusYears(ADULT_AGE);
  }

  /** 年满十八岁 (第五条): the applicant is at least 18 on the day of the application. */
  public static Decision applicantAtLeastEighteen(LocalDate birthDate, LocalDate applicationDate) {
    LocalDate adult = eighteenthBirthday(birthDate);
    return applicationDate.isBefore(adult) ? APPLICANT_AGE.refuse(adult) : Decision.ALLOWED;
  }

  /** The party organization talks with the applicant within one month (第八条). */
  public static LocalDate talkDeadline(LocalDate applicationDate) {
    return applicationDate.plusMonths(TALK_MONTHS);
  }

  /** An applicant becomes an activist only after the talk. */
  public static Decision activistNeedsTalk(
      @Nullable LocalDate talkDate, LocalDate designationDate) {
    return talkDate == null || talkDate.isAfter(designationDate)
        ? ACTIVIST_NEEDS_TALK.refuse()
        : Decision.ALLOWED;
  }

  // ---- activist

  /** The branch reviews an activist every six months (第十五条), counted from the last review. */
  public static LocalDate nextReviewDue(LocalDate lastReviewOrDesignation) {
    return lastReviewOrDesignation.plusMonths(REVIEW_MONTHS);
  }

  public static LocalDate earliestCandidateDesignation(LocalDate activistDesignationDate) {
    return activistDesignationDate.plusYears(ACTIVIST_YEARS);
  }

  /** 经过一年以上培养教育和考察 (第十六条): a candidate has been an activist for at least one year. */
  public static Decision activistOneYear(LocalDate activistDesignationDate, LocalDate date) {
    LocalDate earliest = earliestCandidateDesignation(activistDesignationDate);
    return date.isBefore(earliest) ? ACTIVIST_ONE_YEAR.refuse(earliest) : Decision.ALLOWED;
  }

  /**
   * A candidate is designated on a current review (第十五、十六条): the last review is no older than the
   * six months after which the next one falls due.
   */
  public static Decision candidateNeedsReview(@Nullable LocalDate lastReview, LocalDate date) {
    return lastReview == null
            || lastReview.isAfter(date)
            || nextReviewDue(lastReview).isBefore(date)
        ? CANDIDATE_NEEDS_REVIEW.refuse()
        : Decision.ALLOWED;
  }

  // ---- candidate

  /** 两名入党介绍人 (第十七条): exactly two, and two different members. */
  public static Decision twoIntroducers(List<Introducer> introducers) {
    Set<Long> ids = new HashSet<>();
    introducers.forEach(i -> ids.add(i.memberId()));
    return introducers.size() == 2 && ids.size() == 2 ? Decision.ALLOWED : INTRODUCERS_TWO.refuse();
  }

  /** Nobody introduces themselves: no introducer is the person being recruited. */
  public static Decision introducerNotSelf(long personId, List<Introducer> introducers) {
    return introducers.stream().anyMatch(i -> i.personId() == personId)
        ? INTRODUCER_NOT_SELF.refuse()
        : Decision.ALLOWED;
  }

  /** 入党介绍人 are full members (正式党员, 第十七条); a probationary member cannot introduce. */
  public static Decision introducersFullMembers(List<Introducer> introducers) {
    return introducers.stream()
        .filter(i -> i.stage() != RecruitmentStage.FULL)
        .findFirst()
        .map(i -> INTRODUCER_FULL_MEMBER.refuse(i.memberId()))
        .orElse(Decision.ALLOWED);
  }

  /** 集中培训 lasts at least 3 days or at least 24 class hours (第二十条). */
  public static Decision trainingDuration(int days, int classHours) {
    return days >= MIN_TRAINING_DAYS || classHours >= MIN_TRAINING_CLASS_HOURS
        ? Decision.ALLOWED
        : TRAINING_DURATION.refuse(days, classHours);
  }

  /** The branch meeting admits a candidate who has two introducers (第十七、二十四条). */
  public static Decision admissionNeedsIntroducers(boolean named) {
    return named ? Decision.ALLOWED : ADMISSION_NEEDS_INTRODUCERS.refuse();
  }

  /** ... whose political review is done (第十九条). */
  public static Decision admissionNeedsPoliticalReview(boolean done) {
    return done ? Decision.ALLOWED : ADMISSION_NEEDS_POLITICAL_REVIEW.refuse();
  }

  /** ... and who has been trained (第二十条). */
  public static Decision admissionNeedsTraining(boolean done) {
    return done ? Decision.ALLOWED : ADMISSION_NEEDS_TRAINING.refuse();
  }

  // ---- probationary member

  /** The committee approves within three months of the branch meeting (第二十六条). */
  public static LocalDate approvalDeadline(LocalDate branchAdmissionDate) {
    return branchAdmissionDate.plusMonths(APPROVAL_MONTHS);
  }

  /** With a special reason the committee may take longer, never more than six months. */
  public static LocalDate approvalLatestDeadline(LocalDate branchAdmissionDate) {
    return branchAdmissionDate.plusMonths(APPROVAL_SPECIAL_MONTHS);
  }

  /** Later than three months only with a recorded special reason. */
  public static Decision approvalWithinThreeMonths(
      LocalDate branchAdmissionDate, LocalDate date, boolean specialReason) {
    LocalDate deadline = approvalDeadline(branchAdmissionDate);
    return date.isAfter(deadline) && !specialReason
        ? APPROVAL_THREE_MONTHS.refuse(deadline)
        : Decision.ALLOWED;
  }

  /** Never later than six months, whatever the reason. */
  public static Decision approvalWithinSixMonths(LocalDate branchAdmissionDate, LocalDate date) {
    LocalDate deadline = approvalLatestDeadline(branchAdmissionDate);
    return date.isAfter(deadline) ? APPROVAL_SIX_MONTHS.refuse(deadline) : Decision.ALLOWED;
  }

  /**
   * 预备期为一年, counted from the day the branch meeting admitted the member (第二十八条), plus the
   * extension. The whole period is counted from that day, so that an admission on 29 February
   * extended by six months ends on 29 August, not on 28 August.
   */
  public static LocalDate probationEnd(LocalDate branchAdmissionDate, int extensionMonths) {
    return branchAdmissionDate.plusMonths(PROBATION_MONTHS + (long) extensionMonths);
  }

  /** Conversion and extension decide on a probation the committee has approved. */
  public static Decision probationNeedsApproval(boolean approved) {
    return approved ? Decision.ALLOWED : PROBATION_NEEDS_APPROVAL.refuse();
  }

  /** The probation is extended once only (第三十二条). */
  public static Decision extensionOnce(boolean alreadyExtended) {
    return alreadyExtended ? EXTENSION_ONCE.refuse() : Decision.ALLOWED;
  }

  /** 延长时间不能少于半年，最多不超过一年 (第三十二条). */
  public static Decision extensionLength(int months) {
    return months >= MIN_EXTENSION_MONTHS && months <= MAX_EXTENSION_MONTHS
        ? Decision.ALLOWED
        : EXTENSION_LENGTH.refuse(months);
  }

  /** The branch decides to extend when the probation has ended (预备期满, 第三十二条). */
  public static Decision extensionAtProbationEnd(LocalDate probationEnd, LocalDate date) {
    return date.isBefore(probationEnd)
        ? EXTENSION_AT_PROBATION_END.refuse(probationEnd)
        : Decision.ALLOWED;
  }

  /** A probationary member becomes a full member when the probation has ended, not before. */
  public static Decision conversionAfterProbation(LocalDate probationEnd, LocalDate date) {
    return date.isBefore(probationEnd)
        ? CONVERSION_AFTER_PROBATION.refuse(probationEnd)
        : Decision.ALLOWED;
  }
}
