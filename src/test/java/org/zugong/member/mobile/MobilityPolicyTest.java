package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.mobile.MobileMembers.CHENGLANG;
import static org.zugong.member.mobile.MobileMembers.NANMEN;
import static org.zugong.member.mobile.MobileMembers.SHANGHAI;
import static org.zugong.member.mobile.MobileMembers.XIAYING;
import static org.zugong.member.mobile.MobileMembers.day;
import static org.zugong.member.mobile.MobilityPolicy.classify;
import static org.zugong.member.mobile.MobilityStatus.MOBILE;
import static org.zugong.member.mobile.MobilityStatus.NOT_MOBILE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;

class MobilityPolicyTest {

  @Test
  void isNotMobileInTheRelationshipsOwnRegion() {
    Whereabouts home = Whereabouts.fixed(Place.inCity(NANMEN.value()), day("2020-01-01"));
    assertThat(classify(NANMEN, home, day("2024-06-01"))).isEqualTo(NOT_MOBILE);
  }

  @Test
  void isNotMobileInADivisionInsideTheRelationshipsRegionHoweverLong() {
    Whereabouts village = Whereabouts.fixed(CHENGLANG, day("2020-01-01"));
    assertThat(classify(NANMEN, village, day("2024-06-01"))).isEqualTo(NOT_MOBILE);
  }

  @Test
  void isMobileInAnotherDistrictOfTheCity() {
    Whereabouts yinzhou = Whereabouts.fixed(XIAYING, day("2024-05-01"));
    assertThat(classify(NANMEN, yinzhou, day("2024-06-01"))).isEqualTo(MOBILE);
  }

  @Test
  void isMobileInAnotherTownOfTheSameDistrict() {
    Whereabouts nextTown =
        Whereabouts.fixed(Place.inCity("/330200/330203/330203002/"), day("2024-05-01"));
    assertThat(classify(NANMEN, nextTown, day("2024-06-01"))).isEqualTo(MOBILE);
  }

  @Test
  void isMobileWhenKnownOnlyByTheDistrictAroundTheRelationshipsTown() {
    Whereabouts district =
        Whereabouts.unsettled(Place.inCity("/330200/330203/"), day("2024-05-01"));
    assertThat(classify(NANMEN, district, day("2024-06-01"))).isEqualTo(MOBILE);
  }

  @Test
  void isMobileOutsideTheCity() {
    Whereabouts shanghai = Whereabouts.unsettled(SHANGHAI, day("2024-05-01"));
    assertThat(classify(NANMEN, shanghai, day("2024-06-01"))).isEqualTo(MOBILE);
  }

  @ParameterizedTest(name = "away at a fixed place since {0}: {2} on {1}")
  @CsvSource({
    "2024-03-15, 2024-09-14, MOBILE",
    "2024-03-15, 2024-09-15, TRANSFER_DUE",
    "2024-03-15, 2024-09-16, TRANSFER_DUE",
    "2024-03-15, 2024-03-15, MOBILE",
  })
  void becomesDueForTransferSixMonthsToTheDayAtAFixedPlace(
      String since, String today, MobilityStatus expected) {
    Whereabouts fixed = Whereabouts.fixed(SHANGHAI, day(since));
    assertThat(classify(NANMEN, fixed, day(today))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "since {0}: {2} on {1}")
  @CsvSource({
    "2022-08-31, 2023-02-27, MOBILE",
    "2022-08-31, 2023-02-28, TRANSFER_DUE",
    "2023-08-31, 2024-02-28, MOBILE",
    "2023-08-31, 2024-02-29, TRANSFER_DUE",
    "2023-08-30, 2024-02-28, MOBILE",
    "2023-08-30, 2024-02-29, TRANSFER_DUE",
    "2024-02-29, 2024-08-28, MOBILE",
    "2024-02-29, 2024-08-29, TRANSFER_DUE",
    "2023-12-31, 2024-06-29, MOBILE",
    "2023-12-31, 2024-06-30, TRANSFER_DUE",
  })
  void fallsDueOnTheLastDayOfAShorterMonth(String since, String today, MobilityStatus expected) {
    Whereabouts fixed = Whereabouts.fixed(XIAYING, day(since));
    assertThat(classify(NANMEN, fixed, day(today))).isEqualTo(expected);
    assertThat(MobilityPolicy.transferDueOn(fixed).isAfter(day(today)))
        .isEqualTo(expected == MOBILE);
  }

  @Test
  void isNeverDueForTransferWithoutAFixedPlace() {
    Whereabouts moving = Whereabouts.unsettled(SHANGHAI, day("2019-01-01"));
    assertThat(classify(NANMEN, moving, day("2024-06-01"))).isEqualTo(MOBILE);
  }

  @Test
  void refusesWhereaboutsStartingAfterToday() {
    Whereabouts tomorrow = Whereabouts.fixed(SHANGHAI, day("2024-06-02"));
    assertThatThrownBy(() -> classify(NANMEN, tomorrow, day("2024-06-01")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("mobile.date.future"));
  }

  @Test
  void refusesTheRootAsTheRelationshipsRegion() {
    Whereabouts shanghai = Whereabouts.fixed(SHANGHAI, day("2024-05-01"));
    assertThatThrownBy(() -> classify(ScopePath.ROOT, shanghai, day("2024-06-01")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("mobile.place.region-root"));
  }
}
