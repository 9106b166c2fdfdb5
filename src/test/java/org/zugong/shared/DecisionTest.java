package org.zugong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionTest {

  @Test
  void throwsARefusalAsAnInvalidValueExceptionWithItsKeyAndArguments() {
    Decision refused = Decision.refused("some-rule", "some.key", "330203", 3);
    assertThatThrownBy(refused::orThrow)
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("some.key");
              assertThat(e.arguments()).containsExactly("330203", 3);
            });
  }

  @Test
  void doesNothingWhenAllowed() {
    assertThatCode(Decision.ALLOWED::orThrow).doesNotThrowAnyException();
  }

  @Test
  void keepsItsOwnCopyOfTheRefusalArguments() {
    Object[] arguments = {"before"};
    Decision.Refused refused = (Decision.Refused) Decision.refused("r", "k", arguments);
    arguments[0] = "after";
    assertThat(refused.arguments()).containsExactly("before");
  }
}
