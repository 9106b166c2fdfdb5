package org.zugong.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.zugong.shared.Decision;
import org.zugong.shared.ScopePath;

/** Object Mother for mobile members: places of Ningbo, clocks, and members at each step. */
final class MobileMembers {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** 海曙区南门街道: where the relationship is held. */
  static final ScopePath NANMEN = new ScopePath("/330200/330203/330203001/");

  /** 澄浪社区, a community of 南门街道: the same place. */
  static final Place CHENGLANG = Place.inCity("/330200/330203/330203001/330203001001/");

  /** 鄞州区下应街道: another district of the city. */
  static final Place XIAYING = Place.inCity("/330200/330212/330212001/");

  static final Place SHANGHAI = Place.outsideCity("上海市浦东新区");

  static final Place HANGZHOU = Place.outsideCity("杭州市滨江区");

  static final long MEMBER = 1001;
  static final long WORKPLACE_BRANCH = 2001;
  static final String WORKPLACE_BRANCH_NAME = "宁波甬港电子有限公司党支部";
  static final long REGIONAL_COMMITTEE = 3001;
  static final String REGIONAL_COMMITTEE_NAME = "下应街道商务楼宇区域性党总支";

  static final ActivityCertificateNumber CERTIFICATE =
      new ActivityCertificateNumber("NB-2024-000137");

  /** A clock far enough ahead for any record the tests make. */
  static final Clock LATER = on("2030-12-31");

  private MobileMembers() {}

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  static Clock on(String iso) {
    return on(day(iso));
  }

  static Clock on(LocalDate day) {
    return Clock.fixed(day.atStartOfDay(ZONE).toInstant(), ZONE);
  }

  /** Found on the day in Shanghai, away since that day, with no fixed place. */
  static MobileMember locatedOn(String foundOn) {
    return locatedOn(foundOn, Whereabouts.unsettled(SHANGHAI, day(foundOn)));
  }

  static MobileMember locatedOn(String foundOn, Whereabouts whereabouts) {
    return MobileMember.locate(
        new MobileMemberId(1),
        MEMBER,
        NANMEN,
        new Located("南门街道党工委 王敏", day(foundOn), whereabouts),
        LATER);
  }

  /** Located and registered on the same day. */
  static MobileMember registeredOn(String day) {
    MobileMember member = locatedOn(day);
    assertAllowed(member.register(CERTIFICATE, day(day), LATER));
    return member;
  }

  /** Located, registered and placed with a workplace branch on the same day. */
  static MobileMember placedOn(String day) {
    MobileMember member = registeredOn(day);
    assertAllowed(
        member.place(
            PlacementRoute.WORKPLACE,
            PlacingOrganization.notRegional(WORKPLACE_BRANCH, WORKPLACE_BRANCH_NAME),
            day(day),
            LATER));
    return member;
  }

  static Contact phoneCall(String day) {
    return new Contact(day(day), ContactChannel.PHONE, "了解近况，传达学习安排");
  }

  static void assertAllowed(Decision decision) {
    assertThat(decision).isEqualTo(Decision.ALLOWED);
  }

  static void assertRefused(Decision decision, MobileRule rule) {
    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Refused.class,
            refused -> {
              assertThat(refused.rule()).isEqualTo(rule.id());
              assertThat(refused.messageKey()).isEqualTo(rule.messageKey());
            });
  }
}
