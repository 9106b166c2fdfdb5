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

    /** An open term whose holder has since left the subtree or good standing: to be ended. */
    public boolean toEnd() {
      return open() && !holderEligible;
    }
  }

  /** Whether the holder is still a member in good standing of the organization's subtree. */
  private static final String ELIGIBLE =
      "(m.status = 'NORMAL' and starts_with(m.org_path, (select g.tree_path from organization g"
          + " where g.id = o.organization_id))) as eligible";

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganizationOffices(
      JdbcClient jdbc, Organizations organizations, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.organizations = organizations;
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
    List<Office> open = of(org.id()).stream().filter(Office::open).toList();
    String secretary =
        open.stream()
            .filter(o -> o.post() == OfficePost.SECRETARY)
            .map(Office::memberName)
            .findFirst()
            .orElse("");
    String committee = open.stream().map(Office::memberName).collect(Collectors.joining("、"));
    organizations.changeSecretary(org.id(), secretary, committee);
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
