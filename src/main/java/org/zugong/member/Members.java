package org.zugong.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.Education;
import org.zugong.person.Ethnicity;
import org.zugong.person.Gender;
import org.zugong.person.NewEmploymentGroup;
import org.zugong.person.OccupationCategory;
import org.zugong.person.PersonView;
import org.zugong.person.Persons;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;

/**
 * The member register within the caller's scope: finding members by name or ID number, lists that
 * open every statistic, the member card, entering members and changing their status.
 */
@Service
@Transactional
public class Members {

  static final String EDITORS =
      "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')";

  private static final String COLUMNS =
      "m.id, m.person_id, m.organization_id, m.scope_path, m.name, m.gender, m.ethnicity,"
          + " m.birth_date, m.id_number_masked, m.education, m.category, m.new_employment_group,"
          + " m.stage, m.status, m.joined_on, m.full_on, m.mobile";

  private final JdbcClient jdbc;
  private final Persons persons;
  private final Organizations organizations;
  private final MemberStatistics statistics;
  private final OrganizationOffices offices;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Members(
      JdbcClient jdbc,
      Persons persons,
      Organizations organizations,
      MemberStatistics statistics,
      OrganizationOffices offices,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.organizations = organizations;
    this.statistics = statistics;
    this.offices = offices;
    this.events = events;
    this.clock = clock;
  }

  /** A list with text counts at most this many members: a common surname would count for long. */
  public static final int COUNT_LIMIT = 10_000;

  /**
   * A page of members. {@code total} is exact unless {@code atLeast}: a search by text that matches
   * more than {@link #COUNT_LIMIT} members says so instead of counting them all.
   */
  public record Page(List<MemberView> rows, int page, int size, long total, boolean atLeast) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
      return atLeast ? rows.size() == size : page + 1 < pages();
    }
  }

  /** The WHERE clause of a filter: fixed fragments chosen by the filter, every value bound. */
  record Where(String sql, Map<String, Object> params, String order) {}

  Where where(MemberFilter f) {
    StringBuilder sql = new StringBuilder(" where true");
    Map<String, Object> params = new java.util.HashMap<>();
    String text = f.text().trim();
    boolean byName = false;
    if (!text.isEmpty()) {
      IdCardNumber id = null;
      if (text.length() == 18) {
        try {
          id = new IdCardNumber(text);
        } catch (InvalidValueException ignored) {
          // Not an ID number: a name.
        }
      }
      if (id != null) {
        sql.append(" and m.id_number_index = :idIndex");
        params.put("idIndex", persons.idNumberIndex(id));
      } else {
        byName = true;
        // The range lets the planner walk the name index whatever plan it caches for the LIKE.
        sql.append(" and m.name collate \"C\" like :name escape '\\'");
        sql.append(" and m.name collate \"C\" >= :nameFrom and m.name collate \"C\" <= :nameTo");
        params.put("nameFrom", text);
        params.put("nameTo", text + new String(Character.toChars(Character.MAX_CODE_POINT)));
        // A name is searched from its start (surname first), which the btree index serves.
        params.put(
            "name", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      }
    }
    if (f.under() != null) {
      OrganizationView under = organizations.find(f.under()).orElse(null);
      sql.append(" and starts_with(m.org_path, :under)");
      params.put("under", under == null ? "~" : under.treePath().value());
    }
    if (!f.includeFormer() && f.dimension() != MemberFilter.Dimension.STATUS) {
      sql.append(" and m.status in ('NORMAL', 'LOST_CONTACT', 'STOPPED')");
    }
    if (f.dimension() != null && f.value() != null) {
      String v = f.value();
      switch (f.dimension()) {
        case STATUS -> sql.append(" and m.status = :v");
        case STAGE -> sql.append(" and m.stage = :v");
        case GENDER -> sql.append(" and m.gender = :v");
        case EDUCATION -> sql.append(" and m.education = :v");
        case ETHNICITY -> sql.append(" and m.ethnicity = :v");
        case OCCUPATION -> sql.append(" and m.category = :v");
        case NEW_EMPLOYMENT -> sql.append(" and m.new_employment_group = :v");
        case MOBILE -> sql.append(" and m.mobile = cast(:v as boolean)");
        case AGE_BAND -> {
          AgeBand band = AgeBand.valueOf(v);
          LocalDate today = LocalDate.now(clock);
          sql.append(" and m.birth_date between :bornFrom and :bornTo");
          params.put("bornFrom", band.bornFrom(today));
          params.put("bornTo", band.bornTo(today));
        }
      }
      if (f.dimension() != MemberFilter.Dimension.AGE_BAND) {
        params.put("v", v);
      }
    }
    // Walk the index that matches the filter: below an organization by its tree, else by scope.
    String order =
        byName
            ? " order by m.name collate \"C\", m.id"
            : f.under() != null ? " order by m.org_path, m.id" : " order by m.scope_path, m.id";
    return new Where(sql.toString(), params, order);
  }

  /**
   * A page of a list. Without text, the total is the figure of the statistics (from the member
   * tally); a search counts its matches up to {@link #COUNT_LIMIT} and no further.
   */
  @Transactional(readOnly = true)
  public Page page(MemberFilter filter, int page, int size) {
    Where w = where(filter);
    java.util.OptionalLong figure = statistics.count(filter.under(), filter);
    long total;
    boolean atLeast = false;
    if (figure.isPresent()) {
      total = figure.getAsLong();
    } else {
      var count =
          jdbc.sql("select count(*) from (select 1 from member m" + w.sql() + " limit :limit) t");
      w.params().forEach(count::param);
      total = count.param("limit", COUNT_LIMIT + 1).query(Long.class).single();
      if (total > COUNT_LIMIT) {
        total = COUNT_LIMIT;
        atLeast = true;
      }
    }
    var rows =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from member m"
                + w.sql()
                + w.order()
                + " limit :size offset :offset");
    w.params().forEach(rows::param);
    List<Row> list =
        rows.param("size", size).param("offset", (long) page * size).query(Members::row).list();
    return new Page(views(list), page, size, total, atLeast);
  }

  /** Every member of a filter, in order, for export. */
  @Transactional(readOnly = true)
  public void each(MemberFilter filter, Consumer<MemberView> sink) {
    Where w = where(filter);
    var rows = jdbc.sql("select " + COLUMNS + " from member m" + w.sql() + w.order());
    w.params().forEach(rows::param);
    List<Row> batch = new ArrayList<>(1000);
    rows.query(Members::row).stream()
        .forEach(
            r -> {
              batch.add(r);
              if (batch.size() == 1000) {
                views(batch).forEach(sink);
                batch.clear();
              }
            });
    views(batch).forEach(sink);
  }

  /** Current members in the caller's scope. */
  @Transactional(readOnly = true)
  public long countCurrent() {
    return jdbc.sql(
            "select count(*) from member where status in ('NORMAL', 'LOST_CONTACT', 'STOPPED')")
        .query(Long.class)
        .single();
  }

  @Transactional(readOnly = true)
  public Optional<MemberView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from member m where m.id = ?")
        .param(id)
        .query(Members::row)
        .optional()
        .map(r -> views(List.of(r)).getFirst());
  }

  /** One entry of a member's history. */
  public record MemberEvent(
      String kind,
      LocalDate effectiveOn,
      @Nullable String organizationName,
      @Nullable String detail,
      String recordedBy) {}

  @Transactional(readOnly = true)
  public List<MemberEvent> history(long id) {
    List<Object[]> raw =
        jdbc.sql(
                "select kind, effective_on, organization_id, detail, recorded_by from member_event where member_id = ? order by effective_on, id")
            .param(id)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getObject(2, LocalDate.class),
                      rs.getObject(3),
                      rs.getString(4),
                      rs.getString(5)
                    })
            .list();
    Set<Long> orgIds = new HashSet<>();
    raw.forEach(
        r -> {
          if (r[2] != null) {
            orgIds.add((Long) r[2]);
          }
        });
    Map<Long, String> names = organizations.names(orgIds);
    return raw.stream()
        .map(
            r ->
                new MemberEvent(
                    (String) r[0],
                    (LocalDate) r[1],
                    r[2] == null ? null : names.get((Long) r[2]),
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  /** Enters a member into the register of a branch. */
  @PreAuthorize(EDITORS)
  public long admit(Admission a) {
    OrganizationView org =
        organizations
            .find(a.organizationId())
            .orElseThrow(
                () -> new InvalidValueException("member.invalid.organization", a.organizationId()));
    if (!org.kind().holdsMembers() || !org.active()) {
      throw new InvalidValueException("member.rule.branch-holds-members", org.name());
    }
    if (a.joinedOn().isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("member.rule.no-future-date");
    }
    if (a.stage() == MemberStage.FULL
        && (a.fullOn() == null || a.fullOn().isBefore(a.joinedOn()))) {
      throw new InvalidValueException("member.rule.full-after-joining");
    }
    if (java.time.Period.between(a.person().birthDate(), a.joinedOn()).getYears() < 18) {
      throw new InvalidValueException("member.rule.adult-at-joining");
    }
    Optional<PersonView> existing = persons.findByIdNumber(a.person().idNumber());
    long personId;
    if (existing.isPresent()) {
      personId = existing.get().id();
      boolean already =
          jdbc.sql("select exists (select 1 from member where person_id = ?)")
              .param(personId)
              .query(Boolean.class)
              .single();
      if (already) {
        throw new InvalidValueException("member.invalid.duplicate", a.person().idNumber().masked());
      }
      persons.placeIn(personId, org.path());
    } else {
      personId = persons.register(a.person(), org.path());
    }
    PersonView p = persons.find(personId).orElseThrow();
    long id = jdbc.sql("select nextval('member_id_seq')").query(Long.class).single();
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into member (id, person_id, organization_id, scope_path, org_path, name, gender, ethnicity, birth_date,
              id_number_index, id_number_masked, education, category, new_employment_group, stage, status,
              joined_on, full_on, created_at, updated_at)
            values (:id, :person, :org, :scope, :orgPath, :name, :gender, :ethnicity, :birth, :idIndex, :idMasked,
              :education, :category, :group, :stage, 'NORMAL', :joined, :full, :now, :now)
            """)
        .param("id", id)
        .param("person", personId)
        .param("org", org.id())
        .param("scope", org.path().value())
        .param("orgPath", org.treePath().value())
        .param("name", p.name())
        .param("gender", p.gender().name())
        .param("ethnicity", p.ethnicity().code())
        .param("birth", p.birthDate())
        .param("idIndex", persons.idNumberIndex(a.person().idNumber()))
        .param("idMasked", p.idNumberMasked())
        .param("education", p.education().name())
        .param("category", p.category().name())
        .param("group", p.newEmploymentGroup() == null ? null : p.newEmploymentGroup().name())
        .param("stage", a.stage().name())
        .param("joined", a.joinedOn())
        .param("full", a.fullOn())
        .param("now", now)
        .update();
    recordEvent(id, "JOINED", a.joinedOn(), org.id(), null, org.path());
    if (a.fullOn() != null) {
      recordEvent(id, "CONVERTED", a.fullOn(), org.id(), null, org.path());
    }
    events.publishEvent(
        new RecordChanged(
            "member",
            Long.toString(id),
            "create",
            org.path().value(),
            Map.of(
                "person",
                new RecordChanged.Change(null, Long.toString(personId)),
                "organization",
                new RecordChanged.Change(null, Long.toString(org.id())),
                "stage",
                new RecordChanged.Change(null, a.stage().name()))));
    return id;
  }

  /**
   * Changes a member's status (e.g. lost contact, deceased) from a date, with the reason. A member
   * who leaves good standing for good (suspended, removed, deceased) leaves their committee posts
   * on that date.
   */
  @PreAuthorize(EDITORS)
  public void changeStatus(long id, MemberStatus status, LocalDate on, String reason) {
    MemberView m = find(id).orElseThrow(() -> new MemberNotFoundException(id));
    if (on.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("member.rule.no-future-date");
    }
    if (reason.isBlank()) {
      throw new InvalidValueException("member.invalid.reason");
    }
    if (m.status() == status) {
      return;
    }
    jdbc.sql("update member set status = ?, updated_at = ? where id = ?")
        .params(status.name(), OffsetDateTime.now(clock), id)
        .update();
    recordEvent(
        id, "STATUS_" + status.name(), on, m.organizationId(), reason.trim(), m.scopePath());
    events.publishEvent(
        new RecordChanged(
            "member",
            Long.toString(id),
            "status",
            m.scopePath().value(),
            Map.of(
                "status",
                new RecordChanged.Change(m.status().name(), status.name()),
                "reason",
                new RecordChanged.Change(null, reason.trim()))));
    OrganizationOffices.Departure.ofStatus(status)
        .ifPresent(departure -> offices.endTermsOf(id, departure, on));
  }

  /**
   * Moves a member's relationship to another organization (the end of a transfer); the member's
   * committee posts at organizations they no longer belong to end that day.
   */
  public void moveTo(long id, long organizationId, LocalDate on, String detail) {
    MemberView m = find(id).orElseThrow(() -> new MemberNotFoundException(id));
    OrganizationView target =
        organizations
            .find(organizationId)
            .orElseThrow(
                () -> new InvalidValueException("member.invalid.organization", organizationId));
    jdbc.sql(
            "update member set organization_id = ?, scope_path = ?, org_path = ?, updated_at = ?"
                + " where id = ?")
        .params(
            target.id(),
            target.path().value(),
            target.treePath().value(),
            OffsetDateTime.now(clock),
            id)
        .update();
    jdbc.sql("update member_event set scope_path = ? where member_id = ?")
        .params(target.path().value(), id)
        .update();
    persons.placeIn(m.personId(), target.path());
    recordEvent(id, "MOVED", on, target.id(), detail, target.path());
    offices.endTermsOf(id, OrganizationOffices.Departure.TRANSFERRED_OUT, on);
  }

  void recordEvent(
      long memberId,
      String kind,
      LocalDate on,
      @Nullable Long orgId,
      @Nullable String detail,
      ScopePath path) {
    jdbc.sql(
            "insert into member_event (member_id, kind, effective_on, organization_id, detail, scope_path, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(memberId, kind, on, orgId, detail, path.value(), actor(), OffsetDateTime.now(clock))
        .update();
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }

  record Row(
      long id,
      long personId,
      long orgId,
      String path,
      String name,
      String gender,
      String ethnicity,
      LocalDate birth,
      String idMasked,
      String education,
      String category,
      @Nullable String group,
      String stage,
      String status,
      LocalDate joined,
      @Nullable LocalDate full,
      boolean mobile) {}

  static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getLong("organization_id"),
        rs.getString("scope_path"),
        rs.getString("name"),
        rs.getString("gender"),
        rs.getString("ethnicity"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("id_number_masked"),
        rs.getString("education"),
        rs.getString("category"),
        rs.getString("new_employment_group"),
        rs.getString("stage"),
        rs.getString("status"),
        rs.getObject("joined_on", LocalDate.class),
        rs.getObject("full_on", LocalDate.class),
        rs.getBoolean("mobile"));
  }

  private List<MemberView> views(List<Row> rows) {
    Set<Long> orgs = new HashSet<>();
    rows.forEach(r -> orgs.add(r.orgId()));
    Map<Long, String> names = organizations.names(orgs);
    List<MemberView> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new MemberView(
              r.id(),
              r.personId(),
              r.orgId(),
              names.getOrDefault(r.orgId(), ""),
              new ScopePath(r.path()),
              r.name(),
              Gender.valueOf(r.gender()),
              Ethnicity.ofCode(r.ethnicity()).orElse(Ethnicity.OTHER),
              r.birth(),
              r.idMasked(),
              Education.valueOf(r.education()),
              OccupationCategory.valueOf(r.category()),
              r.group() == null ? null : NewEmploymentGroup.valueOf(r.group()),
              MemberStage.valueOf(r.stage()),
              MemberStatus.valueOf(r.status()),
              r.joined(),
              r.full(),
              r.mobile()));
    }
    return out;
  }
}
