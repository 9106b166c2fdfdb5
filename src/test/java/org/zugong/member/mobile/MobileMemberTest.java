package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.mobile.MobileMembers.CERTIFICATE;
import static org.zugong.member.mobile.MobileMembers.CHENGLANG;
import static org.zugong.member.mobile.MobileMembers.HANGZHOU;
import static org.zugong.member.mobile.MobileMembers.LATER;
import static org.zugong.member.mobile.MobileMembers.MEMBER;
import static org.zugong.member.mobile.MobileMembers.NANMEN;
import static org.zugong.member.mobile.MobileMembers.REGIONAL_COMMITTEE;
import static org.zugong.member.mobile.MobileMembers.REGIONAL_COMMITTEE_NAME;
import static org.zugong.member.mobile.MobileMembers.SHANGHAI;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH_NAME;
import static org.zugong.member.mobile.MobileMembers.XIAYING;
import static org.zugong.member.mobile.MobileMembers.assertAllowed;
import static org.zugong.member.mobile.MobileMembers.assertRefused;
import static org.zugong.member.mobile.MobileMembers.day;
import static org.zugong.member.mobile.MobileMembers.locatedOn;
import static org.zugong.member.mobile.MobileMembers.on;
import static org.zugong.member.mobile.MobileMembers.phoneCall;
import static org.zugong.member.mobile.MobileMembers.placedOn;
import static org.zugong.member.mobile.MobileMembers.registeredOn;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zugong.shared.InvalidValueException;

class MobileMemberTest {

  static final PlacingOrganization BRANCH =
      PlacingOrganization.notRegional(WORKPLACE_BRANCH, WORKPLACE_BRANCH_NAME);
  static final PlacingOrganization REGIONAL =
      PlacingOrganization.regional(REGIONAL_COMMITTEE, REGIONAL_COMMITTEE_NAME);

  // LOCATE

  @Test
  void locatesAMemberFoundAwayFromTheRelationshipsRegion() {
    Located found =
        new Located("南门街道党工委 王敏", day("2024-03-01"), Whereabouts.fixed(XIAYING, day("2023-12-20")));
    MobileMember member =
        MobileMember.locate(new MobileMemberId(1), MEMBER, NANMEN, found, on("2024-03-01"));
    assertThat(member.located()).isEqualTo(found);
    assertThat(member.relationshipRegion()).isEqualTo(NANMEN);
    assertThat(member.currentWhereabouts()).isEqualTo(found.whereabouts());
    assertThat(member.stepsTaken()).containsExactly(Step.LOCATE);
    assertThat(member.transferDueOn()).contains(day("2024-06-20"));
  }

  @Test
  void refusesToLocateAMemberLivingWithinTheRelationshipsRegion() {
    Located found =
        new Located("王敏", day("2024-03-01"), Whereabouts.fixed(CHENGLANG, day("2023-01-01")));
    assertRefused(
        MobileMember.mayLocate(NANMEN, found, day("2024-03-01")), MobileRule.LOCATE_ONLY_AWAY);
    assertThatThrownBy(
            () ->
                MobileMember.locate(new MobileMemberId(1), MEMBER, NANMEN, found, on("2024-03-01")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("mobile.locate.not-away"));
  }

  @Test
  void refusesToLocateAMemberFoundAfterToday() {
    Whereabouts where = Whereabouts.unsettled(SHANGHAI, day("2024-02-01"));
    assertRefused(
        MobileMember.mayLocate(
            NANMEN, new Located("王敏", day("2024-03-02"), where), day("2024-03-01")),
        MobileRule.NO_FUTURE_DATE);
    assertAllowed(
        MobileMember.mayLocate(
            NANMEN, new Located("王敏", day("2024-03-01"), where), day("2024-03-01")));
  }

  @Test
  void refusesToLocateAMemberAwaySinceAfterTheDayFound() {
    Located awayTomorrow =
        new Located("王敏", day("2024-03-01"), Whereabouts.unsettled(SHANGHAI, day("2024-03-02")));
    assertRefused(
        MobileMember.mayLocate(NANMEN, awayTomorrow, day("2024-03-10")),
        MobileRule.AWAY_NOT_AFTER_FOUND);
    Located awayThatDay =
        new Located("王敏", day("2024-03-01"), Whereabouts.unsettled(SHANGHAI, day("2024-03-01")));
    assertAllowed(MobileMember.mayLocate(NANMEN, awayThatDay, day("2024-03-10")));
  }

  // REGISTER

  @Test
  void registersTheActivityCertificate() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.register(CERTIFICATE, day("2024-03-05"), on("2024-03-05")));
    assertThat(member.registration()).contains(new Registration(CERTIFICATE, day("2024-03-05")));
    assertThat(member.stepsTaken()).containsExactly(Step.LOCATE, Step.REGISTER);
  }

  @Test
  void refusesToRegisterTwice() {
    MobileMember member = registeredOn("2024-03-01");
    ActivityCertificateNumber other = new ActivityCertificateNumber("NB-2024-000999");
    assertRefused(member.register(other, day("2024-03-02"), LATER), MobileRule.REGISTER_ONCE);
    assertThat(member.registration().orElseThrow().certificate()).isEqualTo(CERTIFICATE);
  }

  @Test
  void refusesToRegisterBeforeTheDayLocated() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.register(CERTIFICATE, day("2024-02-29"), LATER), MobileRule.NOT_BEFORE_LOCATED);
    assertThat(member.registration()).isEmpty();
    assertAllowed(member.register(CERTIFICATE, day("2024-03-01"), LATER));
  }

  @Test
  void refusesToRegisterWithADateAfterToday() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.register(CERTIFICATE, day("2024-03-11"), on("2024-03-10")),
        MobileRule.NO_FUTURE_DATE);
    assertAllowed(member.register(CERTIFICATE, day("2024-03-10"), on("2024-03-10")));
  }

  // CONTACT

  @Test
  void recordsAContactOnTheDayLocated() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.recordContact(phoneCall("2024-03-01"), LATER));
    assertThat(member.contacts()).containsExactly(phoneCall("2024-03-01"));
    assertThat(member.stepsTaken()).contains(Step.CONTACT);
  }

  @Test
  void refusesAContactBeforeTheLocateDate() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.recordContact(phoneCall("2024-02-29"), LATER), MobileRule.NOT_BEFORE_LOCATED);
    assertThat(member.contacts()).isEmpty();
  }

  @Test
  void refusesAContactDatedAfterToday() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.recordContact(phoneCall("2024-04-02"), on("2024-04-01")), MobileRule.NO_FUTURE_DATE);
    assertAllowed(member.recordContact(phoneCall("2024-04-01"), on("2024-04-01")));
  }

  @Test
  void takesTodayFromTheClockInItsOwnZone() {
    MobileMember member = locatedOn("2024-03-01");
    // 16:30 UTC on 1 April is 00:30 on 2 April in Ningbo.
    Clock justAfterMidnight =
        Clock.fixed(Instant.parse("2024-04-01T16:30:00Z"), MobileMembers.ZONE);
    assertAllowed(member.recordContact(phoneCall("2024-04-02"), justAfterMidnight));
    assertRefused(
        member.recordContact(phoneCall("2024-04-03"), justAfterMidnight),
        MobileRule.NO_FUTURE_DATE);
  }

  @Test
  void acceptsALateContactDatedUpToTheReturnHome() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.returnHome(day("2024-05-10"), LATER));
    assertAllowed(member.recordContact(phoneCall("2024-05-10"), LATER));
    assertRefused(member.recordContact(phoneCall("2024-05-11"), LATER), MobileRule.MOBILITY_ENDED);
    assertThat(member.contacts()).containsExactly(phoneCall("2024-05-10"));
  }

  // TRACK

  @Test
  void recordsAMoveToAnotherPlace() {
    MobileMember member = locatedOn("2024-03-01");
    Whereabouts hangzhou = Whereabouts.fixed(HANGZHOU, day("2024-04-15"));
    assertAllowed(member.moveTo(hangzhou, LATER));
    assertThat(member.currentWhereabouts()).isEqualTo(hangzhou);
    assertThat(member.whereaboutsOn(day("2024-04-14")).place()).isEqualTo(SHANGHAI);
    assertThat(member.whereaboutsOn(day("2024-04-15"))).isEqualTo(hangzhou);
    assertThat(member.transferDueOn()).contains(day("2024-10-15"));
    assertThat(member.stepsTaken()).contains(Step.TRACK);
  }

  @Test
  void refusesAMoveThatChangesNothing() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.moveTo(Whereabouts.unsettled(SHANGHAI, day("2024-04-15")), LATER),
        MobileRule.MOVE_CHANGES_PLACE);
    assertThat(member.track()).isEmpty();
  }

  @Test
  void recordsSettlingAtTheSamePlaceWithoutEndingThePlacement() {
    MobileMember member = placedOn("2024-03-01");
    assertThat(member.transferDueOn()).isEmpty();
    assertAllowed(member.moveTo(Whereabouts.fixed(SHANGHAI, day("2024-04-15")), LATER));
    assertThat(member.transferDueOn()).contains(day("2024-10-15"));
    assertThat(member.currentPlacement()).isPresent();
  }

  @Test
  void refusesAMoveIntoTheRelationshipsRegion() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.moveTo(Whereabouts.fixed(CHENGLANG, day("2024-04-15")), LATER),
        MobileRule.MOVE_NOT_HOME);
    assertThat(member.track()).isEmpty();
  }

  @Test
  void refusesAMoveBeforeTheLocateDate() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-02-29")), LATER),
        MobileRule.NOT_BEFORE_LOCATED);
  }

  @Test
  void refusesAMoveDatedAfterToday() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-16")), on("2024-04-15")),
        MobileRule.NO_FUTURE_DATE);
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-15")), on("2024-04-15")));
  }

  @Test
  void tracksMovesInOrder() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-15")), LATER));
    assertRefused(
        member.moveTo(Whereabouts.fixed(XIAYING, day("2024-04-14")), LATER),
        MobileRule.TRACK_IN_ORDER);
    assertRefused(member.returnHome(day("2024-04-14"), LATER), MobileRule.TRACK_IN_ORDER);
    assertAllowed(member.moveTo(Whereabouts.fixed(XIAYING, day("2024-04-15")), LATER));
    assertThat(member.currentWhereabouts().place()).isEqualTo(XIAYING);
  }

  @Test
  void tracksNoMoveBeforeTheOpenPlacement() {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-20"), LATER));
    assertRefused(
        member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-03-19")), LATER),
        MobileRule.TRACK_IN_ORDER);
    assertRefused(member.returnHome(day("2024-03-19"), LATER), MobileRule.TRACK_IN_ORDER);
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-03-20")), LATER));
  }

  @Test
  void endsTheOpenPlacementOnTheDayOfAMove() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-15")), LATER));
    assertThat(member.currentPlacement()).isEmpty();
    assertThat(member.placements())
        .singleElement()
        .extracting(Placement::endedOn)
        .isEqualTo(day("2024-04-15"));
  }

  @Test
  void endsMobilityAndTheOpenPlacementOnTheDayOfTheReturnHome() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.returnHome(day("2024-05-10"), LATER));
    assertThat(member.returnedOn()).contains(day("2024-05-10"));
    assertThat(member.currentPlacement()).isEmpty();
    assertThat(member.placements())
        .singleElement()
        .extracting(Placement::endedOn)
        .isEqualTo(day("2024-05-10"));
    assertThat(member.mobility(day("2024-05-09"))).isEqualTo(MobilityStatus.MOBILE);
    assertThat(member.mobility(day("2024-05-10"))).isEqualTo(MobilityStatus.NOT_MOBILE);
    assertThat(member.transferDueOn()).isEmpty();
  }

  @Test
  void refusesEveryChangeButLateEntriesAfterTheReturnHome() {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.returnHome(day("2024-05-10"), LATER));
    ActivityCertificateNumber other = new ActivityCertificateNumber("NB-2024-000999");
    MobileMember unregistered = locatedOn("2024-03-01");
    assertAllowed(unregistered.returnHome(day("2024-05-10"), LATER));

    assertRefused(
        unregistered.register(other, day("2024-05-01"), LATER), MobileRule.MOBILITY_ENDED);
    assertRefused(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-05-01"), LATER),
        MobileRule.MOBILITY_ENDED);
    assertRefused(member.endPlacement(day("2024-05-11"), LATER), MobileRule.MOBILITY_ENDED);
    assertRefused(
        member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-06-01")), LATER),
        MobileRule.MOBILITY_ENDED);
    assertRefused(member.returnHome(day("2024-06-01"), LATER), MobileRule.MOBILITY_ENDED);
    assertRefused(member.addSkill(new Skill("电工")), MobileRule.MOBILITY_ENDED);
    assertThat(member.track()).hasSize(1);
    assertThat(member.placements()).isEmpty();
    assertThat(member.skills()).isEmpty();
  }

  // ENGAGE

  @Test
  void recordsEachSkillOnce() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.addSkill(new Skill("电商运营")));
    assertAllowed(member.addSkill(new Skill(" 电商运营")));
    assertAllowed(member.addSkill(new Skill("水电维修")));
    assertThat(member.skills()).containsExactlyInAnyOrder(new Skill("电商运营"), new Skill("水电维修"));
    assertThat(member.stepsTaken()).contains(Step.ENGAGE);
  }

  @Test
  void recordsServicesGivenFromTheDayLocatedToTheReturnHome() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.recordEngagement(new Engagement(day("2024-02-29"), "助农直播"), LATER),
        MobileRule.NOT_BEFORE_LOCATED);
    assertAllowed(member.recordEngagement(new Engagement(day("2024-03-01"), "助农直播"), LATER));
    assertAllowed(member.returnHome(day("2024-05-10"), LATER));
    assertAllowed(member.recordEngagement(new Engagement(day("2024-05-10"), "甬爱E家站点值守"), LATER));
    assertRefused(
        member.recordEngagement(new Engagement(day("2024-05-11"), "志愿服务"), LATER),
        MobileRule.MOBILITY_ENDED);
    assertThat(member.engagements())
        .extracting(Engagement::on)
        .containsExactly(day("2024-03-01"), day("2024-05-10"));
  }

  @Test
  void refusesAServiceDatedAfterToday() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.recordEngagement(new Engagement(day("2024-03-11"), "志愿服务"), on("2024-03-10")),
        MobileRule.NO_FUTURE_DATE);
    assertThat(member.engagements()).isEmpty();
  }

  @Test
  void listsTheStepsTakenInTheOrderOfTheMethod() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.recordContact(phoneCall("2024-03-02"), LATER));
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-01")), LATER));
    assertAllowed(member.recordEngagement(new Engagement(day("2024-04-02"), "助农直播"), LATER));
    assertThat(member.stepsTaken()).containsExactlyElementsOf(EnumSet.allOf(Step.class));
  }

  // PLACE

  @ParameterizedTest
  @EnumSource(
      value = PlacementRoute.class,
      names = {"WORKPLACE", "RESIDENCE"})
  void placesARegisteredMemberWhereTheyWorkOrLive(PlacementRoute route) {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.place(route, BRANCH, day("2024-03-10"), LATER));
    assertThat(member.currentPlacement())
        .contains(
            new Placement(route, WORKPLACE_BRANCH, WORKPLACE_BRANCH_NAME, day("2024-03-10"), null));
  }

  @Test
  void placesWithARegionalOrganizationByAnyRoute() {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.place(PlacementRoute.REGIONAL, REGIONAL, day("2024-03-10"), LATER));
    assertAllowed(member.endPlacement(day("2024-04-01"), LATER));
    assertAllowed(member.place(PlacementRoute.RESIDENCE, REGIONAL, day("2024-04-01"), LATER));
  }

  @Test
  void refusesTheRegionalRouteToAnOrganizationThatIsNotRegional() {
    MobileMember member = registeredOn("2024-03-01");
    assertRefused(
        member.place(PlacementRoute.REGIONAL, BRANCH, day("2024-03-10"), LATER),
        MobileRule.REGIONAL_ROUTE_ONLY_TO_REGIONAL_ORGANIZATION);
    assertThat(member.placements()).isEmpty();
  }

  @Test
  void refusesToPlaceAMemberNotYetRegistered() {
    MobileMember member = locatedOn("2024-03-01");
    assertRefused(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-10"), LATER),
        MobileRule.PLACE_ONLY_REGISTERED);
    assertThat(member.placements()).isEmpty();
  }

  @Test
  void refusesToPlaceBeforeTheRegistration() {
    MobileMember member = locatedOn("2024-03-01");
    assertAllowed(member.register(CERTIFICATE, day("2024-03-05"), LATER));
    assertRefused(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-04"), LATER),
        MobileRule.PLACE_NOT_BEFORE_REGISTRATION);
    assertAllowed(member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-05"), LATER));
  }

  @Test
  void refusesAPlacementDatedAfterToday() {
    MobileMember member = registeredOn("2024-03-01");
    assertRefused(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-11"), on("2024-03-10")),
        MobileRule.NO_FUTURE_DATE);
    assertAllowed(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-10"), on("2024-03-10")));
  }

  @Test
  void refusesToPlaceTwiceWithoutEndingTheFirst() {
    MobileMember member = placedOn("2024-03-01");
    assertRefused(
        member.place(PlacementRoute.REGIONAL, REGIONAL, day("2024-04-01"), LATER),
        MobileRule.PLACE_ONCE_AT_A_TIME);
    assertThat(member.placements()).hasSize(1);
  }

  @Test
  void placesAgainFromTheDayThePreviousPlacementEnded() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.endPlacement(day("2024-04-01"), LATER));
    assertRefused(
        member.place(PlacementRoute.REGIONAL, REGIONAL, day("2024-03-31"), LATER),
        MobileRule.PLACE_NOT_BEFORE_PREVIOUS_END);
    assertAllowed(member.place(PlacementRoute.REGIONAL, REGIONAL, day("2024-04-01"), LATER));
    assertThat(member.placements())
        .extracting(Placement::route)
        .containsExactly(PlacementRoute.WORKPLACE, PlacementRoute.REGIONAL);
  }

  @Test
  void refusesToPlaceBeforeTheLastMove() {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-15")), LATER));
    assertRefused(
        member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-04-14"), LATER),
        MobileRule.PLACE_NOT_BEFORE_LAST_MOVE);
    assertAllowed(member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-04-15"), LATER));
  }

  @Test
  void refusesToEndAPlacementWhenNoneIsOpen() {
    MobileMember member = registeredOn("2024-03-01");
    assertRefused(
        member.endPlacement(day("2024-04-01"), LATER), MobileRule.END_ONLY_OPEN_PLACEMENT);
  }

  @Test
  void refusesToEndAPlacementBeforeItStarted() {
    MobileMember member = registeredOn("2024-03-01");
    assertAllowed(member.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-03-10"), LATER));
    assertRefused(member.endPlacement(day("2024-03-09"), LATER), MobileRule.END_NOT_BEFORE_START);
    assertThat(member.currentPlacement()).isPresent();
    assertAllowed(member.endPlacement(day("2024-03-10"), LATER));
    assertThat(member.currentPlacement()).isEmpty();
  }

  @Test
  void refusesToEndAPlacementWithADateAfterToday() {
    MobileMember member = placedOn("2024-03-01");
    assertRefused(
        member.endPlacement(day("2024-03-11"), on("2024-03-10")), MobileRule.NO_FUTURE_DATE);
    assertThat(member.currentPlacement()).isPresent();
  }

  // RESTORE

  @Test
  void restoresAMemberFromItsRecordsWithTheSameAnswers() {
    MobileMember member = placedOn("2024-03-01");
    assertAllowed(member.recordContact(phoneCall("2024-03-05"), LATER));
    assertAllowed(member.moveTo(Whereabouts.fixed(HANGZHOU, day("2024-04-01")), LATER));
    assertAllowed(member.addSkill(new Skill("电商运营")));
    assertAllowed(member.recordEngagement(new Engagement(day("2024-04-02"), "助农直播"), LATER));
    assertAllowed(member.place(PlacementRoute.REGIONAL, REGIONAL, day("2024-04-03"), LATER));

    MobileMember restored =
        MobileMember.restore(
            member.id(),
            member.memberId(),
            member.relationshipRegion(),
            member.located(),
            member.registration().orElseThrow(),
            member.contacts(),
            member.track(),
            member.skills(),
            member.engagements(),
            member.placements());

    for (String day : new String[] {"2024-04-02", "2024-07-01", "2024-10-01", "2025-01-01"}) {
      assertThat(restored.coverage(day(day), CoveragePolicy.DEFAULT))
          .as(day)
          .isEqualTo(member.coverage(day(day), CoveragePolicy.DEFAULT));
      assertThat(restored.mobility(day(day))).as(day).isEqualTo(member.mobility(day(day)));
    }
    assertThat(restored.currentPlacement()).isEqualTo(member.currentPlacement());
    assertThat(restored.stepsTaken()).isEqualTo(member.stepsTaken());
    assertThat(restored.transferDueOn()).contains(day("2024-10-01"));
    // The restored member goes on under the same rules.
    assertRefused(
        restored.place(PlacementRoute.WORKPLACE, BRANCH, day("2024-05-01"), LATER),
        MobileRule.PLACE_ONCE_AT_A_TIME);
  }
}
