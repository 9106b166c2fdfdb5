package org.zugong.member.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zugong.member.mobile.ActivityCertificateNumber;
import org.zugong.member.mobile.Contact;
import org.zugong.member.mobile.ContactChannel;
import org.zugong.member.mobile.Engagement;
import org.zugong.member.mobile.Located;
import org.zugong.member.mobile.MobileMember;
import org.zugong.member.mobile.MobileMemberId;
import org.zugong.member.mobile.Place;
import org.zugong.member.mobile.Placement;
import org.zugong.member.mobile.PlacementRoute;
import org.zugong.member.mobile.PlacingOrganization;
import org.zugong.member.mobile.Skill;
import org.zugong.member.mobile.TrackEvent;
import org.zugong.member.mobile.Whereabouts;
import org.zugong.platform.BulkCopy;
import org.zugong.platform.DemoData;
import org.zugong.platform.DemoDataContributor;
import org.zugong.shared.ScopePath;

/**
 * Mobile members in every district, about 3% of the members and many more among delivery riders,
 * couriers and truck drivers: found away in another town of their district or outside the city,
 * most registered and placed (where they live or work, or with a regional organization) and
 * contacted every month or two; some not placed yet, some not contacted for months, some settled
 * for half a year at a fixed place and due for transfer, and a few who came home. The periods begin
 * in the demo year: found, registered and placed in 2022, so that the year in review counts them,
 * and followed since (contacts every month or two up to today, moves, settling, returns), so that
 * the coverage looks the same whenever the demo starts. Only those not yet registered or placed
 * were found in the last months, as the work still to do.
 *
 * <p>Every record is built through {@link MobileMember}, so the demo data keeps the same rules as
 * the pages, and copied in bulk. Members stay within their district, together with their placing
 * organizations: what one district sees of another is left to real placements.
 */
@Component
class MobileMemberDemoData implements DemoDataContributor {

  private static final String[] OUTSIDE = {
    "上海市浦东新区", "上海市闵行区", "杭州市滨江区", "杭州市余杭区", "苏州市工业园区", "深圳市南山区", "广州市天河区", "北京市朝阳区",
    "义乌市", "绍兴市柯桥区", "温州市鹿城区", "台州市椒江区", "舟山市定海区", "南京市江宁区", "合肥市蜀山区", "成都市高新区"
  };
  private static final String[] FINDERS = {"党建工作指导员", "网格员", "组织委员", "党支部书记", "村社区党组织书记"};
  private static final String[] NOTES = {
    "电话了解近况，传达本月学习安排",
    "视频参加主题党日活动",
    "上门走访家属，了解在外工作情况",
    "微信推送学习资料并确认收到",
    "参加驻地党组织组织生活",
    "了解在外生活困难，已反映至所在地党组织"
  };
  private static final String[] SKILLS = {
    "电商运营", "水电维修", "驾驶", "法律咨询", "医疗护理", "文艺宣传", "网络维护", "农技推广", "财务会计", "外语翻译", "短视频制作", "物流调度"
  };
  private static final String[] SERVICES = {
    "参加驻地社区志愿服务",
    "协助开展反诈宣传",
    "在流动党员服务站值班",
    "帮助家乡推销农产品",
    "参与文明城市创建志愿服务",
    "为新就业群体开展安全培训",
    "参加防汛防台应急值守",
    "为老人上门维修家电"
  };

  /** The demo year: the periods of mobility begin in it (those found lately aside). */
  static final LocalDate START_OF_2022 = LocalDate.of(2022, 1, 1);

  static final LocalDate END_OF_2022 = LocalDate.of(2022, 12, 31);

  @Override
  public String name() {
    return "mobile-members";
  }

  @Override
  public int order() {
    return 45;
  }

  record Town(String code, ScopePath path, String name) {}

  record Org(
      long id,
      String code,
      String name,
      ScopePath path,
      String regionCode,
      String category,
      String unitType,
      @Nullable String trade) {}

  record Candidate(
      long id,
      String path,
      String name,
      long organizationId,
      @Nullable String group,
      boolean current) {}

  @Override
  public void load(DemoData demo) {
    Random r = demo.random();
    Clock clock = demo.clock();
    LocalDate today = LocalDate.now(clock);
    OffsetDateTime now = OffsetDateTime.now(clock);

    Map<String, String> regionPaths = new HashMap<>();
    Map<String, String> regionNames = new HashMap<>();
    Map<String, List<Town>> townsByDistrict = new HashMap<>();
    demo.jdbc()
        .sql("select code, name, path, level from region order by path")
        .query(
            rs -> {
              regionPaths.put(rs.getString(1), rs.getString(3));
              regionNames.put(rs.getString(1), rs.getString(2));
            });
    for (Map.Entry<String, String> e : regionPaths.entrySet()) {
      String code = e.getKey();
      if (code.length() == 9) {
        String name = regionNames.get(code.substring(0, 6)) + regionNames.get(code);
        townsByDistrict
            .computeIfAbsent(code.substring(0, 6), k -> new ArrayList<>())
            .add(new Town(code, new ScopePath(e.getValue()), name));
      }
    }
    townsByDistrict.values().forEach(l -> l.sort((a, b) -> a.code().compareTo(b.code())));

    Map<Long, Org> orgs = new HashMap<>();
    Map<String, List<Org>> byTown = new HashMap<>();
    Map<String, List<Org>> byDistrict = new HashMap<>();
    demo.jdbc()
        .sql(
            "select id, code, name, path, region_code, category, unit_type, trade from organization"
                + " where dissolved_on is null order by id")
        .query(
            rs -> {
              Org o =
                  new Org(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      new ScopePath(rs.getString(4)),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8));
              orgs.put(o.id(), o);
            });
    demo.jdbc()
        .sql(
            "select id from organization where dissolved_on is null"
                + " and kind in ('BRANCH', 'GENERAL_BRANCH') order by id")
        .query(Long.class)
        .list()
        .forEach(
            id -> {
              Org o = orgs.get(id);
              if (o.regionCode().length() >= 9) {
                byTown
                    .computeIfAbsent(o.regionCode().substring(0, 9), k -> new ArrayList<>())
                    .add(o);
              }
              byDistrict
                  .computeIfAbsent(o.regionCode().substring(0, 6), k -> new ArrayList<>())
                  .add(o);
            });

    List<Candidate> candidates =
        demo.jdbc()
            .sql(
                "select id, scope_path, name, organization_id, new_employment_group,"
                    + " status in ('NORMAL', 'LOST_CONTACT', 'STOPPED') from member order by id")
            .query(
                (rs, n) ->
                    new Candidate(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
            .list();

    Rows rows = new Rows(demo.bulkCopy());
    long id = 0;
    int certificates = 0;
    for (Candidate c : candidates) {
      if (!c.current()) {
        continue;
      }
      int chance = "DELIVERY_RIDER".equals(c.group()) ? 220 : c.group() != null ? 120 : 26;
      int draw = r.nextInt(1000);
      boolean open = draw < chance;
      boolean returned = !open && draw >= 995;
      if (!open && !returned) {
        continue;
      }
      Org home = orgs.get(c.organizationId());
      String district = home.regionCode().substring(0, 6);
      ScopePath relationship = new ScopePath(regionPaths.get(home.regionCode()));
      List<Town> elsewhere =
          home.regionCode().length() < 9
              ? List.of()
              : townsByDistrict.getOrDefault(district, List.of()).stream()
                  .filter(t -> !home.regionCode().startsWith(t.code()))
                  .toList();
      Town town = null;
      String placeName;
      Place place;
      if (!elsewhere.isEmpty() && r.nextInt(100) < 45) {
        town = elsewhere.get(r.nextInt(elsewhere.size()));
        place = new Place.InCity(town.path());
        placeName = town.name();
      } else {
        placeName = OUTSIDE[r.nextInt(OUTSIDE.length)];
        place = new Place.OutsideCity(placeName);
      }
      int profile = r.nextInt(100);
      boolean transferDue = open && profile < 8;
      boolean registered = returned || r.nextInt(100) >= 6;
      boolean placed = registered && (returned || r.nextInt(100) >= 11);
      // Those not yet registered or placed were found lately: the work the coverage page lists.
      boolean foundLately = open && !placed && !transferDue;
      // Some left in 2022 on the move and settled where they are only in the last months.
      boolean settledLately = open && !transferDue && !foundLately && r.nextInt(100) < 35;
      boolean fixed;
      LocalDate since;
      LocalDate bound;
      if (foundLately) {
        fixed = r.nextInt(100) < 35;
        since = today.minusDays(r.nextInt(150));
        bound = today;
      } else {
        fixed = transferDue;
        since = START_OF_2022.plusDays(r.nextInt(334));
        bound = END_OF_2022.isBefore(today) ? END_OF_2022 : today;
      }
      String foundName = placeName;
      LocalDate found = plusUpTo(since, 30, bound, r);
      id++;
      MobileMember m =
          MobileMember.locate(
              new MobileMemberId(id),
              c.id(),
              relationship,
              new Located(
                  regionNames.get(home.regionCode()) + FINDERS[r.nextInt(FINDERS.length)],
                  found,
                  new Whereabouts(place, since, fixed)),
              clock);
      Map<Integer, String> movedNames = new HashMap<>();
      LocalDate lastEvent = found;
      if (registered) {
        LocalDate on = plusUpTo(found, 20, bound, r);
        certificates++;
        m.register(
                new ActivityCertificateNumber(
                    "NB"
                        + district
                        + "-"
                        + on.getYear()
                        + "-"
                        + String.format("%05d", certificates)),
                on,
                clock)
            .orThrow();
        lastEvent = on;
      }
      if (placed) {
        LocalDate on = plusUpTo(lastEvent, 30, bound, r);
        Placing choice = placing(c, town, district, byTown, byDistrict, r);
        if (choice != null) {
          place(m, choice, on, clock);
          lastEvent = on;
        }
      }
      // Moves after 2022: a member on the move goes elsewhere outside the city, which ends the
      // placement where they were, and is placed again from home; another settles where they are.
      if (!returned
          && !transferDue
          && !foundLately
          && !settledLately
          && r.nextInt(100) < 10
          && daysBetween(lastEvent, today) > 90) {
        String to = OUTSIDE[r.nextInt(OUTSIDE.length)];
        if (!to.equals(placeName)) {
          LocalDate movedOn = lastEvent.plusDays(1 + r.nextInt(daysBetween(lastEvent, today) - 60));
          m.moveTo(Whereabouts.unsettled(new Place.OutsideCity(to), movedOn), clock).orThrow();
          movedNames.put(movedNames.size(), to);
          placeName = to;
          place = new Place.OutsideCity(to);
          town = null;
          lastEvent = movedOn;
          if (m.placements().stream().anyMatch(p -> p.endedOn() != null)) {
            Placing again = placing(c, null, district, byTown, byDistrict, r);
            if (again != null) {
              LocalDate on = plusUpTo(movedOn, 30, today, r);
              place(m, again, on, clock);
              lastEvent = on;
            }
          }
        }
      }
      if (settledLately) {
        LocalDate settled = today.minusDays(r.nextInt(150));
        if (settled.isAfter(lastEvent)) {
          m.moveTo(new Whereabouts(place, settled, true), clock).orThrow();
          movedNames.put(movedNames.size(), placeName);
        }
      }
      // Contacts: every month or two from the placement (or from when found), the last within
      // two months; a lapsed member's stopped long before the threshold.
      boolean lapsed = open && m.currentPlacement().isPresent() && r.nextInt(100) < 10;
      LocalDate endOfContacts =
          returned
              ? plusUpTo(lastEvent, Math.max(1, daysBetween(lastEvent, today) - 40), today, r)
              : lapsed ? today.minusMonths(3).minusDays(1 + r.nextInt(200)) : today;
      LocalDate contact = found.plusDays(1 + r.nextInt(40));
      LocalDate lastContact = null;
      while (!contact.isAfter(endOfContacts)) {
        m.recordContact(
                new Contact(
                    contact,
                    ContactChannel.values()[r.nextInt(ContactChannel.values().length)],
                    NOTES[r.nextInt(NOTES.length)]),
                clock)
            .orThrow();
        lastContact = contact;
        contact = contact.plusDays(20 + r.nextInt(40));
      }
      if (!lapsed
          && !returned
          && (lastContact == null || lastContact.isBefore(today.minusDays(60)))
          && !found.isAfter(today.minusDays(30))) {
        m.recordContact(
                new Contact(today.minusDays(r.nextInt(30)), ContactChannel.PHONE, NOTES[0]), clock)
            .orThrow();
      }
      if (r.nextInt(100) < 40) {
        for (int k = 0; k < 1 + r.nextInt(2); k++) {
          m.addSkill(new Skill(SKILLS[r.nextInt(SKILLS.length)])).orThrow();
        }
      }
      if (r.nextInt(100) < 30) {
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
          LocalDate served =
              plusUpTo(found, daysBetween(found, returned ? endOfContacts : today), today, r);
          m.recordEngagement(new Engagement(served, SERVICES[r.nextInt(SERVICES.length)]), clock)
              .orThrow();
        }
      }
      if (returned) {
        m.returnHome(endOfContacts.plusDays(1 + r.nextInt(20)), clock).orThrow();
      }
      rows.add(m, c, home, foundName, placeName, movedNames, orgs, today, now);
    }
    rows.finish();
    demo.jdbc()
        .sql("select setval('member_mobile_id_seq', ?)")
        .param(Math.max(1, id))
        .query(Long.class)
        .single();
    demo.jdbc()
        .sql(
            "update member m set mobile = exists (select 1 from member_mobile mm"
                + " where mm.member_id = m.id and mm.returned_on is null)"
                + " where m.mobile <> exists (select 1 from member_mobile mm"
                + " where mm.member_id = m.id and mm.returned_on is null)")
        .update();
  }

  record Placing(PlacementRoute route, Org org) {}

  private static void place(MobileMember m, Placing choice, LocalDate on, Clock clock) {
    Org org = choice.org();
    m.place(
            choice.route(),
            new PlacingOrganization(org.id(), org.name(), org.category().equals("REGIONAL")),
            on,
            clock)
        .orThrow();
  }

  /**
   * Where a member is placed: delivery riders with their district's riders' branch; in the city, a
   * branch of the town they live or work in, or its regional organization; outside, a regional
   * organization of the home district, or else one of its functional branches.
   */
  private static @Nullable Placing placing(
      Candidate c,
      @Nullable Town town,
      String district,
      Map<String, List<Org>> byTown,
      Map<String, List<Org>> byDistrict,
      Random r) {
    List<Org> inDistrict = byDistrict.getOrDefault(district, List.of());
    if ("DELIVERY_RIDER".equals(c.group())) {
      Org riders = pick(inDistrict.stream().filter(o -> "外卖骑手".equals(o.trade())).toList(), r);
      if (riders != null) {
        return new Placing(PlacementRoute.WORKPLACE, riders);
      }
    }
    if (town != null) {
      List<Org> here = byTown.getOrDefault(town.code(), List.of());
      int x = r.nextInt(100);
      Org regional = pick(here.stream().filter(o -> o.category().equals("REGIONAL")).toList(), r);
      if (x >= 85 && regional != null) {
        return new Placing(PlacementRoute.REGIONAL, regional);
      }
      if (x >= 50) {
        Org workplace =
            pick(
                here.stream()
                    .filter(
                        o ->
                            o.unitType().equals("PRIVATE_ENTERPRISE")
                                || o.unitType().equals("SOCIAL_ORGANIZATION"))
                    .toList(),
                r);
        if (workplace != null) {
          return new Placing(PlacementRoute.WORKPLACE, workplace);
        }
      }
      Org residence =
          pick(
              here.stream()
                  .filter(o -> o.unitType().equals("COMMUNITY") || o.unitType().equals("VILLAGE"))
                  .toList(),
              r);
      if (residence != null) {
        return new Placing(PlacementRoute.RESIDENCE, residence);
      }
    }
    Org regional =
        pick(inDistrict.stream().filter(o -> o.category().equals("REGIONAL")).toList(), r);
    if (regional != null) {
      return new Placing(PlacementRoute.REGIONAL, regional);
    }
    Org functional =
        pick(inDistrict.stream().filter(o -> o.category().equals("FUNCTIONAL")).toList(), r);
    return functional == null ? null : new Placing(PlacementRoute.WORKPLACE, functional);
  }

  private static @Nullable Org pick(List<Org> orgs, Random r) {
    return orgs.isEmpty() ? null : orgs.get(r.nextInt(orgs.size()));
  }

  private static int daysBetween(LocalDate from, LocalDate to) {
    return (int) ChronoUnit.DAYS.between(from, to);
  }

  /** A day from {@code from} up to {@code days} later, never after {@code today}. */
  private static LocalDate plusUpTo(LocalDate from, int days, LocalDate today, Random r) {
    LocalDate day = from.plusDays(r.nextInt(Math.max(1, days + 1)));
    return day.isAfter(today) ? today : day;
  }

  /** The copies into the five tables, rows written from what the aggregates hold. */
  private static final class Rows {
    private final BulkCopy.Copy records;
    private final BulkCopy.Copy contacts;
    private final BulkCopy.Copy track;
    private final BulkCopy.Copy engagements;
    private final BulkCopy.Copy placements;

    Rows(BulkCopy bulk) {
      records =
          bulk.into(
              "member_mobile",
              List.of(
                  "id",
                  "member_id",
                  "scope_path",
                  "placing_path",
                  "member_name",
                  "organization_id",
                  "organization_name",
                  "relationship_region",
                  "found_by",
                  "found_on",
                  "found_region",
                  "found_place",
                  "found_since",
                  "found_fixed",
                  "certificate",
                  "registered_on",
                  "current_region",
                  "current_place",
                  "current_since",
                  "current_fixed",
                  "last_contact_on",
                  "transfer_due_on",
                  "placing_organization_id",
                  "placing_code",
                  "placing_name",
                  "placing_route",
                  "placed_on",
                  "returned_on",
                  "created_at",
                  "updated_at"));
      contacts =
          bulk.into(
              "member_mobile_contact",
              List.of(
                  "mobile_id",
                  "contacted_on",
                  "channel",
                  "note",
                  "scope_path",
                  "placing_path",
                  "recorded_by",
                  "recorded_at"));
      track =
          bulk.into(
              "member_mobile_track",
              List.of(
                  "mobile_id",
                  "kind",
                  "effective_on",
                  "region",
                  "place",
                  "fixed",
                  "scope_path",
                  "placing_path",
                  "recorded_by",
                  "recorded_at"));
      engagements =
          bulk.into(
              "member_mobile_engagement",
              List.of(
                  "mobile_id",
                  "kind",
                  "served_on",
                  "description",
                  "scope_path",
                  "placing_path",
                  "recorded_by",
                  "recorded_at"));
      placements =
          bulk.into(
              "member_mobile_placement",
              List.of(
                  "mobile_id",
                  "route",
                  "organization_id",
                  "organization_code",
                  "organization_name",
                  "organization_path",
                  "placed_on",
                  "ended_on",
                  "scope_path",
                  "placing_path",
                  "recorded_by",
                  "recorded_at"));
    }

    void add(
        MobileMember m,
        Candidate c,
        Org home,
        String foundPlace,
        String currentPlace,
        Map<Integer, String> movedNames,
        Map<Long, Org> orgs,
        LocalDate today,
        OffsetDateTime now) {
      long id = m.id().value();
      Placement open = m.currentPlacement().orElse(null);
      Org placing = open == null ? null : orgs.get(open.organizationId());
      String placingPath = placing == null ? null : placing.path().value();
      Whereabouts found = m.located().whereabouts();
      Whereabouts current = m.currentWhereabouts();
      records.row(
          id,
          c.id(),
          c.path(),
          placingPath,
          c.name(),
          home.id(),
          home.name(),
          m.relationshipRegion().value(),
          m.located().foundBy(),
          m.located().foundOn(),
          region(found.place()),
          foundPlace,
          found.since(),
          found.fixed(),
          m.registration().map(x -> x.certificate().value()).orElse(null),
          m.registration().map(x -> x.registeredOn()).orElse(null),
          region(current.place()),
          currentPlace,
          current.since(),
          current.fixed(),
          m.lastContactOn(today),
          m.transferDueOn().orElse(null),
          open == null ? null : open.organizationId(),
          placing == null ? null : placing.code(),
          open == null ? null : open.organizationName(),
          open == null ? null : open.route().name(),
          open == null ? null : open.placedOn(),
          m.returnedOn().orElse(null),
          now,
          now);
      for (Contact contact : m.contacts()) {
        contacts.row(
            id,
            contact.on(),
            contact.channel().name(),
            contact.note(),
            c.path(),
            placingPath,
            "demo",
            now);
      }
      int moves = 0;
      for (TrackEvent event : m.track()) {
        if (event instanceof TrackEvent.Moved moved) {
          track.row(
              id,
              "MOVED",
              moved.on(),
              region(moved.to().place()),
              movedNames.get(moves++),
              moved.to().fixed(),
              c.path(),
              placingPath,
              "demo",
              now);
        } else {
          track.row(
              id, "RETURNED", event.on(), null, null, null, c.path(), placingPath, "demo", now);
        }
      }
      for (Skill skill : m.skills()) {
        engagements.row(id, "SKILL", null, skill.name(), c.path(), placingPath, "demo", now);
      }
      for (Engagement engagement : m.engagements()) {
        engagements.row(
            id,
            "SERVICE",
            engagement.on(),
            engagement.service(),
            c.path(),
            placingPath,
            "demo",
            now);
      }
      for (Placement placement : m.placements()) {
        Org at = orgs.get(placement.organizationId());
        placements.row(
            id,
            placement.route().name(),
            placement.organizationId(),
            at.code(),
            placement.organizationName(),
            at.path().value(),
            placement.placedOn(),
            placement.endedOn(),
            c.path(),
            placingPath,
            "demo",
            now);
      }
    }

    private static @Nullable String region(Place place) {
      return place instanceof Place.InCity inCity ? inCity.region().value() : null;
    }

    void finish() {
      records.finish();
      contacts.finish();
      track.finish();
      engagements.finish();
      placements.finish();
    }
  }
}
