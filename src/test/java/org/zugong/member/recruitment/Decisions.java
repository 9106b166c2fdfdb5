package org.zugong.member.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import org.zugong.shared.Decision;

/** Assertions on the decisions of the recruitment rules. */
final class Decisions {

  private Decisions() {}

  static void assertAllowed(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Allowed.class);
  }

  static void assertRefused(Decision decision, RecruitmentRule rule, Object... arguments) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Refused.class,
            refused -> {
              assertThat(refused.rule()).isEqualTo(rule.id());
              assertThat(refused.messageKey()).isEqualTo(rule.messageKey());
              assertThat(refused.arguments()).containsExactly(arguments);
            });
  }
}
