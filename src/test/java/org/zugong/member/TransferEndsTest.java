package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zugong.member.TransferStore.Row;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferState;
import org.zugong.shared.ScopePath;

/** Which end of a transfer a user acts for, and the scope acceptance runs in. */
class TransferEndsTest {

  static final ScopePath NANMEN_BRANCH = new ScopePath("/330200/330203/330203001/330203001001/o5/");
  static final ScopePath JIANGXIA_BRANCH =
      new ScopePath("/330200/330203/330203002/330203002003/o9/");
  static final ScopePath NANMEN = new ScopePath("/330200/330203/330203001/");
  static final ScopePath JIANGXIA = new ScopePath("/330200/330203/330203002/");
  static final ScopePath HAISHU = new ScopePath("/330200/330203/");

  static Row within() {
    LocalDate day = LocalDate.of(2024, 3, 1);
    return new Row(
        1,
        TransferKind.WITHIN_CITY,
        TransferState.SUBMITTED,
        1,
        7L,
        "张三",
        5L,
        "甲支部",
        5L,
        "甲支部",
        NANMEN_BRANCH,
        9L,
        "乙支部",
        JIANGXIA_BRANCH,
        NANMEN_BRANCH,
        null,
        day,
        day.plusMonths(1),
        day,
        day);
  }

  @Test
  void acceptanceRunsInTheSmallestScopeHoldingBothEnds() {
    assertThat(Transfers.commonAncestor(NANMEN_BRANCH, JIANGXIA_BRANCH, NANMEN_BRANCH))
        .isEqualTo(HAISHU);
    assertThat(
            Transfers.commonAncestor(
                NANMEN_BRANCH, new ScopePath("/330200/330205/330205001/o7/"), null))
        .isEqualTo(new ScopePath("/330200/"));
    assertThat(Transfers.commonAncestor(NANMEN_BRANCH, NANMEN_BRANCH)).isEqualTo(NANMEN_BRANCH);
    // Codes are compared whole: /330203/ and /3302031/ share only the city.
    assertThat(
            Transfers.commonAncestor(
                new ScopePath("/330200/330203/"), new ScopePath("/330200/3302031/")))
        .isEqualTo(new ScopePath("/330200/"));
  }

  @Test
  void eachTownActsForItsOwnEndOnly() {
    Row r = within();
    assertThat(Transfers.actsForTarget(JIANGXIA, r)).isEqualTo(9L);
    assertThat(Transfers.actsForSource(JIANGXIA, r))
        .as("the target, which may not cancel")
        .isEqualTo(9L);
    assertThat(Transfers.actsForTarget(NANMEN, r))
        .as("the source, which may not accept")
        .isEqualTo(5L);
    assertThat(Transfers.actsForSource(NANMEN, r)).isEqualTo(5L);
    assertThat(Transfers.actsForTarget(new ScopePath("/330200/330205/"), r))
        .isEqualTo(Transfers.NOBODY);
  }

  @Test
  void aDistrictHoldingBothEndsActsForEach() {
    Row r = within();
    assertThat(Transfers.actsForTarget(HAISHU, r)).isEqualTo(9L);
    assertThat(Transfers.actsForSource(HAISHU, r)).isEqualTo(5L);
  }
}
