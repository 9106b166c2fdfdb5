package org.zugong.member.recruitment;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.shared.InvalidValueException;

/** A step validates what it carries. */
class RecruitmentStepTest {

  @Test
  void refusesAStepWithoutDecidingBody() {
    assertThatThrownBy(() -> RecruitmentStep.of(RecruitmentStepKind.TALK, of(2025, 1, 1), " "))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("recruitment.invalid.decided-by"));
  }

  @Test
  void refusesNegativeTrainingDaysOrHours() {
    assertThatThrownBy(() -> RecruitmentStep.training(of(2025, 1, 1), "党校", -1, 24))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("recruitment.invalid.training"));
    assertThatThrownBy(() -> RecruitmentStep.training(of(2025, 1, 1), "党校", 3, -1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesAStopWithoutReason() {
    assertThatThrownBy(() -> RecruitmentStep.stop(of(2025, 1, 1), "第一党支部", "  "))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("recruitment.invalid.stop-reason"));
  }

  @Test
  void treatsABlankSpecialReasonAsNone() {
    assertThat(new StepDetails.Approval(" ").hasSpecialReason()).isFalse();
    assertThat(new StepDetails.Approval(null).hasSpecialReason()).isFalse();
    assertThat(new StepDetails.Approval("党委换届").hasSpecialReason()).isTrue();
  }

  @Test
  void refusesDetailsThatDoNotFitTheKind() {
    assertThatThrownBy(() -> RecruitmentStep.of(RecruitmentStepKind.TRAINING, of(2025, 1, 1), "党校"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RecruitmentStep(
                    RecruitmentStepKind.TALK,
                    of(2025, 1, 1),
                    "第一党支部",
                    List.of(),
                    new StepDetails.Extension(6)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesTheIntroducersAsThePeopleInvolved() {
    RecruitmentStep step =
        RecruitmentStep.introducers(
            of(2025, 1, 1), "第一党支部", Introducer.fullMember(11), Introducer.fullMember(12));
    assertThat(step.people()).containsExactly(11L, 12L);
    assertThat(step.details())
        .isEqualTo(
            new StepDetails.Introducers(
                List.of(Introducer.fullMember(11), Introducer.fullMember(12))));
  }

  @Test
  void keepsItsOwnCopyOfThePeople() {
    List<Long> people = new ArrayList<>(List.of(1L, 2L));
    RecruitmentStep step =
        new RecruitmentStep(
            RecruitmentStepKind.TALK, of(2025, 1, 1), "第一党支部", people, StepDetails.NONE);
    people.add(3L);
    assertThat(step.people()).containsExactly(1L, 2L);
  }
}
