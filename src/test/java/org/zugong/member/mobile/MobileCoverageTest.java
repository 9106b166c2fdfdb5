package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zugong.member.mobile.CoverageStatus.LAPSED;
import static org.zugong.member.mobile.CoverageStatus.NOT_MOBILE;
import static org.zugong.member.mobile.CoverageStatus.PLACED;
import static org.zugong.member.mobile.CoverageStatus.UNPLACED;
import static org.zugong.member.mobile.MobileMembers.HANGZHOU;
import static org.zugong.member.mobile.MobileMembers.LATER;
import static org.zugong.member.mobile.MobileMembers.SHANGHAI;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH_NAME;
import static org.zugong.member.mobile.MobileMembers.assertAllowed;
import static org.zugong.member.mobile.MobileMembers.day;
import static org.zugong.member.mobile.MobileMembers.locatedOn;
import static org.zugong.member.mobile.MobileMembers.phoneCall;
import static org.zugong.member.mobile.MobileMembers.placedOn;
import static org.zugong.member.mobile.MobileMembers.registeredOn;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MobileCoverageTest {

  static final CoveragePolicy THREE_MONTHS = CoveragePolicy.DEFAULT;

  static CoverageStatus coverage(MobileMember member, String day) {
    return member.coverage(day(day), THREE_MONTHS);
  }

  /** Placed on 1 October 2023, last contacted on the given day. */
  static MobileMember placedAndLastContactedOn(String lastContact) {
    MobileMember member = placedOn("2023-10-01");
    assertAllowed(member.recordContact(phoneCall(lastContact), LATER));
    return member;
  }

  @Test
  void isUnplacedUntilPlaced() {
    MobileMember member = registeredOn("2024-03-01");
    assertThat(coverage(member, "2024-03-01")).isEqualTo(UNPLACED);
    assertAllowed(
        member.place(
            PlacementRoute.RESIDENCE,
            PlacingOrganization.notRegional(WORKPLACE_BRANCH, WORKPLACE_BRANCH_NAME),
            day("2024-03-10"),
            LATER));
    assertThat(coverage(member, "2024-03-09")).isEqualTo(UNPLACED);
    assertThat(coverage(member, "2024-03-10")).isEqualTo(PLACED);
  }

  @ParameterizedTest(name = "last contact {0}: {2} on {1}")
  @CsvSource({
    "2024-01-15, 2024-04-14, PLACED",
    "2024-01-15, 2024-04-15, LAPSED",
    "2024-01-15, 2024-04-16, LAPSED",
    "2024-01-31, 2024-04-29, PLACED",
    "2024-01-31, 2024-04-30, LAPSED",
    "2023-11-30, 2024-02-28, PLACED",
    "2023-11-30, 2024-02-29, LAPSED",
    "2022-11-30, 2023-02-27, PLACED",
    "2022-11-30, 2023-02-28, LAPSED",
  })
  void lapsesOnTheDayTheLastContactPlusThreeMonthsFalls(
      String lastContact, String today, CoverageStatus expected) {
    MobileMember member = placedOn(lastContact.startsWith("2022") ? "2022-10-01" : "2023-10-01");
    assertAllowed(member.recordContact(phoneCall(lastContact), LATER));
    assertThat(coverage(member, today)).isEqualTo(expected);
  }

  @Test
  void countsTheLapseFromTheDayLocatedWhenNeverContacted() {
    MobileMember member = placedOn("2024-03-31");
    assertThat(coverage(member, "2024-06-29")).isEqualTo(PLACED);
    assertThat(coverage(member, "2024-06-30")).isEqualTo(LAPSED);
    assertThat(member.lastContactOn(day("2024-06-30"))).isEqualTo(day("2024-03-31"));
  }

  @Test
  void countsTheLapseFromTheLatestContactWhateverTheOrderOfEntry() {
    MobileMember member = placedAndLastContactedOn("2024-02-10");
    assertAllowed(member.recordContact(phoneCall("2023-12-01"), LATER));
    assertThat(member.lastContactOn(day("2024-05-01"))).isEqualTo(day("2024-02-10"));
    assertThat(coverage(member, "2024-05-09")).isEqualTo(PLACED);
  }

  @Test
  void endsTheLapseWithANewContact() {
    MobileMember member = placedAndLastContactedOn("2024-01-15");
    assertThat(coverage(member, "2024-05-01")).isEqualTo(LAPSED);
    assertAllowed(member.recordContact(phoneCall("2024-05-01"), LATER));
    assertThat(coverage(member, "2024-05-01")).isEqualTo(PLACED);
  }

  @ParameterizedTest(name = "{0} months: {2} on {1}")
  @CsvSource({
    "1, 2024-02-28, PLACED",
    "1, 2024-02-29, LAPSED",
    "6, 2024-07-30, PLACED",
    "6, 2024-07-31, LAPSED",
  })
  void lapsesAfterAConfiguredNumberOfMonths(int months, String today, CoverageStatus expected) {
    MobileMember member = placedAndLastContactedOn("2024-01-31");
    assertThat(member.coverage(day(today), new CoveragePolicy(months))).isEqualTo(expected);
  }

  @Test
  void countsAMemberNotPlacedAsUnplacedRatherThanLapsed() {
    MobileMember member = registeredOn("2023-10-01");
    assertThat(coverage(member, "2024-06-01")).isEqualTo(UNPLACED);
  }

  @Test
  void isNoLongerPlacedOnTheDayThePlacementEnds() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.endPlacement(day("2024-04-01"), LATER));
    assertThat(coverage(member, "2024-03-31")).isEqualTo(PLACED);
    assertThat(coverage(member, "2024-04-01")).isEqualTo(UNPLACED);
  }

  @Test
  void isNotMobileBeforeTheDayLocatedNorFromTheDayOfTheReturnHome() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.returnHome(day("2024-05-10"), LATER));
    assertThat(coverage(member, "2024-02-29")).isEqualTo(NOT_MOBILE);
    assertThat(coverage(member, "2024-03-01")).isEqualTo(PLACED);
    assertThat(coverage(member, "2024-05-09")).isEqualTo(PLACED);
    assertThat(coverage(member, "2024-05-10")).isEqualTo(NOT_MOBILE);
  }

  @Test
  void answersAsOfTheDayIgnoringLaterContacts() {
    MobileMember member = placedAndLastContactedOn("2024-01-15");
    assertAllowed(member.recordContact(phoneCall("2024-04-20"), LATER));
    assertThat(coverage(member, "2024-04-19")).isEqualTo(LAPSED);
    assertThat(coverage(member, "2024-04-20")).isEqualTo(PLACED);
  }

  @Test
  void becomesDueForTransferSixMonthsAfterSettlingAtAFixedPlace() {
    MobileMember member = locatedOn("2023-08-31", Whereabouts.fixed(SHANGHAI, day("2023-08-31")));
    assertThat(member.mobility(day("2024-02-28"))).isEqualTo(MobilityStatus.MOBILE);
    assertThat(member.mobility(day("2024-02-29"))).isEqualTo(MobilityStatus.TRANSFER_DUE);
    assertThat(member.mobility(day("2023-08-30"))).isEqualTo(MobilityStatus.NOT_MOBILE);
  }

  @Test
  void restartsTheSixMonthsAfterAMove() {
    MobileMember member = locatedOn("2023-08-31", Whereabouts.fixed(SHANGHAI, day("2023-08-31")));
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-01-10")), LATER));
    assertThat(member.mobility(day("2024-02-29"))).isEqualTo(MobilityStatus.MOBILE);
    assertThat(member.mobility(day("2024-07-09"))).isEqualTo(MobilityStatus.MOBILE);
    assertThat(member.mobility(day("2024-07-10"))).isEqualTo(MobilityStatus.TRANSFER_DUE);
  }

  @Test
  void summarizesTheCoverageOfAListOfMembers() {
    MobileMember placed = placedAndLastContactedOn("2024-05-01");
    MobileMember lapsed = placedAndLastContactedOn("2024-03-01");
    MobileMember unplaced = registeredOn("2024-05-20");
    MobileMember placedAndDue = placedOn("2023-10-01");
    assertAllowed(placedAndDue.moveTo(Whereabouts.fixed(HANGZHOU, day("2023-12-01")), LATER));
    assertAllowed(
        placedAndDue.place(
            PlacementRoute.RESIDENCE,
            PlacingOrganization.notRegional(WORKPLACE_BRANCH, WORKPLACE_BRANCH_NAME),
            day("2023-12-01"),
            LATER));
    assertAllowed(placedAndDue.recordContact(phoneCall("2024-05-15"), LATER));
    MobileMember unplacedAndDue =
        locatedOn("2024-01-01", Whereabouts.fixed(HANGZHOU, day("2023-12-01")));
    MobileMember returned = placedOn("2024-03-01");
    assertAllowed(returned.returnHome(day("2024-05-01"), LATER));
    MobileMember notYetLocated = locatedOn("2024-06-02");

    CoverageSummary summary =
        CoverageSummary.of(
            List.of(
                placed, lapsed, unplaced, placedAndDue, unplacedAndDue, returned, notYetLocated),
            day("2024-06-01"),
            THREE_MONTHS);

    assertThat(summary).isEqualTo(new CoverageSummary(2, 2, 1, 2, 2));
    assertThat(summary.mobile()).isEqualTo(5);
  }

  @Test
  void summarizesWithTheThresholdGiven() {
    List<MobileMember> members = List.of(placedAndLastContactedOn("2024-03-01"));
    assertThat(CoverageSummary.of(members, day("2024-06-01")).lapsed()).isEqualTo(1);
    assertThat(CoverageSummary.of(members, day("2024-06-01"), new CoveragePolicy(4)).placed())
        .isEqualTo(1);
  }

  @Test
  void summarizesAnEmptyListAsZeros() {
    assertThat(CoverageSummary.of(List.of(), day("2024-06-01")))
        .isEqualTo(new CoverageSummary(0, 0, 0, 0, 0));
  }
}
