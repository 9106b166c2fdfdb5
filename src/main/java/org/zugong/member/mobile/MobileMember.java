package org.zugong.member.mobile;

import static org.zugong.member.mobile.MobileRule.AWAY_NOT_AFTER_FOUND;
import static org.zugong.member.mobile.MobileRule.END_NOT_BEFORE_START;
import static org.zugong.member.mobile.MobileRule.END_ONLY_OPEN_PLACEMENT;
import static org.zugong.member.mobile.MobileRule.LOCATE_ONLY_AWAY;
import static org.zugong.member.mobile.MobileRule.MOBILITY_ENDED;
import static org.zugong.member.mobile.MobileRule.MOVE_CHANGES_PLACE;
import static org.zugong.member.mobile.MobileRule.MOVE_NOT_HOME;
import static org.zugong.member.mobile.MobileRule.NOT_BEFORE_LOCATED;
import static org.zugong.member.mobile.MobileRule.NO_FUTURE_DATE;
import static org.zugong.member.mobile.MobileRule.PLACE_NOT_BEFORE_LAST_MOVE;
import static org.zugong.member.mobile.MobileRule.PLACE_NOT_BEFORE_PREVIOUS_END;
import static org.zugong.member.mobile.MobileRule.PLACE_NOT_BEFORE_REGISTRATION;
import static org.zugong.member.mobile.MobileRule.PLACE_ONCE_AT_A_TIME;
import static org.zugong.member.mobile.MobileRule.PLACE_ONLY_REGISTERED;
import static org.zugong.member.mobile.MobileRule.REGIONAL_ROUTE_ONLY_TO_REGIONAL_ORGANIZATION;
import static org.zugong.member.mobile.MobileRule.REGISTER_ONCE;
import static org.zugong.member.mobile.MobileRule.TRACK_IN_ORDER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;
import org.zugong.shared.Decision;
import org.zugong.shared.ScopePath;

/**
 * One member's period of mobility, from the day they were located away from the organization that
 * holds their relationship to the day they return home, and the five steps taken for them.
 *
 * <p>Each transition checks its rules first and changes nothing when refused; the {@link Decision}
 * says which rule refused and why. "Today" comes from the {@link Clock} (its zone decides the day).
 * Questions about a day ({@link #coverage}, {@link #mobility}) answer as of that day: records dated
 * after it are ignored.
 */
public final class MobileMember {

  private final MobileMemberId id;
  private final long memberId;
  private final ScopePath relationshipRegion;
  private final Located located;
  private @Nullable Registration registration;
  private final List<Contact> contacts = new ArrayList<>();
  private final List<TrackEvent> track = new ArrayList<>();
  private final Set<Skill> skills = new LinkedHashSet<>();
  private final List<Engagement> engagements = new ArrayList<>();
  private final List<Placement> placements = new ArrayList<>();

  private MobileMember(
      MobileMemberId id, long memberId, ScopePath relationshipRegion, Located located) {
    this.id = id;
    this.memberId = memberId;
    this.relationshipRegion = relationshipRegion;
    this.located = located;
  }

  /**
   * Whether a member may be located as mobile: found no later than today, away since no later than
   * the day found, and away from the relationship's region.
   */
  public static Decision mayLocate(ScopePath relationshipRegion, Located located, LocalDate today) {
    if (located.foundOn().isAfter(today)) {
      return NO_FUTURE_DATE.refuse(located.foundOn(), today);
    }
    Whereabouts where = located.whereabouts();
    if (where.since().isAfter(located.foundOn())) {
      return AWAY_NOT_AFTER_FOUND.refuse(where.since(), located.foundOn());
    }
    if (MobilityPolicy.isSamePlace(relationshipRegion, where.place())) {
      return LOCATE_ONLY_AWAY.refuse(relationshipRegion.value());
    }
    return Decision.ALLOWED;
  }

  /**
   * The LOCATE step: opens the record of a member found away from home.
   *
   * @param relationshipRegion the region path of the organization that holds the relationship
   * @throws org.zugong.shared.InvalidValueException when {@link #mayLocate} refuses
   */
  public static MobileMember locate(
      MobileMemberId id,
      long memberId,
      ScopePath relationshipRegion,
      Located located,
      Clock clock) {
    mayLocate(relationshipRegion, located, LocalDate.now(clock)).orThrow();
    return new MobileMember(id, memberId, relationshipRegion, located);
  }

  /**
   * Rebuilds a member from its stored record. The rules were checked when each record was made and
   * are not checked again: a rule changed since must not make old records unreadable.
   *
   * @param track moves and the return in the order they happened
   * @param placements in the order they started, the open one (if any) last
   */
  public static MobileMember restore(
      MobileMemberId id,
      long memberId,
      ScopePath relationshipRegion,
      Located located,
      @Nullable Registration registration,
      List<Contact> contacts,
      List<TrackEvent> track,
      Set<Skill> skills,
      List<Engagement> engagements,
      List<Placement> placements) {
    MobileMember member = new MobileMember(id, memberId, relationshipRegion, located);
    member.registration = registration;
    member.contacts.addAll(contacts);
    member.track.addAll(track);
    member.skills.addAll(skills);
    member.engagements.addAll(engagements);
    member.placements.addAll(placements);
    return member;
  }

  /** The REGISTER step: records the activity certificate, once. */
  public Decision register(ActivityCertificateNumber certificate, LocalDate on, Clock clock) {
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent()) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    if (registration != null) {
      return REGISTER_ONCE.refuse(registration.certificate().value());
    }
    Decision dated = checkDate(on, clock);
    if (dated instanceof Decision.Refused) {
      return dated;
    }
    registration = new Registration(certificate, on);
    return Decision.ALLOWED;
  }

  /**
   * The CONTACT step: adds to the contact log. A contact dated up to the return home is still
   * accepted after it, as a late entry.
   */
  public Decision recordContact(Contact contact, Clock clock) {
    Decision dated = checkLateEntry(contact.on(), clock);
    if (dated instanceof Decision.Refused) {
      return dated;
    }
    contacts.add(contact);
    return Decision.ALLOWED;
  }

  /**
   * The TRACK step: the member moved to another place (or settled where they were) on {@code
   * to.since()}. A change of place ends the open placement that day, since the placing organization
   * belonged to the place left.
   */
  public Decision moveTo(Whereabouts to, Clock clock) {
    Decision ordered = checkTrack(to.since(), clock);
    if (ordered instanceof Decision.Refused) {
      return ordered;
    }
    Whereabouts current = currentWhereabouts();
    boolean placeChanged = !to.place().equals(current.place());
    if (!placeChanged && to.fixed() == current.fixed()) {
      return MOVE_CHANGES_PLACE.refuse(current.since());
    }
    if (MobilityPolicy.isSamePlace(relationshipRegion, to.place())) {
      return MOVE_NOT_HOME.refuse(relationshipRegion.value());
    }
    if (placeChanged) {
      endOpenPlacement(to.since());
    }
    track.add(new TrackEvent.Moved(to));
    return Decision.ALLOWED;
  }

  /** The TRACK step: the member came home; mobility and the open placement end that day. */
  public Decision returnHome(LocalDate on, Clock clock) {
    Decision ordered = checkTrack(on, clock);
    if (ordered instanceof Decision.Refused) {
      return ordered;
    }
    endOpenPlacement(on);
    track.add(new TrackEvent.Returned(on));
    return Decision.ALLOWED;
  }

  /** The ENGAGE step: a skill the member offers; adding one already known changes nothing. */
  public Decision addSkill(Skill skill) {
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent()) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    skills.add(skill);
    return Decision.ALLOWED;
  }

  /** The ENGAGE step: a service the member gave; late entries as for contacts. */
  public Decision recordEngagement(Engagement engagement, Clock clock) {
    Decision dated = checkLateEntry(engagement.on(), clock);
    if (dated instanceof Decision.Refused) {
      return dated;
    }
    engagements.add(engagement);
    return Decision.ALLOWED;
  }

  /** Places the member under an organization by a route (三个一批), from {@code on}. */
  public Decision place(
      PlacementRoute route, PlacingOrganization organization, LocalDate on, Clock clock) {
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent()) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    if (registration == null) {
      return PLACE_ONLY_REGISTERED.refuse();
    }
    LocalDate today = LocalDate.now(clock);
    if (on.isAfter(today)) {
      return NO_FUTURE_DATE.refuse(on, today);
    }
    if (on.isBefore(registration.registeredOn())) {
      return PLACE_NOT_BEFORE_REGISTRATION.refuse(on, registration.registeredOn());
    }
    Optional<Placement> open = currentPlacement();
    if (open.isPresent()) {
      return PLACE_ONCE_AT_A_TIME.refuse(open.get().organizationName(), open.get().placedOn());
    }
    Optional<LocalDate> previousEnd =
        placements.stream().flatMap(p -> p.end().stream()).reduce(later());
    if (previousEnd.isPresent() && on.isBefore(previousEnd.get())) {
      return PLACE_NOT_BEFORE_PREVIOUS_END.refuse(on, previousEnd.get());
    }
    Optional<LocalDate> lastMove = lastTrackDate();
    if (lastMove.isPresent() && on.isBefore(lastMove.get())) {
      return PLACE_NOT_BEFORE_LAST_MOVE.refuse(on, lastMove.get());
    }
    if (route == PlacementRoute.REGIONAL && !organization.regional()) {
      return REGIONAL_ROUTE_ONLY_TO_REGIONAL_ORGANIZATION.refuse(organization.name());
    }
    placements.add(new Placement(route, organization.id(), organization.name(), on, null));
    return Decision.ALLOWED;
  }

  /** Ends the open placement on {@code on}: from that day the member is no longer under it. */
  public Decision endPlacement(LocalDate on, Clock clock) {
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent()) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    Optional<Placement> open = currentPlacement();
    if (open.isEmpty()) {
      return END_ONLY_OPEN_PLACEMENT.refuse();
    }
    LocalDate today = LocalDate.now(clock);
    if (on.isAfter(today)) {
      return NO_FUTURE_DATE.refuse(on, today);
    }
    if (on.isBefore(open.get().placedOn())) {
      return END_NOT_BEFORE_START.refuse(on, open.get().placedOn());
    }
    endOpenPlacement(on);
    return Decision.ALLOWED;
  }

  /**
   * Whether the member is managed on {@code today}: see {@link CoverageStatus}. The last contact is
   * the latest contact dated up to today, or the day the member was located when there is none.
   */
  public CoverageStatus coverage(LocalDate today, CoveragePolicy policy) {
    if (!isMobileOn(today)) {
      return CoverageStatus.NOT_MOBILE;
    }
    if (placements.stream().noneMatch(p -> p.coversOn(today))) {
      return CoverageStatus.UNPLACED;
    }
    if (policy.isLapsed(lastContactOn(today), today)) {
      return CoverageStatus.LAPSED;
    }
    return CoverageStatus.PLACED;
  }

  /**
   * Whether the member is mobile on {@code today}, or due for transfer, by {@link MobilityPolicy}.
   */
  public MobilityStatus mobility(LocalDate today) {
    if (!isMobileOn(today)) {
      return MobilityStatus.NOT_MOBILE;
    }
    return MobilityPolicy.classify(relationshipRegion, whereaboutsOn(today), today);
  }

  /** The latest contact dated up to {@code today}, or the day found when there is none. */
  public LocalDate lastContactOn(LocalDate today) {
    return contacts.stream()
        .map(Contact::on)
        .filter(d -> !d.isAfter(today))
        .reduce(later())
        .orElse(located.foundOn());
  }

  /** Where the member is on {@code today}: the last move dated up to today, or where found. */
  public Whereabouts whereaboutsOn(LocalDate today) {
    Whereabouts where = located.whereabouts();
    for (TrackEvent event : track) {
      if (event instanceof TrackEvent.Moved moved && !moved.on().isAfter(today)) {
        where = moved.to();
      }
    }
    return where;
  }

  /** Where the member is by the latest record. */
  public Whereabouts currentWhereabouts() {
    Whereabouts where = located.whereabouts();
    for (TrackEvent event : track) {
      if (event instanceof TrackEvent.Moved moved) {
        where = moved.to();
      }
    }
    return where;
  }

  /** The day the relationship becomes due for transfer, while the member is at a fixed place. */
  public Optional<LocalDate> transferDueOn() {
    Whereabouts where = currentWhereabouts();
    if (!where.fixed() || returnedOn().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(MobilityPolicy.transferDueOn(where));
  }

  public Optional<LocalDate> returnedOn() {
    return track.stream()
        .filter(e -> e instanceof TrackEvent.Returned)
        .map(TrackEvent::on)
        .findFirst();
  }

  public Optional<Placement> currentPlacement() {
    return placements.stream().filter(Placement::isOpen).findFirst();
  }

  /** The steps taken so far for this member. */
  public Set<Step> stepsTaken() {
    Set<Step> steps = EnumSet.of(Step.LOCATE);
    if (registration != null) {
      steps.add(Step.REGISTER);
    }
    if (!contacts.isEmpty()) {
      steps.add(Step.CONTACT);
    }
    if (!track.isEmpty()) {
      steps.add(Step.TRACK);
    }
    if (!skills.isEmpty() || !engagements.isEmpty()) {
      steps.add(Step.ENGAGE);
    }
    return steps;
  }

  public MobileMemberId id() {
    return id;
  }

  public long memberId() {
    return memberId;
  }

  public ScopePath relationshipRegion() {
    return relationshipRegion;
  }

  public Located located() {
    return located;
  }

  public Optional<Registration> registration() {
    return Optional.ofNullable(registration);
  }

  public List<Contact> contacts() {
    return List.copyOf(contacts);
  }

  public List<TrackEvent> track() {
    return List.copyOf(track);
  }

  public Set<Skill> skills() {
    return Set.copyOf(skills);
  }

  public List<Engagement> engagements() {
    return List.copyOf(engagements);
  }

  /** Every placement of this period of mobility, the open one last. */
  public List<Placement> placements() {
    return List.copyOf(placements);
  }

  private boolean isMobileOn(LocalDate today) {
    if (located.foundOn().isAfter(today)) {
      return false;
    }
    return returnedOn().map(returned -> returned.isAfter(today)).orElse(true);
  }

  /** Not in the future, not before the member was located. */
  private Decision checkDate(LocalDate on, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    if (on.isAfter(today)) {
      return NO_FUTURE_DATE.refuse(on, today);
    }
    if (on.isBefore(located.foundOn())) {
      return NOT_BEFORE_LOCATED.refuse(on, located.foundOn());
    }
    return Decision.ALLOWED;
  }

  /** A dated record that may come in late, but not dated after the return home. */
  private Decision checkLateEntry(LocalDate on, Clock clock) {
    Decision dated = checkDate(on, clock);
    if (dated instanceof Decision.Refused) {
      return dated;
    }
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent() && on.isAfter(returned.get())) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    return Decision.ALLOWED;
  }

  /** A move or return: while mobile, dated in order after the last move and the open placement. */
  private Decision checkTrack(LocalDate on, Clock clock) {
    Optional<LocalDate> returned = returnedOn();
    if (returned.isPresent()) {
      return MOBILITY_ENDED.refuse(returned.get());
    }
    Decision dated = checkDate(on, clock);
    if (dated instanceof Decision.Refused) {
      return dated;
    }
    LocalDate bound = lastTrackDate().orElse(located.foundOn());
    Optional<Placement> open = currentPlacement();
    if (open.isPresent() && open.get().placedOn().isAfter(bound)) {
      bound = open.get().placedOn();
    }
    if (on.isBefore(bound)) {
      return TRACK_IN_ORDER.refuse(on, bound);
    }
    return Decision.ALLOWED;
  }

  private Optional<LocalDate> lastTrackDate() {
    return track.stream().map(TrackEvent::on).reduce(later());
  }

  private void endOpenPlacement(LocalDate on) {
    for (int i = 0; i < placements.size(); i++) {
      if (placements.get(i).isOpen()) {
        placements.set(i, placements.get(i).endOn(on));
      }
    }
  }

  private static BinaryOperator<LocalDate> later() {
    return (a, b) -> a.isAfter(b) ? a : b;
  }
}
