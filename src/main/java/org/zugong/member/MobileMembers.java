package org.zugong.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.member.internal.CityDirectory;
import org.zugong.member.internal.MobileMemberStore;
import org.zugong.member.internal.MobileMemberStore.NamedPlace;
import org.zugong.member.internal.MobileMemberStore.Stored;
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
import org.zugong.member.mobile.PlacingOrganization;
import org.zugong.member.mobile.Skill;
import org.zugong.member.mobile.Step;
import org.zugong.member.mobile.Whereabouts;
import org.zugong.organization.OrganizationCategory;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;
import org.zugong.shared.ScopePath;

/**
 * Mobile party members (流动党员) within the caller's scope: the five steps taken for each (locate,
 * register, contact, track, engage), their placement with an organization by one of the three
 * routes, and the coverage of any part of the tree — placed, unplaced, lapsed, due for transfer —
 * where every figure opens its list.
 *
 * <p>The organizations holding a member's relationship see the member's records; a placement lets
 * the placing organization's subtree see them as well, while it lasts. The placing side keeps in
 * contact and engages the member; locating, registering, tracking and placing stay with the
 * relationship's side. A placing organization and a place in the city are named by their exact code
 * and may lie outside the caller's scope: that is what a placement is for.
 */
@Service
@Transactional
public class MobileMembers {

  /** The lists of mobile members that the coverage page counts and opens. */
  public enum Listing {
    /** Mobile now: the three below together. */
    MOBILE,
    PLACED,
    UNPLACED,
    LAPSED,
    TRANSFER_DUE,
    /** Members of other parts of the tree placed with organizations of this part. */
    RECEIVED,
    /** Periods of mobility that ended with the return home. */
    RETURNED;

    public String messageKey() {
      return "mobile.list." + name();
    }

    /** The coverage status a member of this list has, for the lists that are one. */
    public Optional<CoverageStatus> coverage() {
      return switch (this) {
        case PLACED -> Optional.of(CoverageStatus.PLACED);
        case UNPLACED -> Optional.of(CoverageStatus.UNPLACED);
        case LAPSED -> Optional.of(CoverageStatus.LAPSED);
        default -> Optional.empty();
      };
    }
  }

  /** Which mobile members a list shows: part of a name, a part of the tree, one list. */
  public record Filter(String text, @Nullable Long under, Listing listing) {}

  /** The figures of one part of the tree on a day, each the size of its list. */
  public record Coverage(
      @Nullable Long under, LocalDate on, int lapseMonths, Map<Listing, Long> counts) {

    public long of(Listing listing) {
      return counts.getOrDefault(listing, 0L);
    }
  }

  /** A mobile member as lists show them. */
  public record Row(
      long id,
      long memberId,
      String name,
      long organizationId,
      String organizationName,
      String place,
      boolean inCity,
      LocalDate since,
      boolean fixed,
      @Nullable String certificate,
      @Nullable PlacementRoute route,
      @Nullable String placingCode,
      @Nullable String placingName,
      LocalDate lastContactOn,
      @Nullable LocalDate transferDueOn,
      @Nullable LocalDate returnedOn,
      CoverageStatus coverage,
      MobilityStatus mobility) {

    public boolean registered() {
      return certificate != null;
    }
  }

  /** A page of a list. */
  public record Page(List<Row> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** One entry of the contact log. */
  public record ContactEntry(
      LocalDate on, ContactChannel channel, String note, String recordedBy) {}

  /** A move (with the new place) or the return home. */
  public record TrackEntry(
      boolean returned,
      LocalDate on,
      @Nullable String place,
      @Nullable Boolean fixed,
      String recordedBy) {}

  /** A service the member gave. */
  public record EngagementEntry(LocalDate on, String service, String recordedBy) {}

  /** A placement with the organization's code and name. */
  public record PlacementEntry(
      PlacementRoute route,
      String organizationCode,
      String organizationName,
      LocalDate placedOn,
      @Nullable LocalDate endedOn) {}

  /**
   * The mobile member page: the record, each of the five steps, the placements, and what the rules
   * make of it today.
   *
   * @param home whether the caller is on the side holding the relationship (and may locate,
   *     register, track and place), rather than only on the placing side
   */
  public record Detail(
      Row row,
      String foundBy,
      LocalDate foundOn,
      String foundPlace,
      LocalDate foundSince,
      boolean foundFixed,
      @Nullable LocalDate registeredOn,
      List<ContactEntry> contacts,
      List<TrackEntry> track,
      List<String> skills,
      List<EngagementEntry> engagements,
      List<PlacementEntry> placements,
      Set<Step> steps,
      LocalDate lapsesOn,
      boolean home,
      LocalDate today) {

    public boolean open() {
      return row.returnedOn() == null;
    }

    public boolean placed() {
      return row.placingCode() != null;
    }
  }

  /**
   * Where a member is: a division of the city by its code, or else a place outside the city by
   * name.
   */
  public record PlaceInput(String regionCode, String outside) {}

  /** The LOCATE step's facts. */
  public record Locate(
      long memberId,
      String foundBy,
      LocalDate foundOn,
      PlaceInput place,
      LocalDate since,
      boolean fixed) {}

  private final MobileMemberStore store;
  private final Members members;
  private final Organizations organizations;
  private final CityDirectory directory;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final CoveragePolicy policy;

  MobileMembers(
      MobileMemberStore store,
      Members members,
      Organizations organizations,
      CityDirectory directory,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${zugong.mobile.lapse-months:3}") int lapseMonths) {
    this.store = store;
    this.members = members;
    this.organizations = organizations;
    this.directory = directory;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.policy = new CoveragePolicy(lapseMonths);
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The coverage of the caller's scope, or of the subtree of one organization, today. */
  @Transactional(readOnly = true)
  public Coverage coverage(@Nullable Long under) {
    LocalDate today = today();
    Map<Listing, Long> counts = new EnumMap<>(Listing.class);
    counts.putAll(store.count(underPath(under), today, policy.lapseMonths()));
    return new Coverage(under, today, policy.lapseMonths(), counts);
  }

  @Transactional(readOnly = true)
  public Page list(Filter filter, int page, int size) {
    LocalDate today = today();
    String under = underPath(filter.under());
    long total = store.total(filter.listing(), under, filter.text(), today, policy.lapseMonths());
    List<Row> rows =
        store.page(
            filter.listing(),
            under,
            filter.text(),
            today,
            policy,
            size,
            (long) Math.max(0, page) * size);
    return new Page(rows, page, size, total);
  }

  @Transactional(readOnly = true)
  public Optional<Detail> find(long id) {
    return store.load(id).map(this::detail);
  }

  /** The open record of a member, if they are mobile now. */
  @Transactional(readOnly = true)
  public Optional<Row> openOf(long memberId) {
    return store.openIdOf(memberId).flatMap(store::load).map(s -> detail(s).row());
  }

  /** The lapse threshold in months. */
  public int lapseMonths() {
    return policy.lapseMonths();
  }

  // ---- the five steps ------------------------------------------------------------------------

  /** LOCATE: opens the record of a member found away from the relationship's region. */
  @PreAuthorize(Members.EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public long locate(Locate cmd) {
    MemberView member =
        members.find(cmd.memberId()).orElseThrow(() -> new MemberNotFoundException(cmd.memberId()));
    if (!MemberStatus.CURRENT.contains(member.status())) {
      throw new InvalidValueException("mobile.locate.not-current", member.name());
    }
    OrganizationView organization =
        organizations
            .find(member.organizationId())
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "member.invalid.organization", member.organizationId()));
    ScopePath region =
        directory
            .region(organization.regionCode())
            .map(CityDirectory.CityRegion::path)
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "mobile.place.region-unknown", organization.regionCode()));
    NamedPlace place = resolve(cmd.place());
    Located located =
        new Located(
            cmd.foundBy(), cmd.foundOn(), new Whereabouts(place.place(), cmd.since(), cmd.fixed()));
    return inTransaction(
        () -> {
          if (store.openIdOf(member.id()).isPresent()) {
            throw new InvalidValueException("mobile.locate.already-mobile", member.name());
          }
          long id = store.nextId();
          MobileMember mobile =
              MobileMember.locate(new MobileMemberId(id), member.id(), region, located, clock);
          OffsetDateTime now = OffsetDateTime.now(clock);
          store.insert(mobile, member, organization.name(), place, now);
          store.markMobile(member.id(), true, now);
          Map<String, Change> changes = new LinkedHashMap<>();
          changes.put("member", new Change(null, Long.toString(member.id())));
          changes.put("foundOn", new Change(null, cmd.foundOn().toString()));
          changes.put("place", new Change(null, place.name()));
          changes.put("since", new Change(null, cmd.since().toString()));
          changes.put("fixed", new Change(null, Boolean.toString(cmd.fixed())));
          changes.put("mobile", new Change(Boolean.toString(member.mobile()), "true"));
          events.publishEvent(
              new RecordChanged(
                  "mobile_member",
                  Long.toString(id),
                  "locate",
                  member.scopePath().value(),
                  changes));
          return id;
        });
  }

  /** REGISTER: records the activity certificate (流动党员活动证). */
  @PreAuthorize(Members.EDITORS)
  public void register(long id, String certificate, LocalDate on) {
    Stored s = loadAtHome(id);
    ActivityCertificateNumber number = new ActivityCertificateNumber(certificate);
    s.member().register(number, on, clock).orThrow();
    store.register(s, number, on, OffsetDateTime.now(clock));
    publish(
        s,
        "register",
        Map.of(
            "certificate",
            new Change(null, number.value()),
            "registeredOn",
            new Change(null, on.toString())));
  }

  /** CONTACT: adds to the contact log; either side may. */
  @PreAuthorize(Members.EDITORS)
  public void recordContact(long id, LocalDate on, ContactChannel channel, String note) {
    Stored s = load(id);
    Contact contact = new Contact(on, channel, note);
    s.member().recordContact(contact, clock).orThrow();
    store.addContact(s, contact, actor(), OffsetDateTime.now(clock));
    publish(
        s,
        "contact",
        Map.of(
            "contactedOn",
            new Change(null, on.toString()),
            "channel",
            new Change(null, channel.name())));
  }

  /** TRACK: the member moved elsewhere (or settled where they were) from {@code since}. */
  @PreAuthorize(Members.EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void moveTo(long id, PlaceInput where, LocalDate since, boolean fixed) {
    inTransaction(() -> loadAtHome(id));
    NamedPlace place = resolve(where);
    inTransaction(
        () -> {
          Stored s = loadAtHome(id);
          Whereabouts to = new Whereabouts(place.place(), since, fixed);
          boolean wasPlaced = s.member().currentPlacement().isPresent();
          s.member().moveTo(to, clock).orThrow();
          boolean placementEnded = wasPlaced && s.member().currentPlacement().isEmpty();
          store.addMove(s, to, place, placementEnded, actor(), OffsetDateTime.now(clock));
          publish(
              s,
              "move",
              Map.of(
                  "place",
                  new Change(s.currentPlace(), place.name()),
                  "since",
                  new Change(null, since.toString()),
                  "fixed",
                  new Change(null, Boolean.toString(fixed))));
          return id;
        });
  }

  /** TRACK: the member came home on {@code on}; the period of mobility ends. */
  @PreAuthorize(Members.EDITORS)
  public void returnHome(long id, LocalDate on) {
    Stored s = loadAtHome(id);
    boolean wasPlaced = s.member().currentPlacement().isPresent();
    s.member().returnHome(on, clock).orThrow();
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.addReturn(s, on, wasPlaced, actor(), now);
    store.markMobile(s.memberId(), false, now);
    publish(
        s,
        "return",
        Map.of(
            "returnedOn", new Change(null, on.toString()), "mobile", new Change("true", "false")));
  }

  /** ENGAGE: a skill the member offers; either side may. */
  @PreAuthorize(Members.EDITORS)
  public void addSkill(long id, String name) {
    Stored s = load(id);
    Skill skill = new Skill(name);
    boolean known = s.member().skills().contains(skill);
    s.member().addSkill(skill).orThrow();
    if (!known) {
      store.addSkill(s, skill, actor(), OffsetDateTime.now(clock));
      publish(s, "skill", Map.of("skill", new Change(null, skill.name())));
    }
  }

  /** ENGAGE: a service the member gave; either side may. */
  @PreAuthorize(Members.EDITORS)
  public void recordEngagement(long id, LocalDate on, String service) {
    Stored s = load(id);
    Engagement engagement = new Engagement(on, service);
    s.member().recordEngagement(engagement, clock).orThrow();
    store.addEngagement(s, engagement, actor(), OffsetDateTime.now(clock));
    publish(
        s,
        "engage",
        Map.of(
            "servedOn",
            new Change(null, on.toString()),
            "service",
            new Change(null, engagement.service())));
  }

  // ---- placement -----------------------------------------------------------------------------

  /**
   * Places the member with the organization of the given code by a route, from {@code on}. The
   * organization may lie outside the caller's scope; its subtree sees the member from then on.
   */
  @PreAuthorize(Members.EDITORS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void place(long id, PlacementRoute route, String organizationCode, LocalDate on) {
    inTransaction(() -> loadAtHome(id));
    String code = organizationCode.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      throw new InvalidValueException("mobile.place.organization-required");
    }
    OrganizationView organization =
        directory
            .organization(code)
            .orElseThrow(
                () -> new InvalidValueException("mobile.place.organization-unknown", code));
    if (!organization.active() || !organization.kind().holdsMembers()) {
      throw new InvalidValueException("mobile.place.organization-not-branch", organization.name());
    }
    PlacingOrganization placing =
        new PlacingOrganization(
            organization.id(),
            organization.name(),
            organization.category() == OrganizationCategory.REGIONAL);
    inTransaction(
        () -> {
          Stored s = loadAtHome(id);
          s.member().place(route, placing, on, clock).orThrow();
          Placement placement = s.member().currentPlacement().orElseThrow();
          store.addPlacement(
              s,
              placement,
              organization.code(),
              organization.path(),
              actor(),
              OffsetDateTime.now(clock));
          publish(
              s,
              "place",
              Map.of(
                  "route",
                  new Change(null, route.name()),
                  "organization",
                  new Change(null, organization.code()),
                  "placedOn",
                  new Change(null, on.toString())));
          return id;
        });
  }

  /** Ends the open placement on {@code on}. */
  @PreAuthorize(Members.EDITORS)
  public void endPlacement(long id, LocalDate on) {
    Stored s = loadAtHome(id);
    String code = s.placingCode();
    s.member().endPlacement(on, clock).orThrow();
    store.endPlacement(s, on, OffsetDateTime.now(clock));
    publish(
        s,
        "end-placement",
        Map.of("organization", new Change(code, null), "endedOn", new Change(null, on.toString())));
  }

  // ---- internals -----------------------------------------------------------------------------

  private Stored load(long id) {
    return store.load(id).orElseThrow(() -> new MobileMemberNotFoundException(id));
  }

  private Stored loadAtHome(long id) {
    Stored s = load(id);
    if (!s.home()) {
      throw new InvalidValueException("mobile.home-only");
    }
    return s;
  }

  private <T> T inTransaction(Supplier<T> work) {
    T result = transactions.execute(status -> work.get());
    if (result == null) {
      throw new IllegalStateException("A transaction returned nothing");
    }
    return result;
  }

  /** A place the user named: a division of the city by its code, else a place outside by name. */
  private NamedPlace resolve(PlaceInput input) {
    String code = input.regionCode().strip();
    if (!code.isEmpty()) {
      CityDirectory.CityRegion region =
          directory
              .region(code)
              .orElseThrow(() -> new InvalidValueException("mobile.place.region-unknown", code));
      return new NamedPlace(new Place.InCity(region.path()), region.name(), region.path());
    }
    Place.OutsideCity outside = new Place.OutsideCity(input.outside());
    return new NamedPlace(outside, outside.description(), null);
  }

  private Detail detail(Stored s) {
    LocalDate today = today();
    MobileMember m = s.member();
    Row row =
        new Row(
            s.id(),
            s.memberId(),
            s.memberName(),
            s.organizationId(),
            s.organizationName(),
            s.currentPlace(),
            m.currentWhereabouts().place() instanceof Place.InCity,
            m.currentWhereabouts().since(),
            m.currentWhereabouts().fixed(),
            m.registration().map(r -> r.certificate().value()).orElse(null),
            m.currentPlacement().map(Placement::route).orElse(null),
            s.placingCode(),
            m.currentPlacement().map(Placement::organizationName).orElse(null),
            m.lastContactOn(today),
            m.transferDueOn().orElse(null),
            m.returnedOn().orElse(null),
            m.coverage(today, policy),
            m.mobility(today));
    return new Detail(
        row,
        m.located().foundBy(),
        m.located().foundOn(),
        s.foundPlace(),
        m.located().whereabouts().since(),
        m.located().whereabouts().fixed(),
        m.registration().map(r -> r.registeredOn()).orElse(null),
        s.contacts(),
        s.track(),
        m.skills().stream().map(Skill::name).sorted().toList(),
        s.engagements(),
        s.placements(),
        m.stepsTaken(),
        policy.lapsesOn(m.lastContactOn(today)),
        s.home(),
        today);
  }

  private void publish(Stored s, String action, Map<String, Change> changes) {
    // The audit row must lie in the writer's scope: the placing side writes under its own path.
    String path = s.home() || s.placingPath() == null ? s.scopePath().value() : s.placingPath();
    events.publishEvent(
        new RecordChanged("mobile_member", Long.toString(s.id()), action, path, changes));
  }

  private String underPath(@Nullable Long under) {
    if (under != null) {
      return organizations.find(under).map(o -> o.path().value()).orElse("~");
    }
    ScopePath scope = DataScope.current();
    return scope == null ? "~" : scope.value();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }
}
