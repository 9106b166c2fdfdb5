package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.member.MobileMembers.Coverage;
import org.zugong.member.MobileMembers.Filter;
import org.zugong.member.MobileMembers.Listing;
import org.zugong.member.MobileMembers.PlaceInput;
import org.zugong.member.MobileMembers.Row;
import org.zugong.member.mobile.ContactChannel;
import org.zugong.member.mobile.CoverageStatus;
import org.zugong.member.mobile.MobilityStatus;
import org.zugong.member.mobile.PlacementRoute;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.ZugongTest;

/** Mobile members against the real database, through the module's API as signed-in users. */
class MobileMembersTest extends ZugongTest {

  static final String HAISHU = "/330200/330203/";
  static final String YINZHOU_ADMIN = "yinzhou_mobile_admin";
  static final PlaceInput SHANGHAI = new PlaceInput("", "上海市浦东新区");

  @Autowired MobileMembers mobileMembers;
  @Autowired Members members;
  @Autowired MemberStatistics statistics;
  @Autowired Organizations organizations;
  @Autowired UserDetailsService users;
  @Autowired PasswordEncoder encoder;
  @Autowired Clock clock;

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A current member of the district who has never been mobile. */
  long settledMember(String district) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    """
                    select m.id from member m where starts_with(m.scope_path, ?) and m.status = 'NORMAL'
                      and not m.mobile and not exists (select 1 from member_mobile mm where mm.member_id = m.id)
                    order by m.id limit 1
                    """)
                .param(district)
                .query(Long.class)
                .single());
  }

  String organizationCode(String condition, String regionPrefix) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select code from organization where dissolved_on is null"
                        + " and kind in ('BRANCH', 'GENERAL_BRANCH') and region_code like ? and "
                        + condition
                        + " order by id limit 1")
                .param(regionPrefix + "%")
                .query(String.class)
                .single());
  }

  /** Located in Shanghai (found on {@code foundOn}, away since then) and registered that day. */
  long registered(long member, LocalDate foundOn, boolean fixed) {
    long id =
        mobileMembers.locate(
            new MobileMembers.Locate(member, "南门街道党工委 王敏", foundOn, SHANGHAI, foundOn, fixed));
    mobileMembers.register(id, "NB-TEST-" + id, foundOn);
    return id;
  }

  List<Row> all(Filter filter) {
    List<Row> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      MobileMembers.Page p = mobileMembers.list(filter, page, 50);
      rows.addAll(p.rows());
      if (p.rows().size() < 50) {
        return rows;
      }
    }
  }

  // ---- coverage ------------------------------------------------------------------------------

  @Test
  void coverageCountsEqualTheListsBehindThem() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long nanmen = organizations.search("中共南门街道工作委员会", null, null, 0, 1).rows().getFirst().id();
    for (Long under : new Long[] {null, nanmen}) {
      Coverage coverage = mobileMembers.coverage(under);
      for (Listing listing : Listing.values()) {
        List<Row> rows = all(new Filter("", under, listing));
        assertThat(rows).as("%s below %s", listing, under).hasSize((int) coverage.of(listing));
        assertThat(mobileMembers.list(new Filter("", under, listing), 0, 5).total())
            .isEqualTo(coverage.of(listing));
        listing
            .coverage()
            .ifPresent(
                status ->
                    assertThat(rows).allSatisfy(r -> assertThat(r.coverage()).isEqualTo(status)));
      }
      assertThat(coverage.of(Listing.MOBILE))
          .isEqualTo(
              coverage.of(Listing.PLACED)
                  + coverage.of(Listing.UNPLACED)
                  + coverage.of(Listing.LAPSED));
    }
    Coverage district = mobileMembers.coverage(null);
    for (Listing listing : Listing.values()) {
      if (listing != Listing.RECEIVED) {
        assertThat(district.of(listing))
            .as("the demo has %s mobile members in 海曙区", listing)
            .isPositive();
      }
    }
  }

  @Test
  void theListsAgreeWithTheRulesOfEachRecord() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    Coverage coverage = mobileMembers.coverage(null);
    Map<CoverageStatus, Long> byRules = new EnumMap<>(CoverageStatus.class);
    long transferDue = 0;
    for (Row row : all(new Filter("", null, Listing.MOBILE))) {
      Row rebuilt = mobileMembers.find(row.id()).orElseThrow().row();
      assertThat(rebuilt).as("record %d as listed and as rebuilt", row.id()).isEqualTo(row);
      byRules.merge(rebuilt.coverage(), 1L, Long::sum);
      if (rebuilt.mobility() == MobilityStatus.TRANSFER_DUE) {
        transferDue++;
      }
    }
    assertThat(byRules.getOrDefault(CoverageStatus.PLACED, 0L))
        .isEqualTo(coverage.of(Listing.PLACED));
    assertThat(byRules.getOrDefault(CoverageStatus.UNPLACED, 0L))
        .isEqualTo(coverage.of(Listing.UNPLACED));
    assertThat(byRules.getOrDefault(CoverageStatus.LAPSED, 0L))
        .isEqualTo(coverage.of(Listing.LAPSED));
    assertThat(byRules).doesNotContainKey(CoverageStatus.NOT_MOBILE);
    assertThat(transferDue).isEqualTo(coverage.of(Listing.TRANSFER_DUE));
  }

  @Test
  void theDemoHasMobileMembersInEveryDistrictMostlyPlacedAndManyAmongDeliveryRiders() {
    Map<String, long[]> byDistrict =
        DataScope.asSystem(
            () -> {
              Map<String, long[]> counts = new java.util.TreeMap<>();
              jdbc.sql(
                      """
                      select substr(m.scope_path, 9, 6), count(*), count(*) filter (where m.mobile),
                        count(*) filter (where m.mobile and mm.placing_path is not null)
                      from member m left join member_mobile mm on mm.member_id = m.id and mm.returned_on is null
                      where m.status in ('NORMAL', 'LOST_CONTACT', 'STOPPED')
                        and substr(m.scope_path, 9, 4) = '3302'
                      group by 1
                      """)
                  .query(
                      rs -> {
                        counts.put(
                            rs.getString(1),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                      });
              return counts;
            });
    assertThat(byDistrict).hasSize(10);
    long members = 0;
    long mobile = 0;
    for (var e : byDistrict.entrySet()) {
      long[] n = e.getValue();
      assertThat(n[1]).as("mobile members in %s", e.getKey()).isPositive();
      assertThat(n[2]).as("placed in %s of %d mobile", e.getKey(), n[1]).isGreaterThan(n[1] / 2);
      members += n[0];
      mobile += n[1];
    }
    assertThat((double) mobile / members).isBetween(0.02, 0.06);
    double riders =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select avg(case when mobile then 1.0 else 0 end) from member"
                            + " where new_employment_group = 'DELIVERY_RIDER'"
                            + " and status in ('NORMAL', 'LOST_CONTACT', 'STOPPED')")
                    .query(Double.class)
                    .single());
    assertThat(riders).isGreaterThan(3.0 * mobile / members);
  }

  @Test
  void theStatisticsCountExactlyTheMembersWithAnOpenRecord() {
    long[] counts =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        """
                        select (select count(*) from member where mobile),
                               (select count(*) from member_mobile where returned_on is null)
                        """)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single());
    assertThat(counts[0]).isPositive().isEqualTo(counts[1]);
  }

  // ---- the rules -----------------------------------------------------------------------------

  @Test
  void transferIsDueAfterSixMonthsAtAFixedPlace() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    LocalDate sixMonthsAgo = today().minusMonths(6);
    long due = registered(settledMember(HAISHU), sixMonthsAgo, true);
    long notYet = registered(settledMember(HAISHU), sixMonthsAgo.plusDays(1), true);
    long unsettled = registered(settledMember(HAISHU), today().minusYears(1), false);

    Row dueRow = mobileMembers.find(due).orElseThrow().row();
    assertThat(dueRow.mobility()).isEqualTo(MobilityStatus.TRANSFER_DUE);
    assertThat(dueRow.transferDueOn()).isEqualTo(sixMonthsAgo.plusMonths(6));
    Row notYetRow = mobileMembers.find(notYet).orElseThrow().row();
    assertThat(notYetRow.mobility()).isEqualTo(MobilityStatus.MOBILE);
    assertThat(notYetRow.transferDueOn()).isAfter(today());
    Row unsettledRow = mobileMembers.find(unsettled).orElseThrow().row();
    assertThat(unsettledRow.mobility()).isEqualTo(MobilityStatus.MOBILE);
    assertThat(unsettledRow.transferDueOn()).isNull();

    assertThat(all(new Filter("", null, Listing.TRANSFER_DUE)))
        .extracting(Row::id)
        .contains(due)
        .doesNotContain(notYet, unsettled);
    assertThat(all(new Filter("", null, Listing.MOBILE)))
        .extracting(Row::id)
        .contains(due, notYet, unsettled);
  }

  @Test
  void settlingAtAFixedPlaceStartsTheSixMonthsAgain() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long id = registered(settledMember(HAISHU), today().minusYears(1), false);
    LocalDate settled = today().minusMonths(7);
    mobileMembers.moveTo(id, new PlaceInput("", "杭州市滨江区"), settled, true);
    assertThat(mobileMembers.find(id).orElseThrow().row().mobility())
        .isEqualTo(MobilityStatus.TRANSFER_DUE);
    mobileMembers.moveTo(id, new PlaceInput("330212001", ""), today().minusMonths(1), true);
    Row moved = mobileMembers.find(id).orElseThrow().row();
    assertThat(moved.mobility()).isEqualTo(MobilityStatus.MOBILE);
    assertThat(moved.place()).isEqualTo("鄞州区下应街道");
    assertThat(moved.inCity()).isTrue();
    assertThat(moved.transferDueOn()).isEqualTo(today().minusMonths(1).plusMonths(6));
  }

  @Test
  void aPlacedMemberLapsesAfterTheThresholdWithoutContact() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    assertThat(mobileMembers.lapseMonths()).isEqualTo(3);
    String branch = organizationCode("category = 'REGULAR' and kind = 'BRANCH'", "330203");
    LocalDate longAgo = today().minusYears(1);
    long lapsed = registered(settledMember(HAISHU), longAgo, false);
    long kept = registered(settledMember(HAISHU), longAgo, false);
    for (long id : new long[] {lapsed, kept}) {
      mobileMembers.place(id, PlacementRoute.RESIDENCE, branch, longAgo);
    }
    mobileMembers.recordContact(lapsed, today().minusMonths(3), ContactChannel.PHONE, "");
    mobileMembers.recordContact(
        kept, today().minusMonths(3).plusDays(1), ContactChannel.VISIT, "上门走访");

    assertThat(mobileMembers.find(lapsed).orElseThrow().row().coverage())
        .isEqualTo(CoverageStatus.LAPSED);
    assertThat(mobileMembers.find(kept).orElseThrow().row().coverage())
        .isEqualTo(CoverageStatus.PLACED);
    assertThat(mobileMembers.find(kept).orElseThrow().lapsesOn()).isEqualTo(today().plusDays(1));
    assertThat(all(new Filter("", null, Listing.LAPSED)))
        .extracting(Row::id)
        .contains(lapsed)
        .doesNotContain(kept);
    assertThat(all(new Filter("", null, Listing.PLACED)))
        .extracting(Row::id)
        .contains(kept)
        .doesNotContain(lapsed);

    // A contact today brings the lapsed member back among the placed.
    mobileMembers.recordContact(lapsed, today(), ContactChannel.VIDEO, "视频连线");
    assertThat(mobileMembers.find(lapsed).orElseThrow().row().coverage())
        .isEqualTo(CoverageStatus.PLACED);
  }

  @Test
  void aRegionalPlacementNeedsARegionalOrganization() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long id = registered(settledMember(HAISHU), today().minusMonths(2), false);
    String branch = organizationCode("category = 'REGULAR' and kind = 'BRANCH'", "330203");
    String regional = organizationCode("category = 'REGIONAL'", "330203");

    assertThatThrownBy(() -> mobileMembers.place(id, PlacementRoute.REGIONAL, branch, today()))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("mobile.place.regional-needs-regional"));
    assertThat(mobileMembers.find(id).orElseThrow().row().coverage())
        .isEqualTo(CoverageStatus.UNPLACED);

    mobileMembers.place(id, PlacementRoute.REGIONAL, regional.toLowerCase(), today());
    Row placed = mobileMembers.find(id).orElseThrow().row();
    assertThat(placed.coverage()).isEqualTo(CoverageStatus.PLACED);
    assertThat(placed.route()).isEqualTo(PlacementRoute.REGIONAL);
    assertThat(placed.placingCode()).isEqualTo(regional);
  }

  @Test
  void onlyARegisteredMemberIsPlacedAndOnlyWithABranchThatExists() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long member = settledMember(HAISHU);
    long id =
        mobileMembers.locate(
            new MobileMembers.Locate(member, "网格员", today(), SHANGHAI, today(), false));
    String branch = organizationCode("category = 'REGULAR' and kind = 'BRANCH'", "330203");
    assertThatThrownBy(() -> mobileMembers.place(id, PlacementRoute.WORKPLACE, branch, today()))
        .hasMessage("mobile.place.unregistered");
    mobileMembers.register(id, "nb-2026-7", today());
    assertThat(mobileMembers.find(id).orElseThrow().row().certificate()).isEqualTo("NB-2026-7");
    assertThatThrownBy(() -> mobileMembers.place(id, PlacementRoute.WORKPLACE, "O999999", today()))
        .hasMessage("mobile.place.organization-unknown");
    assertThatThrownBy(
            () ->
                mobileMembers.locate(
                    new MobileMembers.Locate(member, "网格员", today(), SHANGHAI, today(), false)))
        .hasMessage("mobile.locate.already-mobile");
  }

  @Test
  void refusesToLocateAMemberWhoLivesWhereTheRelationshipIsHeld() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long member = settledMember(HAISHU);
    String home =
        organizations
            .find(members.find(member).orElseThrow().organizationId())
            .orElseThrow()
            .regionCode();
    assertThatThrownBy(
            () ->
                mobileMembers.locate(
                    new MobileMembers.Locate(
                        member, "网格员", today(), new PlaceInput(home, ""), today(), false)))
        .hasMessage("mobile.locate.not-away");
    assertThat(members.find(member).orElseThrow().mobile()).isFalse();
    assertThat(mobileMembers.openOf(member)).isEmpty();
  }

  // ---- what follows from the records ---------------------------------------------------------

  @Test
  void theStatisticsFollowWhoIsMobile() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long member = settledMember(HAISHU);
    long before = mobileCount();
    long id = registered(member, today().minusMonths(1), false);
    assertThat(members.find(member).orElseThrow().mobile()).isTrue();
    assertThat(mobileCount()).isEqualTo(before + 1);

    mobileMembers.returnHome(id, today());
    assertThat(members.find(member).orElseThrow().mobile()).isFalse();
    assertThat(mobileCount()).isEqualTo(before);
    Row returned = mobileMembers.find(id).orElseThrow().row();
    assertThat(returned.coverage()).isEqualTo(CoverageStatus.NOT_MOBILE);
    assertThat(all(new Filter("", null, Listing.RETURNED))).extracting(Row::id).contains(id);
    assertThatThrownBy(() -> mobileMembers.addSkill(id, "水电维修")).hasMessage("mobile.ended");
  }

  long mobileCount() {
    return statistics
        .of(null)
        .byDimension()
        .get(MemberFilter.Dimension.MOBILE)
        .getOrDefault("true", 0L);
  }

  @Test
  void aPlacementLetsThePlacingOrganizationsSubtreeSeeAndContactTheMember() {
    TestAccounts.ensure(
        jdbc, encoder, YINZHOU_ADMIN, Role.DISTRICT_ADMIN, "330212", "/330200/330212/");
    String yinzhouBranch = organizationCode("category = 'REGULAR' and kind = 'BRANCH'", "330212");
    actAs(DemoAccounts.HAISHU_ADMIN);
    long id = registered(settledMember(HAISHU), today().minusMonths(2), false);
    actAs(YINZHOU_ADMIN);
    assertThat(mobileMembers.find(id)).isEmpty();

    actAs(DemoAccounts.HAISHU_ADMIN);
    mobileMembers.place(id, PlacementRoute.WORKPLACE, yinzhouBranch, today());
    mobileMembers.addSkill(id, "电商运营");

    actAs(YINZHOU_ADMIN);
    MobileMembers.Detail seen = mobileMembers.find(id).orElseThrow();
    assertThat(seen.home()).isFalse();
    assertThat(seen.skills()).containsExactly("电商运营");
    assertThat(all(new Filter("", null, Listing.RECEIVED))).extracting(Row::id).contains(id);
    assertThat(all(new Filter("", null, Listing.MOBILE))).extracting(Row::id).doesNotContain(id);
    mobileMembers.recordContact(id, today(), ContactChannel.MEETING, "参加驻地组织生活");
    mobileMembers.recordEngagement(id, today(), "在流动党员服务站值班");
    assertThatThrownBy(() -> mobileMembers.endPlacement(id, today()))
        .hasMessage("mobile.home-only");
    assertThatThrownBy(() -> mobileMembers.returnHome(id, today())).hasMessage("mobile.home-only");

    actAs(DemoAccounts.HAISHU_ADMIN);
    MobileMembers.Detail home = mobileMembers.find(id).orElseThrow();
    assertThat(home.contacts())
        .extracting(MobileMembers.ContactEntry::recordedBy)
        .containsExactly(YINZHOU_ADMIN);
    assertThat(home.engagements()).hasSize(1);
    mobileMembers.endPlacement(id, today());

    actAs(YINZHOU_ADMIN);
    assertThat(mobileMembers.find(id)).isEmpty();
    long visible =
        jdbc.sql(
                "select (select count(*) from member_mobile_contact where mobile_id = :id)"
                    + " + (select count(*) from member_mobile_placement where mobile_id = :id)")
            .param("id", id)
            .query(Long.class)
            .single();
    assertThat(visible).as("rows of the record the placing side still sees").isZero();
  }

  @Test
  void theRecordsFollowTheMemberWhenTheRelationshipMoves() {
    actAs(DemoAccounts.HAISHU_ADMIN);
    long member = settledMember(HAISHU);
    long id = registered(member, today().minusMonths(1), false);
    mobileMembers.recordContact(id, today(), ContactChannel.PHONE, "");
    String from = members.find(member).orElseThrow().scopePath().value();
    var target =
        organizations.search("", null, null, 0, 200).rows().stream()
            .filter(o -> o.kind().holdsMembers() && !from.startsWith(o.path().value()))
            .findFirst()
            .orElseThrow();
    members.moveTo(member, target.id(), today(), "test");
    String[] paths =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select mm.scope_path || ' ' || c.scope_path from member_mobile mm"
                            + " join member_mobile_contact c on c.mobile_id = mm.id where mm.id = ?")
                    .param(id)
                    .query(String.class)
                    .single()
                    .split(" "));
    assertThat(paths).containsOnly(target.path().value());
    assertThat(mobileMembers.find(id).orElseThrow().row().organizationId()).isEqualTo(target.id());
  }

  @Test
  void aBranchSecretarySeesOnlyTheMobileMembersOfTheBranchsVillage() {
    actAs(DemoAccounts.BRANCH_SECRETARY);
    Coverage mine = mobileMembers.coverage(null);
    actAs(DemoAccounts.HAISHU_ADMIN);
    Coverage district = mobileMembers.coverage(null);
    assertThat(mine.of(Listing.MOBILE)).isLessThan(district.of(Listing.MOBILE));
    long nanmenOutside =
        all(new Filter("", null, Listing.MOBILE)).stream()
            .filter(
                r ->
                    !members
                        .find(r.memberId())
                        .orElseThrow()
                        .scopePath()
                        .value()
                        .startsWith("/330200/330203/330203001/330203001001/"))
            .findFirst()
            .orElseThrow()
            .id();
    actAs(DemoAccounts.BRANCH_SECRETARY);
    assertThat(mobileMembers.find(nanmenOutside)).isEmpty();
  }
}
