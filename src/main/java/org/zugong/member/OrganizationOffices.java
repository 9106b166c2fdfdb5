package org.zugong.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationNotFoundException;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.platform.SystemScope;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;

/**
 * The committee of a party organization: its secretary, deputy secretaries and committee members,
 * each a member of the organization's subtree holding the post from one day until another.
 *
 * <p>Rules (中国共产党章程 and the branch work regulation): a post is held by a full member in good
 * standing (a probationary member may neither elect nor be elected), of the organization's own
 * subtree; an organization has one secretary at a time, so a new secretary ends the previous one's
 * term on the day before; a group (党小组) has a leader, not a committee. The organization's record
 * shows the open secretary and committee by name, kept in step here.
 *
 * <p>A term ends by itself, in the transaction that moved its holder, on the day the move or the
 * change of standing takes effect (see ADR 0015): when the holder's relationship moves to an
 * organization outside the term's organization and its subtree (a member who moves to another
 * branch under the same committee keeps the committee's term and leaves the branch's), leaves the
 * city, or the holder leaves good standing for good (removed, deceased, membership suspended). A
 * holder who lost contact may come back; the term is flagged ({@link Office#toEnd()}) for the
 * organization to decide. Every term at an organization ends when the organization is dissolved or
 * merged into another, on that day.
 */
@Service
@Transactional
public class OrganizationOffices {

  static final String EDITORS = "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')";

  /** One term of one post. */
  public record Office(
      long id,
      long organizationId,
      long memberId,
      String memberName,
      OfficePost post,
      @Nullable String duty,
      LocalDate from,
      @Nullable LocalDate until,
      @Nullable String endReason,
      boolean holderEligible) {

    public boolean open() {
      return until == null;
    }

    /**
     * An open term whose holder has since left the subtree or good standing in a way that does not
     * end it by itself (lost contact): for the organization to end.
     */
    public boolean toEnd() {
      return open() && !holderEligible;
    }
  }

  /** Whether the holder is still a member in good standing of the organization's subtree. */
  private static final String ELIGIBLE =
      "(m.status = 'NORMAL' and starts_with(m.org_path, (select g.tree_path from organization g"
          + " where g.id = o.organization_id))) as eligible";

  /**
   * Why a term ends by itself: what happened to its holder. The reason is stored as its message key
   * and shown in the reader's language.
   */
  enum Departure {
    /** The relationship moved outside the term's organization (组织关系转出). */
    TRANSFERRED_OUT("office.end.transferred-out"),
    /** The relationship left the city: the receipt of the letter came back (组织关系转出本市). */
    LEFT_CITY("office.end.left-city"),
    /** 停止党籍. */
    STOPPED("office.end.stopped"),
    /** 出党. */
    REMOVED("office.end.removed"),
    /** 去世. */
    DECEASED("office.end.deceased");

    final String reasonKey;

    Departure(String reasonKey) {
      this.reasonKey = reasonKey;
    }

    /** The departure a change to {@code status} is, if the status ends terms by itself. */
    static Optional<Departure> ofStatus(MemberStatus status) {
      return switch (status) {
        case STOPPED -> Optional.of(STOPPED);
        case REMOVED -> Optional.of(REMOVED);
        case DECEASED -> Optional.of(DECEASED);
        // Contact may be regained: the term is flagged, and the organization decides.
        case NORMAL, LOST_CONTACT -> Optional.empty();
      };
    }

    /** Whether the departure ends every term, or only those of organizations the holder left. */
    boolean endsEveryTerm() {
      return this != TRANSFERRED_OUT;
    }
  }

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final SystemScope system;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganizationOffices(
      JdbcClient jdbc,
      Organizations organizations,
      SystemScope system,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.system = system;
    this.events = events;
    this.clock = clock;
  }

  /** Every term of the organization's posts, open ones first, by post and start. */
  @Transactional(readOnly = true)
  public List<Office> of(long organizationId) {
    organization(organizationId);
    return jdbc.sql(
            """
            select o.*, m.name, %s from member_office o join member m on m.id = o.member_id
            where o.organization_id = ?
            order by o.until_on is not null, o.until_on desc nulls first,
              case o.post when 'SECRETARY' then 0 when 'DEPUTY_SECRETARY' then 1 else 2 end, o.from_on, o.id
            """
                .formatted(ELIGIBLE))
        .param(organizationId)
        .query((rs, n) -> office(rs))
        .list();
  }

  /** The terms a member held or holds, anywhere in the caller's scope. */
  @Transactional(readOnly = true)
  public List<Office> heldBy(long memberId) {
    return jdbc.sql(
            "select o.*, m.name, "
                + ELIGIBLE
                + " from member_office o join member m on m.id = o.member_id"
                + " where o.member_id = ? order by o.from_on desc, o.id desc")
        .param(memberId)
        .query((rs, n) -> office(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Office> find(long officeId) {
    return jdbc.sql(
            "select o.*, m.name, "
                + ELIGIBLE
                + " from member_office o join member m on m.id = o.member_id"
                + " where o.id = ?")
        .param(officeId)
        .query((rs, n) -> office(rs))
        .optional();
  }

  /**
   * Puts the member in the post from {@code from}; a new secretary ends the open secretary's term
   * the day before. Returns the new term's id, or refuses with the rule that stands in the way.
   */
  @PreAuthorize(EDITORS)
  public long appoint(
      long organizationId, long memberId, OfficePost post, @Nullable String duty, LocalDate from) {
    OrganizationView org = organization(organizationId);
    if (!org.active()) {
      throw new InvalidValueException("office.invalid.dissolved", org.name());
    }
    if (org.kind() == OrganizationKind.GROUP) {
      throw new InvalidValueException("office.invalid.group", org.name());
    }
    if (from.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("office.invalid.future");
    }
    Holder h =
        jdbc.sql("select name, stage, status, org_path from member where id = ?")
            .param(memberId)
            .query(
                (rs, n) ->
                    new Holder(
                        rs.getString("name"),
                        MemberStage.valueOf(rs.getString("stage")),
                        MemberStatus.valueOf(rs.getString("status")),
                        rs.getString("org_path")))
            .optional()
            .orElseThrow(() -> new MemberNotFoundException(memberId));
    if (h.status() != MemberStatus.NORMAL) {
      throw new InvalidValueException("office.invalid.status", h.name());
    }
    if (h.stage() != MemberStage.FULL) {
      throw new InvalidValueException("office.invalid.probationary", h.name());
    }
    if (!h.orgPath().startsWith(org.treePath().value())) {
      throw new InvalidValueException("office.invalid.outside", h.name(), org.name());
    }
    if (leftTheCity(memberId)) {
      // Still in the register (ADR 0009), but the relationship is held outside the city now.
      throw new InvalidValueException("office.invalid.left-city", h.name());
    }
    List<Office> open = of(organizationId).stream().filter(Office::open).toList();
    if (open.stream().anyMatch(o -> o.memberId() == memberId)) {
      throw new InvalidValueException("office.invalid.already", h.name());
    }
    if (post == OfficePost.SECRETARY) {
      for (Office previous : open) {
        if (previous.post() == OfficePost.SECRETARY) {
          if (!from.isAfter(previous.from())) {
            throw new InvalidValueException(
                "office.invalid.before-previous", previous.memberName(), previous.from());
          }
          close(previous, from.minusDays(1), "office.end.succeeded", org);
        }
      }
    }
    String cleanDuty = duty == null || duty.isBlank() ? null : duty.strip();
    long id =
        jdbc.sql(
                """
                insert into member_office (organization_id, member_id, post, duty, from_on, scope_path,
                  recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                organizationId,
                memberId,
                post.name(),
                cleanDuty,
                from,
                org.path().value(),
                actor(),
                OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "member_office",
            Long.toString(id),
            "appoint",
            org.path().value(),
            Map.of(
                "organization", new Change(null, Long.toString(organizationId)),
                "member", new Change(null, Long.toString(memberId)),
                "post", new Change(null, post.name()),
                "from", new Change(null, from.toString()))));
    keepNamesInStep(org);
    return id;
  }

  /** Ends a term on {@code until} with a reason (换届、调离、免职…). */
  @PreAuthorize(EDITORS)
  public void end(long officeId, LocalDate until, String reason) {
    Office office = find(officeId).orElseThrow(() -> new OfficeNotFoundException(officeId));
    OrganizationView org = organization(office.organizationId());
    if (!office.open()) {
      throw new InvalidValueException("office.invalid.ended", office.memberName());
    }
    if (until.isBefore(office.from())) {
      throw new InvalidValueException("office.invalid.end-before-start", office.from());
    }
    if (until.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("office.invalid.future");
    }
    if (reason.isBlank()) {
      throw new InvalidValueException("office.invalid.reason-required");
    }
    close(office, until, reason.strip(), org);
    keepNamesInStep(org);
  }

  /**
   * Ends the member's open terms that the departure ends, on {@code on} (or on a term's first day,
   * if it began later), in the caller's transaction, and keeps the organizations' secretary names
   * in step. The terms may be held at organizations outside the caller's scope — a branch secretary
   * records the death of a member who sat on the town's committee; a transfer moves a member whose
   * committee is above both ends — so this runs as the system, for this member's terms only; each
   * end is audited under its organization's path. Returns the terms ended.
   */
  List<Office> endTermsOf(long memberId, Departure departure, LocalDate on) {
    return system.inThisTransaction(
        () -> {
          List<Office> ended = new java.util.ArrayList<>();
          List<Long> mustEnd =
              jdbc.sql(
                      """
                      select o.id from member_office o join member m on m.id = o.member_id
                      join organization g on g.id = o.organization_id
                      where o.member_id = ? and o.until_on is null
                        and (? or not starts_with(m.org_path, g.tree_path))
                      order by o.id
                      """)
                  .param(memberId)
                  .param(departure.endsEveryTerm())
                  .query(Long.class)
                  .list();
          for (long id : mustEnd) {
            Office office = find(id).orElseThrow(() -> new OfficeNotFoundException(id));
            OrganizationView org = organization(office.organizationId());
            LocalDate until = on.isBefore(office.from()) ? office.from() : on;
            close(office, until, departure.reasonKey, org);
            if (org.active()) {
              // The rule, not an editor, changed the committee: whoever recorded the event may.
              NamesInStep names = namesInStep(org);
              organizations.secretaryFollowsTerms(org.id(), names.secretary(), names.committee());
            }
            ended.add(find(id).orElseThrow());
          }
          return ended;
        });
  }

  /**
   * Why every open term at an organization ends by itself: the organization ended. The reason is
   * stored as its message key.
   */
  enum OrganizationEnd {
    /** 组织撤销. */
    DISSOLVED("office.end.organization-dissolved"),
    /** 组织合并: merged into another organization, whose own committee goes on. */
    MERGED("office.end.organization-merged");

    final String reasonKey;

    OrganizationEnd(String reasonKey) {
      this.reasonKey = reasonKey;
    }
  }

  /**
   * Ends every open term at the organization, which ends {@code on} (or a term's first day, if it
   * began later), in the transaction that dissolves or merges it (ADR 0015). The editor who ends
   * the organization sees it, but a holder may have left their scope before terms ended with their
   * holders, and a term is read with its holder: this runs as the system, for this organization's
   * terms only; each end is audited under the organization's path. The organization's record keeps
   * the committee it ended with, as its history. Returns the terms ended.
   */
  List<Office> endTermsAt(long organizationId, OrganizationEnd end, LocalDate on) {
    return system.inThisTransaction(
        () -> {
          OrganizationView org = organization(organizationId);
          List<Office> ended = new java.util.ArrayList<>();
          List<Long> mustEnd =
              jdbc.sql(
                      "select id from member_office where organization_id = ? and until_on is null"
                          + " order by id")
                  .param(organizationId)
                  .query(Long.class)
                  .list();
          for (long id : mustEnd) {
            Office office = find(id).orElseThrow(() -> new OfficeNotFoundException(id));
            close(office, on.isBefore(office.from()) ? office.from() : on, end.reasonKey, org);
            ended.add(find(id).orElseThrow());
          }
          return ended;
        });
  }

  private void close(Office office, LocalDate until, String reason, OrganizationView org) {
    jdbc.sql("update member_office set until_on = ?, end_reason = ? where id = ?")
        .params(until, reason, office.id())
        .update();
    events.publishEvent(
        new RecordChanged(
            "member_office",
            Long.toString(office.id()),
            "end",
            org.path().value(),
            Map.of(
                "until", new Change(null, until.toString()),
                "reason", new Change(null, reason))));
  }

  /** The organization's record names its open secretary and committee as the terms say. */
  private void keepNamesInStep(OrganizationView org) {
    NamesInStep names = namesInStep(org);
    organizations.changeSecretary(org.id(), names.secretary(), names.committee());
  }

  private record NamesInStep(String secretary, String committee) {}

  private NamesInStep namesInStep(OrganizationView org) {
    List<Office> open = of(org.id()).stream().filter(Office::open).toList();
    String secretary =
        open.stream()
            .filter(o -> o.post() == OfficePost.SECRETARY)
            .map(Office::memberName)
            .findFirst()
            .orElse("");
    String committee = open.stream().map(Office::memberName).collect(Collectors.joining("、"));
    return new NamesInStep(secretary, committee);
  }

  /** Whether the receipt of a transfer of the member out of the city was recorded. */
  private boolean leftTheCity(long memberId) {
    return jdbc.sql(
            "select exists (select 1 from member_transfer where member_id = ?"
                + " and kind = 'OUT_OF_CITY' and state = 'RECEIPT_RETURNED')")
        .param(memberId)
        .query(Boolean.class)
        .single();
  }

  private OrganizationView organization(long id) {
    return organizations.find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
  }

  private record Holder(String name, MemberStage stage, MemberStatus status, String orgPath) {}

  private static Office office(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Office(
        rs.getLong("id"),
        rs.getLong("organization_id"),
        rs.getLong("member_id"),
        rs.getString("name"),
        OfficePost.valueOf(rs.getString("post")),
        rs.getString("duty"),
        rs.getObject("from_on", LocalDate.class),
        rs.getObject("until_on", LocalDate.class),
        rs.getString("end_reason"),
        rs.getBoolean("eligible"));
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }
}
