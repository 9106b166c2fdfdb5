package org.zugong.member.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;

/**
 * The recruitment of one person (发展党员): the steps recorded so far and the stage they lead to. Each
 * step is recorded only if the rules allow it; a refused step leaves the recruitment as it was.
 */
public final class Recruitment {

  private final long personId;
  private final LocalDate birthDate;
  private final List<RecruitmentStep> steps = new ArrayList<>();
  private RecruitmentStage stage = RecruitmentStage.APPLICANT;

  private Recruitment(long personId, LocalDate birthDate) {
    this.personId = personId;
    this.birthDate = birthDate;
  }

  /** A recruitment with nothing recorded yet; its first step is the application. */
  public static Recruitment of(long personId, LocalDate birthDate) {
    return new Recruitment(personId, birthDate);
  }

  /**
   * A recruitment rebuilt from steps recorded before, in their order.
   *
   * @throws org.zugong.shared.InvalidValueException if a step breaks a rule
   */
  public static Recruitment replay(
      long personId, LocalDate birthDate, List<RecruitmentStep> steps) {
    Recruitment recruitment = new Recruitment(personId, birthDate);
    steps.forEach(step -> recruitment.record(step).orThrow());
    return recruitment;
  }

  /** Records the step if the rules allow it, and moves to the stage it leads to. */
  public Decision record(RecruitmentStep step) {
    Decision decision = decide(step);
    if (decision instanceof Decision.Allowed) {
      steps.add(step);
      stage = stageAfter(step.kind(), stage);
    }
    return decision;
  }

  public long personId() {
    return personId;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public RecruitmentStage stage() {
    return stage;
  }

  public List<RecruitmentStep> steps() {
    return List.copyOf(steps);
  }

  public Optional<RecruitmentStep> first(RecruitmentStepKind kind) {
    return steps.stream().filter(s -> s.kind() == kind).findFirst();
  }

  public Optional<RecruitmentStep> last(RecruitmentStepKind kind) {
    return steps.reversed().stream().filter(s -> s.kind() == kind).findFirst();
  }

  /** The extension recorded, in months; 0 when none. */
  public int extensionMonths() {
    return first(RecruitmentStepKind.PROBATION_EXTENSION)
        .map(s -> ((StepDetails.Extension) s.details()).months())
        .orElse(0);
  }

  /** The day the probation ends, extension included, once the branch meeting has admitted. */
  public Optional<LocalDate> probationEnd() {
    return first(RecruitmentStepKind.BRANCH_ADMISSION)
        .map(s -> RecruitmentRules.probationEnd(s.date(), extensionMonths()));
  }

  private Decision decide(RecruitmentStep step) {
    RecruitmentStepKind kind = step.kind();
    LocalDate date = step.date();
    return firstRefusal(
        () -> RecruitmentRules.notStopped(stage),
        () -> RecruitmentRules.applicationFirst(kind, steps.isEmpty()),
        () -> RecruitmentRules.stepOnce(kind, first(kind).isPresent()),
        () -> RecruitmentRules.stageOrder(kind, stage),
        () -> RecruitmentRules.chronologicalOrder(earliestDateFor(kind), date),
        () -> rulesOf(step));
  }

  private Decision rulesOf(RecruitmentStep step) {
    LocalDate date = step.date();
    return switch (step.kind()) {
      case APPLICATION -> RecruitmentRules.applicantAtLeastEighteen(birthDate, date);
      case TALK, ACTIVIST_REVIEW, POLITICAL_REVIEW, STOP -> Decision.ALLOWED;
      case ACTIVIST_DESIGNATION ->
          RecruitmentRules.activistNeedsTalk(firstDate(RecruitmentStepKind.TALK), date);
      case CANDIDATE_DESIGNATION ->
          firstRefusal(
              () -> RecruitmentRules.activistOneYear(stageStart(), date),
              () ->
                  RecruitmentRules.candidateNeedsReview(
                      lastDate(RecruitmentStepKind.ACTIVIST_REVIEW), date));
      case INTRODUCERS -> {
        List<Introducer> introducers = ((StepDetails.Introducers) step.details()).introducers();
        yield firstRefusal(
            () -> RecruitmentRules.twoIntroducers(introducers),
            () -> RecruitmentRules.introducerNotSelf(personId, introducers),
            () -> RecruitmentRules.introducersFullMembers(introducers));
      }
      case TRAINING -> {
        StepDetails.Training training = (StepDetails.Training) step.details();
        yield RecruitmentRules.trainingDuration(training.days(), training.classHours());
      }
      case BRANCH_ADMISSION ->
          firstRefusal(
              () ->
                  RecruitmentRules.admissionNeedsIntroducers(
                      doneBy(RecruitmentStepKind.INTRODUCERS, date)),
              () ->
                  RecruitmentRules.admissionNeedsPoliticalReview(
                      doneBy(RecruitmentStepKind.POLITICAL_REVIEW, date)),
              () ->
                  RecruitmentRules.admissionNeedsTraining(
                      doneBy(RecruitmentStepKind.TRAINING, date)));
      case COMMITTEE_APPROVAL -> {
        boolean specialReason = ((StepDetails.Approval) step.details()).hasSpecialReason();
        yield firstRefusal(
            () -> RecruitmentRules.approvalWithinSixMonths(stageStart(), date),
            () -> RecruitmentRules.approvalWithinThreeMonths(stageStart(), date, specialReason));
      }
      case PROBATION_EXTENSION -> {
        int months = ((StepDetails.Extension) step.details()).months();
        yield firstRefusal(
            () ->
                RecruitmentRules.extensionOnce(
                    first(RecruitmentStepKind.PROBATION_EXTENSION).isPresent()),
            () ->
                RecruitmentRules.probationNeedsApproval(
                    first(RecruitmentStepKind.COMMITTEE_APPROVAL).isPresent()),
            () -> RecruitmentRules.extensionLength(months),
            () ->
                RecruitmentRules.extensionAtProbationEnd(
                    RecruitmentRules.probationEnd(stageStart(), 0), date));
      }
      case CONVERSION ->
          firstRefusal(
              () ->
                  RecruitmentRules.probationNeedsApproval(
                      first(RecruitmentStepKind.COMMITTEE_APPROVAL).isPresent()),
              () -> RecruitmentRules.conversionAfterProbation(probationEnd().orElseThrow(), date));
    };
  }

  /**
   * A step that changes the stage, or stops, is not dated before any step recorded; any other step
   * is not dated before the step that opened the current stage, so that the steps of one stage (the
   * introducers, the political review, the training) may be entered in any order.
   */
  private LocalDate earliestDateFor(RecruitmentStepKind kind) {
    if (steps.isEmpty()) {
      return LocalDate.MIN;
    }
    return stageAfter(kind, stage) != stage ? latestDate() : stageStart();
  }

  /** The latest date recorded, which need not be the date of the last step recorded. */
  private LocalDate latestDate() {
    return steps.stream().map(RecruitmentStep::date).max(LocalDate::compareTo).orElseThrow();
  }

  /** The day the current stage began: the application, or the step that led to this stage. */
  private LocalDate stageStart() {
    return steps.reversed().stream()
        .filter(s -> s.kind() == RecruitmentStepKind.APPLICATION || stageChanging(s.kind()))
        .findFirst()
        .map(RecruitmentStep::date)
        .orElseThrow();
  }

  private boolean doneBy(RecruitmentStepKind kind, LocalDate date) {
    return steps.stream().anyMatch(s -> s.kind() == kind && !s.date().isAfter(date));
  }

  private static boolean stageChanging(RecruitmentStepKind kind) {
    return stageAfter(kind, RecruitmentStage.APPLICANT) != RecruitmentStage.APPLICANT;
  }

  private static RecruitmentStage stageAfter(RecruitmentStepKind kind, RecruitmentStage current) {
    return switch (kind) {
      case ACTIVIST_DESIGNATION -> RecruitmentStage.ACTIVIST;
      case CANDIDATE_DESIGNATION -> RecruitmentStage.CANDIDATE;
      case BRANCH_ADMISSION -> RecruitmentStage.PROBATIONARY;
      case CONVERSION -> RecruitmentStage.FULL;
      case STOP -> RecruitmentStage.STOPPED;
      case APPLICATION,
          TALK,
          ACTIVIST_REVIEW,
          INTRODUCERS,
          POLITICAL_REVIEW,
          TRAINING,
          COMMITTEE_APPROVAL,
          PROBATION_EXTENSION ->
          current;
    };
  }

  private @Nullable LocalDate firstDate(RecruitmentStepKind kind) {
    return first(kind).map(RecruitmentStep::date).orElse(null);
  }

  private @Nullable LocalDate lastDate(RecruitmentStepKind kind) {
    return last(kind).map(RecruitmentStep::date).orElse(null);
  }

  /** A rule not yet evaluated, so that a rule runs only when those before it allowed the step. */
  @FunctionalInterface
  private interface Rule {
    Decision check();
  }

  private static Decision firstRefusal(Rule... rules) {
    for (Rule rule : rules) {
      Decision decision = rule.check();
      if (decision instanceof Decision.Refused) {
        return decision;
      }
    }
    return Decision.ALLOWED;
  }
}
