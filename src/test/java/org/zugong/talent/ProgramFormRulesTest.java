package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The checks of a new call and of a leader's visit name each refused field. */
class ProgramFormRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  @Test
  void acceptsACallWithBothNamesAndAPeriod() {
    assertThat(
            TalentPrograms.checkCall(
                new TalentPrograms.NewCall(2026, "第二批", "Second call", TODAY, TODAY.plusMonths(1))))
        .isEmpty();
  }

  @Test
  void refusesACallFieldByFieldWithEveryProblemAtOnce() {
    var problems =
        TalentPrograms.checkCall(new TalentPrograms.NewCall(1999, " ", null, null, TODAY));
    assertThat(problems)
        .extracting(InvalidFieldsException.FieldProblem::field)
        .containsExactly("year", "nameZh", "nameEn", "opensOn");
    assertThat(problems.getFirst().arguments()).containsExactly("2000", "2100");
  }

  @Test
  void refusesACallClosingBeforeItOpensOnItsClosingDate() {
    assertThat(
            TalentPrograms.checkCall(
                new TalentPrograms.NewCall(2026, "第二批", "Second call", TODAY, TODAY.minusDays(1))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("closesOn");
              assertThat(p.messageKey()).isEqualTo("talent.program.invalid.call-period");
            });
    // A call of one day opens and closes on the same day.
    assertThat(
            TalentPrograms.checkCall(
                new TalentPrograms.NewCall(2026, "第二批", "Second call", TODAY, TODAY)))
        .isEmpty();
  }

  @Test
  void refusesAVisitInTheFutureOrWithoutWhatWasDiscussed() {
    assertThat(
            TalentPrograms.checkVisit(
                new TalentPrograms.NewVisit(TODAY.plusDays(1), "", "x".repeat(2001)), TODAY))
        .extracting(InvalidFieldsException.FieldProblem::field)
        .containsExactly("visitedOn", "note", "outcome");
    assertThat(TalentPrograms.checkVisit(new TalentPrograms.NewVisit(null, "座谈", null), TODAY))
        .extracting(InvalidFieldsException.FieldProblem::messageKey)
        .containsExactly("talent.program.invalid.visit-date-missing");
    assertThat(TalentPrograms.checkVisit(new TalentPrograms.NewVisit(TODAY, "座谈", null), TODAY))
        .isEmpty();
  }
}
