package org.zugong.member.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.member.MemberView;
import org.zugong.member.MobileMembers.ContactEntry;
import org.zugong.member.MobileMembers.EngagementEntry;
import org.zugong.member.MobileMembers.Listing;
import org.zugong.member.MobileMembers.PlacementEntry;
import org.zugong.member.MobileMembers.Row;
import org.zugong.member.MobileMembers.TrackEntry;
import org.zugong.member.mobile.ActivityCertificateNumber;
import org.zugong.member.mobile.Contact;
import org.zugong.member.mobile.ContactChannel;
import org.zugong.member.mobile.CoveragePolicy;
import org.zugong.member.mobile.CoverageStatus;
import org.zugong.member.mobile.Engagement;
import org.zugong.member.mobile.Located;
import org.zugong.member.mobile.MobileMember;
import org.zugong.member.mobile.MobileMemberId;
import org.zugong.member.mobile.MobilityStatus;
import org.zugong.member.mobile.Place;
import org.zugong.member.mobile.Placement;
import org.zugong.member.mobile.PlacementRoute;
import org.zugong.member.mobile.Registration;
import org.zugong.member.mobile.Skill;
import org.zugong.member.mobile.TrackEvent;
import org.zugong.member.mobile.Whereabouts;
import org.zugong.shared.ScopePath;

/**
 * The mobile member records in PostgreSQL: a record per period of mobility with its contacts,
 * moves, engagements and placements, rebuilt into a {@link MobileMember} to apply the rules, and
 * the columns kept on the record (current place, last contact, transfer date, placement) that let
 * lists and coverage be plain SQL. Every statement binds its values; fragments come from code.
 */
@Repository
public class MobileMemberStore {

  static final List<String> CHILD_TABLES =
      List.of(
          "member_mobile_contact",
          "member_mobile_track",
          "member_mobile_engagement",
          "member_mobile_placement");

  /** The conditions of each list; {@code :under} is a tree path, coverage counts the same. */
  private static final String OURS = "starts_with(mm.scope_path, :under)";

  private static final String OPEN = "mm.returned_on is null";
  private static final String LAPSED =
      "(mm.last_contact_on + make_interval(months => :months))::date <= :today";

  static String condition(Listing listing) {
    return switch (listing) {
      case MOBILE -> OPEN + " and " + OURS;
      case PLACED ->
          OPEN
              + " and "
              + OURS
              + " and mm.placing_organization_id is not null and not ("
              + LAPSED
              + ")";
      case UNPLACED -> OPEN + " and " + OURS + " and mm.placing_organization_id is null";
      case LAPSED ->
          OPEN + " and " + OURS + " and mm.placing_organization_id is not null and " + LAPSED;
      case TRANSFER_DUE -> OPEN + " and " + OURS + " and mm.transfer_due_on <= :today";
      case RECEIVED -> OPEN + " and starts_with(mm.placing_path, :under) and not " + OURS;
      case RETURNED -> "mm.returned_on is not null and " + OURS;
    };
  }

  private static final String ROW_COLUMNS =
      "mm.id, mm.member_id, mm.member_name, mm.organization_id, mm.organization_name,"
          + " mm.current_region, mm.current_place, mm.current_since, mm.current_fixed,"
          + " mm.certificate, mm.placing_route, mm.placing_code, mm.placing_name,"
          + " mm.placing_organization_id, mm.last_contact_on, mm.transfer_due_on, mm.returned_on";

  /** A place as the user named it: the domain's place, its name, and its region if in the city. */
  public record NamedPlace(Place place, String name, @Nullable ScopePath region) {}

  /** A stored record: the rebuilt aggregate and what pages show beside it. */
  public record Stored(
      long id,
      long memberId,
      ScopePath scopePath,
      @Nullable String placingPath,
      String memberName,
      long organizationId,
      String organizationName,
      String foundPlace,
      String currentPlace,
      @Nullable String placingCode,
      int version,
      boolean home,
      MobileMember member,
      List<ContactEntry> contacts,
      List<TrackEntry> track,
      List<EngagementEntry> engagements,
      List<PlacementEntry> placements) {}

  private final JdbcClient jdbc;

  MobileMemberStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The size of every list below {@code under}, in one pass. */
  public Map<Listing, Long> count(String under, LocalDate today, int lapseMonths) {
    StringBuilder sql = new StringBuilder("select");
    Listing[] listings = Listing.values();
    for (int i = 0; i < listings.length; i++) {
      sql.append(i == 0 ? " " : ", ")
          .append("count(*) filter (where ")
          .append(condition(listings[i]))
          .append(")");
    }
    sql.append(
        " from member_mobile mm where starts_with(mm.scope_path, :under)"
            + " or starts_with(mm.placing_path, :under)");
    Map<Listing, Long> counts = new EnumMap<>(Listing.class);
    jdbc.sql(sql.toString())
        .param("under", under)
        .param("today", today)
        .param("months", lapseMonths)
        .query(
            rs -> {
              for (int i = 0; i < listings.length; i++) {
                counts.put(listings[i], rs.getLong(i + 1));
              }
            });
    return counts;
  }

  public long total(Listing listing, String under, String text, LocalDate today, int lapseMonths) {
    return jdbc.sql("select count(*) from member_mobile mm where " + where(listing, text))
        .param("under", under)
        .param("today", today)
        .param("months", lapseMonths)
        .param("name", like(text))
        .query(Long.class)
        .single();
  }

  public List<Row> page(
      Listing listing,
      String under,
      String text,
      LocalDate today,
      CoveragePolicy policy,
      int limit,
      long offset) {
    return jdbc.sql(
            "select "
                + ROW_COLUMNS
                + " from member_mobile mm where "
                + where(listing, text)
                + " order by mm.scope_path, mm.id limit :limit offset :offset")
        .param("under", under)
        .param("today", today)
        .param("months", policy.lapseMonths())
        .param("name", like(text))
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> row(rs, today, policy))
        .list();
  }

  private static String where(Listing listing, String text) {
    return "("
        + condition(listing)
        + ")"
        + (text.isBlank() ? "" : " and mm.member_name like :name escape '\\'");
  }

  private static String like(String text) {
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /**
   * A list row from the kept columns. The coverage and mobility here answer as the aggregate would;
   * the tests hold them to it.
   */
  private static Row row(ResultSet rs, LocalDate today, CoveragePolicy policy) throws SQLException {
    LocalDate lastContact = rs.getObject("last_contact_on", LocalDate.class);
    LocalDate transferDue = rs.getObject("transfer_due_on", LocalDate.class);
    LocalDate returned = rs.getObject("returned_on", LocalDate.class);
    boolean placed = rs.getObject("placing_organization_id") != null;
    CoverageStatus coverage =
        returned != null
            ? CoverageStatus.NOT_MOBILE
            : !placed
                ? CoverageStatus.UNPLACED
                : policy.isLapsed(lastContact, today)
                    ? CoverageStatus.LAPSED
                    : CoverageStatus.PLACED;
    MobilityStatus mobility =
        returned != null
            ? MobilityStatus.NOT_MOBILE
            : transferDue != null && !transferDue.isAfter(today)
                ? MobilityStatus.TRANSFER_DUE
                : MobilityStatus.MOBILE;
    String route = rs.getString("placing_route");
    return new Row(
        rs.getLong("id"),
        rs.getLong("member_id"),
        rs.getString("member_name"),
        rs.getLong("organization_id"),
        rs.getString("organization_name"),
        rs.getString("current_place"),
        rs.getString("current_region") != null,
        rs.getObject("current_since", LocalDate.class),
        rs.getBoolean("current_fixed"),
        rs.getString("certificate"),
        route == null ? null : PlacementRoute.valueOf(route),
        rs.getString("placing_code"),
        rs.getString("placing_name"),
        lastContact,
        transferDue,
        returned,
        coverage,
        mobility);
  }

  public Optional<Long> openIdOf(long memberId) {
    return jdbc.sql("select id from member_mobile where member_id = ? and returned_on is null")
        .param(memberId)
        .query(Long.class)
        .optional();
  }

  private record Header(
      long id,
      long memberId,
      ScopePath scopePath,
      @Nullable String placingPath,
      String memberName,
      long organizationId,
      String organizationName,
      ScopePath relationshipRegion,
      Located located,
      String foundPlace,
      String currentPlace,
      @Nullable Registration registration,
      @Nullable String placingCode,
      int version,
      boolean home) {}

  /** A record the caller may see, with everything recorded for it. */
  public Optional<Stored> load(long id) {
    Optional<Header> found =
        jdbc.sql(
                "select mm.*, in_scope(mm.scope_path) as home from member_mobile mm where mm.id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Header(
                        rs.getLong("id"),
                        rs.getLong("member_id"),
                        new ScopePath(rs.getString("scope_path")),
                        rs.getString("placing_path"),
                        rs.getString("member_name"),
                        rs.getLong("organization_id"),
                        rs.getString("organization_name"),
                        new ScopePath(rs.getString("relationship_region")),
                        new Located(
                            rs.getString("found_by"),
                            rs.getObject("found_on", LocalDate.class),
                            new Whereabouts(
                                place(rs.getString("found_region"), rs.getString("found_place")),
                                rs.getObject("found_since", LocalDate.class),
                                rs.getBoolean("found_fixed"))),
                        rs.getString("found_place"),
                        rs.getString("current_place"),
                        rs.getString("certificate") == null
                            ? null
                            : new Registration(
                                new ActivityCertificateNumber(rs.getString("certificate")),
                                rs.getObject("registered_on", LocalDate.class)),
                        rs.getString("placing_code"),
                        rs.getInt("version"),
                        rs.getBoolean("home")))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Header h = found.get();
    List<ContactEntry> contacts =
        jdbc.sql(
                "select contacted_on, channel, note, recorded_by from member_mobile_contact"
                    + " where mobile_id = ? order by contacted_on, id")
            .param(id)
            .query(
                (rs, n) ->
                    new ContactEntry(
                        rs.getObject(1, LocalDate.class),
                        ContactChannel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4)))
            .list();
    List<TrackEvent> track = new ArrayList<>();
    List<TrackEntry> trackEntries = new ArrayList<>();
    jdbc.sql(
            "select kind, effective_on, region, place, fixed, recorded_by from member_mobile_track"
                + " where mobile_id = ? order by effective_on, id")
        .param(id)
        .query(
            rs -> {
              LocalDate on = rs.getObject("effective_on", LocalDate.class);
              boolean returned = rs.getString("kind").equals("RETURNED");
              Boolean fixed = returned ? null : rs.getBoolean("fixed");
              String placeName = rs.getString("place");
              if (returned) {
                track.add(new TrackEvent.Returned(on));
              } else {
                track.add(
                    new TrackEvent.Moved(
                        new Whereabouts(
                            place(rs.getString("region"), placeName),
                            on,
                            Boolean.TRUE.equals(fixed))));
              }
              trackEntries.add(
                  new TrackEntry(returned, on, placeName, fixed, rs.getString("recorded_by")));
            });
    Set<Skill> skills = new LinkedHashSet<>();
    List<Engagement> engagements = new ArrayList<>();
    List<EngagementEntry> engagementEntries = new ArrayList<>();
    jdbc.sql(
            "select kind, served_on, description, recorded_by from member_mobile_engagement"
                + " where mobile_id = ? order by id")
        .param(id)
        .query(
            rs -> {
              if (rs.getString("kind").equals("SKILL")) {
                skills.add(new Skill(rs.getString("description")));
              } else {
                LocalDate on = rs.getObject("served_on", LocalDate.class);
                engagements.add(new Engagement(on, rs.getString("description")));
                engagementEntries.add(
                    new EngagementEntry(
                        on, rs.getString("description"), rs.getString("recorded_by")));
              }
            });
    List<Placement> placements = new ArrayList<>();
    List<PlacementEntry> placementEntries = new ArrayList<>();
    jdbc.sql(
            "select route, organization_id, organization_code, organization_name, placed_on,"
                + " ended_on from member_mobile_placement where mobile_id = ?"
                + " order by placed_on, (ended_on is null), id")
        .param(id)
        .query(
            rs -> {
              PlacementRoute route = PlacementRoute.valueOf(rs.getString("route"));
              LocalDate placedOn = rs.getObject("placed_on", LocalDate.class);
              LocalDate endedOn = rs.getObject("ended_on", LocalDate.class);
              placements.add(
                  new Placement(
                      route,
                      rs.getLong("organization_id"),
                      rs.getString("organization_name"),
                      placedOn,
                      endedOn));
              placementEntries.add(
                  new PlacementEntry(
                      route,
                      rs.getString("organization_code"),
                      rs.getString("organization_name"),
                      placedOn,
                      endedOn));
            });
    MobileMember member =
        MobileMember.restore(
            new MobileMemberId(h.id()),
            h.memberId(),
            h.relationshipRegion(),
            h.located(),
            h.registration(),
            contacts.stream().map(c -> new Contact(c.on(), c.channel(), c.note())).toList(),
            track,
            skills,
            engagements,
            placements);
    return Optional.of(
        new Stored(
            h.id(),
            h.memberId(),
            h.scopePath(),
            h.placingPath(),
            h.memberName(),
            h.organizationId(),
            h.organizationName(),
            h.foundPlace(),
            h.currentPlace(),
            h.placingCode(),
            h.version(),
            h.home(),
            member,
            contacts,
            trackEntries,
            engagementEntries,
            placementEntries));
  }

  static Place place(@Nullable String region, String name) {
    return region != null ? new Place.InCity(new ScopePath(region)) : new Place.OutsideCity(name);
  }

  // ---- writing -------------------------------------------------------------------------------

  public long nextId() {
    return jdbc.sql("select nextval('member_mobile_id_seq')").query(Long.class).single();
  }

  public void insert(
      MobileMember mobile,
      MemberView member,
      String organizationName,
      NamedPlace place,
      OffsetDateTime now) {
    Located located = mobile.located();
    Whereabouts where = located.whereabouts();
    jdbc.sql(
            """
            insert into member_mobile (id, member_id, scope_path, member_name, organization_id,
              organization_name, relationship_region, found_by, found_on, found_region, found_place,
              found_since, found_fixed, current_region, current_place, current_since, current_fixed,
              last_contact_on, transfer_due_on, created_at, updated_at)
            values (:id, :member, :scope, :name, :org, :orgName, :relationship, :foundBy, :foundOn,
              :region, :place, :since, :fixed, :region, :place, :since, :fixed, :foundOn, :transferDue,
              :now, :now)
            """)
        .param("id", mobile.id().value())
        .param("member", member.id())
        .param("scope", member.scopePath().value())
        .param("name", member.name())
        .param("org", member.organizationId())
        .param("orgName", organizationName)
        .param("relationship", mobile.relationshipRegion().value())
        .param("foundBy", located.foundBy())
        .param("foundOn", located.foundOn())
        .param("region", place.region() == null ? null : place.region().value())
        .param("place", place.name())
        .param("since", where.since())
        .param("fixed", where.fixed())
        .param("transferDue", mobile.transferDueOn().orElse(null))
        .param("now", now)
        .update();
  }

  /** Sets the member register's mobility flag, which the party statistics count. */
  public void markMobile(long memberId, boolean mobile, OffsetDateTime now) {
    jdbc.sql("update member set mobile = ?, updated_at = ? where id = ?")
        .params(mobile, now, memberId)
        .update();
  }

  public void register(
      Stored s, ActivityCertificateNumber certificate, LocalDate on, OffsetDateTime now) {
    update(
        s,
        "certificate = :certificate, registered_on = :registeredOn",
        Map.of("certificate", certificate.value(), "registeredOn", on),
        now);
  }

  public void addContact(Stored s, Contact contact, String actor, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_contact (mobile_id, contacted_on, channel, note, scope_path,
              placing_path, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.id(),
            contact.on(),
            contact.channel().name(),
            contact.note(),
            s.scopePath().value(),
            s.placingPath(),
            actor,
            now)
        .update();
    update(
        s,
        "last_contact_on = :lastContact",
        Map.of("lastContact", s.member().lastContactOn(LocalDate.MAX)),
        now);
  }

  public void addMove(
      Stored s,
      Whereabouts to,
      NamedPlace place,
      boolean placementEnded,
      String actor,
      OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_track (mobile_id, kind, effective_on, region, place, fixed,
              scope_path, placing_path, recorded_by, recorded_at)
            values (?, 'MOVED', ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.id(),
            to.since(),
            place.region() == null ? null : place.region().value(),
            place.name(),
            to.fixed(),
            s.scopePath().value(),
            s.placingPath(),
            actor,
            now)
        .update();
    java.util.HashMap<String, @Nullable Object> values = new java.util.HashMap<>();
    values.put("region", place.region() == null ? null : place.region().value());
    values.put("place", place.name());
    values.put("since", to.since());
    values.put("fixed", to.fixed());
    values.put("transferDue", s.member().transferDueOn().orElse(null));
    update(
        s,
        "current_region = :region, current_place = :place, current_since = :since,"
            + " current_fixed = :fixed, transfer_due_on = :transferDue",
        values,
        now);
    if (placementEnded) {
      closePlacement(s, to.since());
    }
  }

  public void addReturn(
      Stored s, LocalDate on, boolean placementEnded, String actor, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_track (mobile_id, kind, effective_on, scope_path, placing_path,
              recorded_by, recorded_at) values (?, 'RETURNED', ?, ?, ?, ?, ?)
            """)
        .params(s.id(), on, s.scopePath().value(), s.placingPath(), actor, now)
        .update();
    update(s, "returned_on = :on, transfer_due_on = null", Map.of("on", on), now);
    if (placementEnded) {
      closePlacement(s, on);
    }
  }

  public void addSkill(Stored s, Skill skill, String actor, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_engagement (mobile_id, kind, description, scope_path,
              placing_path, recorded_by, recorded_at) values (?, 'SKILL', ?, ?, ?, ?, ?)
            """)
        .params(s.id(), skill.name(), s.scopePath().value(), s.placingPath(), actor, now)
        .update();
    update(s, "", Map.of(), now);
  }

  public void addEngagement(Stored s, Engagement engagement, String actor, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_engagement (mobile_id, kind, served_on, description,
              scope_path, placing_path, recorded_by, recorded_at)
            values (?, 'SERVICE', ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.id(),
            engagement.on(),
            engagement.service(),
            s.scopePath().value(),
            s.placingPath(),
            actor,
            now)
        .update();
    update(s, "", Map.of(), now);
  }

  public void addPlacement(
      Stored s,
      Placement placement,
      String organizationCode,
      ScopePath organizationPath,
      String actor,
      OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_mobile_placement (mobile_id, route, organization_id,
              organization_code, organization_name, organization_path, placed_on, scope_path,
              placing_path, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.id(),
            placement.route().name(),
            placement.organizationId(),
            organizationCode,
            placement.organizationName(),
            organizationPath.value(),
            placement.placedOn(),
            s.scopePath().value(),
            organizationPath.value(),
            actor,
            now)
        .update();
    update(
        s,
        "placing_organization_id = :org, placing_code = :code, placing_name = :name,"
            + " placing_route = :route, placed_on = :placedOn, placing_path = :path",
        Map.of(
            "org", placement.organizationId(),
            "code", organizationCode,
            "name", placement.organizationName(),
            "route", placement.route().name(),
            "placedOn", placement.placedOn(),
            "path", organizationPath.value()),
        now);
    placingPath(s.id(), organizationPath.value());
  }

  public void endPlacement(Stored s, LocalDate on, OffsetDateTime now) {
    update(s, "", Map.of(), now);
    closePlacement(s, on);
  }

  /** Ends the open placement and takes the record out of the placing organization's sight. */
  private void closePlacement(Stored s, LocalDate on) {
    jdbc.sql(
            "update member_mobile_placement set ended_on = ? where mobile_id = ? and ended_on is null")
        .params(on, s.id())
        .update();
    jdbc.sql(
            "update member_mobile set placing_organization_id = null, placing_code = null,"
                + " placing_name = null, placing_route = null, placed_on = null,"
                + " placing_path = null where id = ?")
        .param(s.id())
        .update();
    placingPath(s.id(), null);
  }

  private void placingPath(long id, @Nullable String path) {
    for (String table : CHILD_TABLES) {
      jdbc.sql("update " + table + " set placing_path = ? where mobile_id = ?")
          .params(path, id)
          .update();
    }
  }

  /** Moves the placing paths of a moved organization's subtree. */
  public void movePlacingPaths(String oldPath, String newPath) {
    List<String> tables = new ArrayList<>(CHILD_TABLES);
    tables.add("member_mobile");
    for (String table : tables) {
      jdbc.sql(
              "update "
                  + table
                  + " set placing_path = :new || substr(placing_path, length(:old) + 1)"
                  + " where starts_with(placing_path, :old)")
          .param("new", newPath)
          .param("old", oldPath)
          .update();
    }
    jdbc.sql(
            "update member_mobile_placement set organization_path = :new ||"
                + " substr(organization_path, length(:old) + 1) where starts_with(organization_path, :old)")
        .param("new", newPath)
        .param("old", oldPath)
        .update();
  }

  /**
   * Changes the record's own columns, refusing when someone else changed it since it was read: the
   * rules were checked against what was read.
   */
  private void update(
      Stored s,
      String assignments,
      Map<String, ? extends @Nullable Object> values,
      OffsetDateTime now) {
    var spec =
        jdbc.sql(
                "update member_mobile set "
                    + (assignments.isEmpty() ? "" : assignments + ", ")
                    + "version = version + 1, updated_at = :now where id = :id and version = :version")
            .param("id", s.id())
            .param("version", s.version())
            .param("now", now);
    for (var e : values.entrySet()) {
      spec = spec.param(e.getKey(), e.getValue());
    }
    if (spec.update() != 1) {
      throw new OptimisticLockingFailureException("Mobile member record " + s.id() + " changed");
    }
  }
}
