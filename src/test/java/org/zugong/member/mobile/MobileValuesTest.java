package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zugong.member.mobile.MobileMembers.SHANGHAI;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH;
import static org.zugong.member.mobile.MobileMembers.WORKPLACE_BRANCH_NAME;
import static org.zugong.member.mobile.MobileMembers.day;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.ScopePath;

class MobileValuesTest {

  static void assertRefusedWith(ThrowingCallable creation, String messageKey) {
    assertThatThrownBy(creation)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"NB-2024-000137", "0", "A1", "330203001-0042", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
  void acceptsAnActivityCertificateOfLettersDigitsAndHyphensUpToThirtyTwo(String number) {
    assertThat(new ActivityCertificateNumber(number).value()).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "-2024",
        "2024-",
        "NB 2024",
        "NB_2024",
        "甬流2024001",
        "ＮＢ2024",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"
      })
  void refusesAnActivityCertificateOfAnyOtherShape(String number) {
    assertRefusedWith(() -> new ActivityCertificateNumber(number), "mobile.certificate.invalid");
  }

  @Test
  void keepsTheActivityCertificateTrimmedAndInUpperCase() {
    assertThat(new ActivityCertificateNumber("  nb-2024-000137 "))
        .isEqualTo(new ActivityCertificateNumber("NB-2024-000137"));
  }

  @Test
  void refusesTheRootAsAPlaceInTheCity() {
    assertRefusedWith(() -> new Place.InCity(ScopePath.ROOT), "mobile.place.region-root");
  }

  @Test
  void namesAPlaceOutsideTheCityInOneToAHundredCharacters() {
    assertThat(Place.outsideCity(" 上海市浦东新区 ")).isEqualTo(SHANGHAI);
    assertThat(new Place.OutsideCity("市".repeat(100)).description()).hasSize(100);
    assertRefusedWith(() -> new Place.OutsideCity("市".repeat(101)), "mobile.place.outside-invalid");
    assertRefusedWith(() -> new Place.OutsideCity(" "), "mobile.place.outside-invalid");
  }

  @Test
  void namesWhoFoundTheMemberInOneToSixtyFourCharacters() {
    Whereabouts where = Whereabouts.unsettled(SHANGHAI, day("2024-01-01"));
    assertThat(new Located("王".repeat(64), day("2024-01-01"), where).foundBy()).hasSize(64);
    assertRefusedWith(
        () -> new Located("王".repeat(65), day("2024-01-01"), where),
        "mobile.located.found-by-invalid");
    assertRefusedWith(
        () -> new Located("  ", day("2024-01-01"), where), "mobile.located.found-by-invalid");
  }

  @Test
  void keepsAContactNoteOfAtMostFiveHundredCharactersPossiblyEmpty() {
    assertThat(new Contact(day("2024-01-01"), ContactChannel.VISIT, "  ").note()).isEmpty();
    assertThat(new Contact(day("2024-01-01"), ContactChannel.VISIT, "访".repeat(500)).note())
        .hasSize(500);
    assertRefusedWith(
        () -> new Contact(day("2024-01-01"), ContactChannel.VISIT, "访".repeat(501)),
        "mobile.contact.note-too-long");
  }

  @Test
  void namesASkillInOneToFiftyCharacters() {
    assertThat(new Skill(" 电商运营 ")).isEqualTo(new Skill("电商运营"));
    assertThat(new Skill("技".repeat(50)).name()).hasSize(50);
    assertRefusedWith(() -> new Skill("技".repeat(51)), "mobile.skill.invalid");
    assertRefusedWith(() -> new Skill(""), "mobile.skill.invalid");
  }

  @Test
  void describesAServiceInOneToFiveHundredCharacters() {
    assertThat(new Engagement(day("2024-01-01"), "服".repeat(500)).service()).hasSize(500);
    assertRefusedWith(
        () -> new Engagement(day("2024-01-01"), "服".repeat(501)), "mobile.engagement.invalid");
    assertRefusedWith(() -> new Engagement(day("2024-01-01"), " "), "mobile.engagement.invalid");
  }

  @Test
  void refusesALapseThresholdBelowOneMonth() {
    assertThat(new CoveragePolicy(1).lapseMonths()).isEqualTo(1);
    assertThat(CoveragePolicy.DEFAULT.lapseMonths()).isEqualTo(3);
    assertRefusedWith(() -> new CoveragePolicy(0), "mobile.coverage.lapse-months-invalid");
  }

  @Test
  void refusesAPlacementEndingBeforeItStarted() {
    assertThat(
            new Placement(
                    PlacementRoute.WORKPLACE,
                    WORKPLACE_BRANCH,
                    WORKPLACE_BRANCH_NAME,
                    day("2024-03-01"),
                    day("2024-03-01"))
                .coversOn(day("2024-03-01")))
        .isFalse();
    assertRefusedWith(
        () ->
            new Placement(
                PlacementRoute.WORKPLACE,
                WORKPLACE_BRANCH,
                WORKPLACE_BRANCH_NAME,
                day("2024-03-01"),
                day("2024-02-29")),
        "mobile.placement.end-before-start");
  }

  @Test
  void coversFromThePlacementDayUntilTheDayBeforeItsEnd() {
    Placement placement =
        new Placement(
            PlacementRoute.RESIDENCE,
            WORKPLACE_BRANCH,
            WORKPLACE_BRANCH_NAME,
            day("2024-03-01"),
            day("2024-06-01"));
    assertThat(placement.coversOn(day("2024-02-29"))).isFalse();
    assertThat(placement.coversOn(day("2024-03-01"))).isTrue();
    assertThat(placement.coversOn(day("2024-05-31"))).isTrue();
    assertThat(placement.coversOn(day("2024-06-01"))).isFalse();
  }

  @Test
  void namesEachRuleByItsKebabCaseId() {
    assertThat(MobileRule.PLACE_ONLY_REGISTERED.id()).isEqualTo("place-only-registered");
  }
}
