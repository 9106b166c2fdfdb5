package org.zugong.member.recruitment;

import org.zugong.shared.Decision;

/**
 * The rules a recruitment step can break, each with the id a refusal names and its message key
 * {@code recruitment.rule.<id>}.
 */
public enum RecruitmentRule {
  RECRUITMENT_STOPPED("recruitment-stopped"),
  APPLICATION_FIRST("application-first"),
  STEP_ONCE("step-once"),
  STAGE_ORDER("stage-order"),
  CHRONOLOGICAL_ORDER("chronological-order"),
  APPLICANT_AGE("applicant-age"),
  ACTIVIST_NEEDS_TALK("activist-needs-talk"),
  ACTIVIST_ONE_YEAR("activist-one-year"),
  CANDIDATE_NEEDS_REVIEW("candidate-needs-review"),
  INTRODUCERS_TWO("introducers-two"),
  INTRODUCER_NOT_SELF("introducer-not-self"),
  INTRODUCER_FULL_MEMBER("introducer-full-member"),
  TRAINING_DURATION("training-duration"),
  ADMISSION_NEEDS_INTRODUCERS("admission-needs-introducers"),
  ADMISSION_NEEDS_POLITICAL_REVIEW("admission-needs-political-review"),
  ADMISSION_NEEDS_TRAINING("admission-needs-training"),
  APPROVAL_THREE_MONTHS("approval-three-months"),
  APPROVAL_SIX_MONTHS("approval-six-months"),
  PROBATION_NEEDS_APPROVAL("probation-needs-approval"),
  EXTENSION_ONCE("extension-once"),
  EXTENSION_LENGTH("extension-length"),
  EXTENSION_AT_PROBATION_END("extension-at-probation-end"),
  CONVERSION_AFTER_PROBATION("conversion-after-probation");

  private final String id;

  RecruitmentRule(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public String messageKey() {
    return "recruitment.rule." + id;
  }

  Decision refuse(Object... arguments) {
    return Decision.refused(id, messageKey(), arguments);
  }
}
