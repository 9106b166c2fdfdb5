package org.zugong.member;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.member.recruitment.Introducer;
import org.zugong.member.recruitment.Recruitment;
import org.zugong.member.recruitment.RecruitmentRules;
import org.zugong.member.recruitment.RecruitmentStage;
import org.zugong.member.recruitment.RecruitmentStep;
import org.zugong.member.recruitment.RecruitmentStepKind;
import org.zugong.member.recruitment.RecruitmentTodo;
import org.zugong.member.recruitment.RecruitmentTodos;
import org.zugong.member.recruitment.StepDetails;
import org.zugong.member.recruitment.TodoStatus;
import org.zugong.organization.OrganizationKind;
import org.zugong.organization.OrganizationView;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonFacts;
import org.zugong.person.PersonView;
import org.zugong.person.Persons;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.shared.Decision;
import org.zugong.shared.IdCardNumber;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;

/**
 * The recruitment of party members (发展党员) within the caller's scope. An application starts it (the
 * person registered if new); every further step is checked against the steps recorded before,
 * replayed under the rules of the detailed rules, and stored only if the rules allow it — a refusal
 * names the rule and its reason. The branch meeting's admission enters the probationary member into
 * the register; the conversion makes them a full member. The steps due next form the to-do list of
 * each organization.
 */
@Service
@Transactional
public class Recruitments {

  static final String EDITORS =
      "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY')";

  private static final String HEADER =
      "id, person_id, organization_id, scope_path, org_path, name, birth_date, id_number_masked,"
          + " stage, applied_on, member_id";

  private final JdbcClient jdbc;
  private final Members members;
  private final Persons persons;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Recruitments(
      JdbcClient jdbc,
      Members members,
      Persons persons,
      Organizations organizations,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.persons = persons;
    this.organizations = organizations;
    this.events = events;
    this.clock = clock;
  }

  // ---- commands ------------------------------------------------------------------------------

  /**
   * An application (入党申请) received by a branch: the person, the day, the body that received it and
   * the people who took it (member ids, may be empty).
   */
  public record Application(
      PersonFacts person,
      long organizationId,
      LocalDate appliedOn,
      String receivedBy,
      List<Long> people,
      @Nullable String note) {
    public Application {
      people = List.copyOf(people);
    }
  }

  /**
   * A step to record: its kind, day, deciding body and people (member ids: the talkers, contact
   * persons, or the two introducers), and the details its kind takes (training length, special
   * reason of a late approval, months of an extension, reason of a stop); details another kind
   * takes are ignored.
   */
  public record StepRecord(
      RecruitmentStepKind kind,
      LocalDate date,
      String decidedBy,
      List<Long> people,
      @Nullable Integer trainingDays,
      @Nullable Integer classHours,
      @Nullable String specialReason,
      @Nullable Integer extensionMonths,
      @Nullable String stopReason,
      @Nullable String note) {

    public StepRecord {
      people = List.copyOf(people);
    }

    public static StepRecord of(
        RecruitmentStepKind kind, LocalDate date, String decidedBy, Long... people) {
      return new StepRecord(
          kind, date, decidedBy, List.of(people), null, null, null, null, null, null);
    }

    public static StepRecord introducers(
        LocalDate date, String decidedBy, long first, long second) {
      return of(RecruitmentStepKind.INTRODUCERS, date, decidedBy, first, second);
    }

    public static StepRecord training(LocalDate date, String decidedBy, int days, int classHours) {
      return new StepRecord(
          RecruitmentStepKind.TRAINING,
          date,
          decidedBy,
          List.of(),
          days,
          classHours,
          null,
          null,
          null,
          null);
    }

    public static StepRecord approval(
        LocalDate date, String decidedBy, @Nullable String specialReason) {
      return new StepRecord(
          RecruitmentStepKind.COMMITTEE_APPROVAL,
          date,
          decidedBy,
          List.of(),
          null,
          null,
          specialReason,
          null,
          null,
          null);
    }

    public static StepRecord extension(LocalDate date, String decidedBy, int months) {
      return new StepRecord(
          RecruitmentStepKind.PROBATION_EXTENSION,
          date,
          decidedBy,
          List.of(),
          null,
          null,
          null,
          months,
          null,
          null);
    }

    public static StepRecord stop(LocalDate date, String decidedBy, String reason) {
      return new StepRecord(
          RecruitmentStepKind.STOP,
          date,
          decidedBy,
          List.of(),
          null,
          null,
          null,
          null,
          reason,
          null);
    }
  }

  /** Starts a recruitment with the application; returns its id. */
  @PreAuthorize(EDITORS)
  public long start(Application a) {
    OrganizationView branch = branch(a.organizationId());
    notAfterToday(a.appliedOn());
    long personId = personFor(a.person(), branch);
    IdCardNumber idNumber = a.person().idNumber();
    if (exists("select exists (select 1 from member where person_id = ?)", personId)) {
      throw new InvalidValueException("recruitment.invalid.already-member", idNumber.masked());
    }
    if (exists(
        "select exists (select 1 from member_recruitment where person_id = ? and stage <> 'STOPPED')",
        personId)) {
      throw new InvalidValueException("recruitment.invalid.already-recruiting", idNumber.masked());
    }
    PersonView person = persons.find(personId).orElseThrow();
    Recruitment recruitment = Recruitment.of(personId, person.birthDate());
    RecruitmentStep application =
        new RecruitmentStep(
            RecruitmentStepKind.APPLICATION,
            a.appliedOn(),
            a.receivedBy().trim(),
            knownMembers(a.people()),
            StepDetails.NONE);
    recruitment.record(application).orThrow();
    long id = jdbc.sql("select nextval('member_recruitment_id_seq')").query(Long.class).single();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Header header =
        new Header(
            id,
            personId,
            branch.id(),
            branch.path().value(),
            branch.treePath().value(),
            person.name(),
            person.birthDate(),
            person.idNumberMasked(),
            RecruitmentStage.APPLICANT,
            a.appliedOn(),
            null);
    try {
      jdbc.sql(
              """
              insert into member_recruitment (id, person_id, organization_id, scope_path, org_path, name,
                birth_date, id_number_masked, stage, applied_on, created_at, updated_at)
              values (:id, :person, :org, :scope, :orgPath, :name, :birth, :masked, :stage, :applied, :now, :now)
              """)
          .param("id", id)
          .param("person", personId)
          .param("org", branch.id())
          .param("scope", header.scopePath())
          .param("orgPath", header.orgPath())
          .param("name", header.name())
          .param("birth", header.birthDate())
          .param("masked", header.idNumberMasked())
          .param("stage", RecruitmentStage.APPLICANT.name())
          .param("applied", a.appliedOn())
          .param("now", now)
          .update();
    } catch (DuplicateKeyException e) {
      // The same person on a path in a part of the tree the caller cannot see.
      throw new InvalidValueException("recruitment.invalid.already-recruiting", idNumber.masked());
    }
    insertStep(header, 1, application, a.note());
    writeTodos(header, recruitment);
    events.publishEvent(
        new RecordChanged(
            "member_recruitment",
            Long.toString(id),
            "create",
            header.scopePath(),
            Map.of(
                "person",
                new RecordChanged.Change(null, Long.toString(personId)),
                "organization",
                new RecordChanged.Change(null, Long.toString(branch.id())),
                "appliedOn",
                new RecordChanged.Change(null, a.appliedOn().toString()),
                "stage",
                new RecordChanged.Change(null, RecruitmentStage.APPLICANT.name()))));
    return id;
  }

  /**
   * Records a step if the rules allow it after the steps recorded before, and returns the stage it
   * leads to.
   *
   * @throws InvalidValueException with the refusing rule's message key and arguments
   */
  @PreAuthorize(EDITORS)
  public RecruitmentStage record(long id, StepRecord s) {
    Header header = header(id, true).orElseThrow(() -> new RecruitmentNotFoundException(id));
    List<Stored> stored = steps(id);
    Recruitment recruitment = replay(header, stored);
    notAfterToday(s.date());
    RecruitmentStep step = toStep(s);
    RecruitmentStage before = recruitment.stage();
    recruitment.record(step).orThrow();
    RecruitmentStage after = recruitment.stage();
    Long memberId = header.memberId();
    switch (step.kind()) {
      case BRANCH_ADMISSION -> memberId = admit(header, step.date());
      case CONVERSION -> convert(header, step.date());
      case STOP -> {
        if (memberId != null) {
          // 取消预备党员资格: the probationary member leaves the register.
          members.changeStatus(
              memberId,
              MemberStatus.REMOVED,
              step.date(),
              ((StepDetails.Stop) step.details()).reason());
        }
      }
      default -> {
        // The other steps change nothing outside the recruitment.
      }
    }
    insertStep(header, stored.size() + 1, step, s.note());
    jdbc.sql("update member_recruitment set stage = ?, member_id = ?, updated_at = ? where id = ?")
        .params(after.name(), memberId, OffsetDateTime.now(clock), id)
        .update();
    writeTodos(header, recruitment);
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("step", new RecordChanged.Change(null, step.kind().name()));
    changes.put("date", new RecordChanged.Change(null, step.date().toString()));
    changes.put("decidedBy", new RecordChanged.Change(null, step.decidedBy()));
    if (before != after) {
      changes.put("stage", new RecordChanged.Change(before.name(), after.name()));
    }
    events.publishEvent(
        new RecordChanged(
            "member_recruitment", Long.toString(id), "step", header.scopePath(), changes));
    return after;
  }

  // ---- reading -------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Optional<RecruitmentView> find(long id) {
    return header(id, false).map(this::view);
  }

  /** The latest recruitment of a person (e.g. of a member, the path that led to membership). */
  @Transactional(readOnly = true)
  public Optional<RecruitmentView> ofPerson(long personId) {
    return jdbc.sql(
            "select "
                + HEADER
                + " from member_recruitment where person_id = ? order by (stage = 'STOPPED'), applied_on desc, id desc limit 1")
        .param(personId)
        .query(Recruitments::header)
        .optional()
        .map(this::view);
  }

  /**
   * The body that decides a step of this kind by default: the branch, or the committee above it.
   */
  @Transactional(readOnly = true)
  public String decidingBody(long organizationId, RecruitmentStepKind kind) {
    OrganizationView branch = organizations.find(organizationId).orElse(null);
    if (branch == null) {
      return "";
    }
    boolean committee =
        switch (kind) {
          case POLITICAL_REVIEW, TRAINING, COMMITTEE_APPROVAL -> true;
          default -> false;
        };
    if (!committee) {
      return branch.name();
    }
    OrganizationView up = branch;
    for (int depth = 0; depth < 8 && up.parentId() != null; depth++) {
      Optional<OrganizationView> parent = organizations.find(up.parentId());
      if (parent.isEmpty()) {
        break;
      }
      up = parent.get();
      if (up.kind() == OrganizationKind.COMMITTEE
          || up.kind() == OrganizationKind.WORKING_COMMITTEE) {
        return up.name();
      }
    }
    return branch.name();
  }

  /** One line of the to-do list: a step due in a recruitment, with its status on the day asked. */
  public record TodoRow(
      long recruitmentId,
      String name,
      long organizationId,
      String organizationName,
      RecruitmentStage stage,
      RecruitmentStepKind step,
      LocalDate dueOn,
      TodoStatus status) {}

  /** A page of the to-do list. */
  public record TodoPage(List<TodoRow> rows, LocalDate asOf, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /**
   * The steps due in the recruitments below an organization (or the whole scope), earliest first,
   * of one status or all, as they stand on {@code asOf}.
   */
  @Transactional(readOnly = true)
  public TodoPage todos(
      @Nullable Long under, @Nullable TodoStatus status, LocalDate asOf, int page, int size) {
    String path = treePath(under);
    LocalDate[] range = range(status, asOf);
    String where =
        " from member_recruitment_todo t join member_recruitment r on r.id = t.recruitment_id"
            + " where (cast(:under as text) is null or starts_with(t.org_path, cast(:under as text)))"
            + " and (cast(:from as date) is null or t.due_on >= cast(:from as date))"
            + " and (cast(:to as date) is null or t.due_on <= cast(:to as date))";
    long total =
        jdbc.sql("select count(*)" + where)
            .param("under", path)
            .param("from", range[0])
            .param("to", range[1])
            .query(Long.class)
            .single();
    List<Object[]> raw =
        jdbc.sql(
                "select t.recruitment_id, r.name, r.organization_id, r.stage, t.step, t.due_on"
                    + where
                    + " order by t.due_on, t.recruitment_id, t.step limit :size offset :offset")
            .param("under", path)
            .param("from", range[0])
            .param("to", range[1])
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getLong(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getObject(6, LocalDate.class)
                    })
            .list();
    Set<Long> orgs = new HashSet<>();
    raw.forEach(r -> orgs.add((Long) r[2]));
    Map<Long, String> names = organizations.names(orgs);
    List<TodoRow> rows = new ArrayList<>(raw.size());
    for (Object[] r : raw) {
      LocalDate due = (LocalDate) r[5];
      rows.add(
          new TodoRow(
              (Long) r[0],
              (String) r[1],
              (Long) r[2],
              names.getOrDefault((Long) r[2], ""),
              RecruitmentStage.valueOf((String) r[3]),
              RecruitmentStepKind.valueOf((String) r[4]),
              due,
              TodoStatus.of(due, asOf)));
    }
    return new TodoPage(rows, asOf, page, size, total);
  }

  /** How many steps below an organization are due, due soon and overdue on {@code asOf}. */
  @Transactional(readOnly = true)
  public Map<TodoStatus, Long> todoCounts(@Nullable Long under, LocalDate asOf) {
    LocalDate soonEnd = asOf.plusDays(TodoStatus.SOON_DAYS);
    Map<TodoStatus, Long> counts = new EnumMap<>(TodoStatus.class);
    jdbc.sql(
            "select count(*) filter (where due_on < :asOf),"
                + " count(*) filter (where due_on >= :asOf and due_on <= :soonEnd),"
                + " count(*) filter (where due_on > :soonEnd)"
                + " from member_recruitment_todo"
                + " where (cast(:under as text) is null or starts_with(org_path, cast(:under as text)))")
        .param("asOf", asOf)
        .param("soonEnd", soonEnd)
        .param("under", treePath(under))
        .query(
            rs -> {
              counts.put(TodoStatus.OVERDUE, rs.getLong(1));
              counts.put(TodoStatus.DUE_SOON, rs.getLong(2));
              counts.put(TodoStatus.DUE, rs.getLong(3));
            });
    return counts;
  }

  /** One recruitment in a list, with the earliest date a step of it falls due. */
  public record Row(
      long id,
      String name,
      String idNumberMasked,
      long organizationId,
      String organizationName,
      RecruitmentStage stage,
      LocalDate appliedOn,
      @Nullable LocalDate nextDue) {}

  /** A page of recruitments. */
  public record Page(List<Row> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** Recruitments below an organization, of one stage or all, by part of the name. */
  @Transactional(readOnly = true)
  public Page page(
      @Nullable Long under, @Nullable RecruitmentStage stage, String text, int page, int size) {
    String q = text.trim();
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String where =
        " from member_recruitment r"
            + " where (cast(:under as text) is null or starts_with(r.org_path, cast(:under as text)))"
            + " and (cast(:stage as text) is null or r.stage = cast(:stage as text))"
            + " and (:q = '' or r.name like :like escape '\\')";
    String path = treePath(under);
    String stageName = stage == null ? null : stage.name();
    long total =
        jdbc.sql("select count(*)" + where)
            .param("under", path)
            .param("stage", stageName)
            .param("q", q)
            .param("like", like)
            .query(Long.class)
            .single();
    List<Object[]> raw =
        jdbc.sql(
                "select r.id, r.name, r.id_number_masked, r.organization_id, r.stage, r.applied_on,"
                    + " (select min(t.due_on) from member_recruitment_todo t where t.recruitment_id = r.id)"
                    + where
                    + " order by r.applied_on desc, r.id desc limit :size offset :offset")
            .param("under", path)
            .param("stage", stageName)
            .param("q", q)
            .param("like", like)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5),
                      rs.getObject(6, LocalDate.class),
                      rs.getObject(7, LocalDate.class)
                    })
            .list();
    Set<Long> orgs = new HashSet<>();
    raw.forEach(r -> orgs.add((Long) r[3]));
    Map<Long, String> names = organizations.names(orgs);
    List<Row> rows =
        raw.stream()
            .map(
                r ->
                    new Row(
                        (Long) r[0],
                        (String) r[1],
                        (String) r[2],
                        (Long) r[3],
                        names.getOrDefault((Long) r[3], ""),
                        RecruitmentStage.valueOf((String) r[4]),
                        (LocalDate) r[5],
                        (LocalDate) r[6]))
            .toList();
    return new Page(rows, page, size, total);
  }

  // ---- the steps -----------------------------------------------------------------------------

  private RecruitmentStep toStep(StepRecord s) {
    String by = s.decidedBy().trim();
    return switch (s.kind()) {
      case INTRODUCERS -> {
        List<Introducer> introducers = s.people().stream().map(this::introducer).toList();
        yield new RecruitmentStep(
            s.kind(), s.date(), by, s.people(), new StepDetails.Introducers(introducers));
      }
      case TRAINING ->
          new RecruitmentStep(
              s.kind(),
              s.date(),
              by,
              knownMembers(s.people()),
              new StepDetails.Training(orZero(s.trainingDays()), orZero(s.classHours())));
      case COMMITTEE_APPROVAL ->
          new RecruitmentStep(
              s.kind(),
              s.date(),
              by,
              knownMembers(s.people()),
              new StepDetails.Approval(s.specialReason()));
      case PROBATION_EXTENSION ->
          new RecruitmentStep(
              s.kind(),
              s.date(),
              by,
              knownMembers(s.people()),
              new StepDetails.Extension(orZero(s.extensionMonths())));
      case STOP ->
          new RecruitmentStep(
              s.kind(),
              s.date(),
              by,
              knownMembers(s.people()),
              new StepDetails.Stop(s.stopReason() == null ? "" : s.stopReason().trim()));
      case APPLICATION,
          TALK,
          ACTIVIST_DESIGNATION,
          ACTIVIST_REVIEW,
          CANDIDATE_DESIGNATION,
          POLITICAL_REVIEW,
          BRANCH_ADMISSION,
          CONVERSION ->
          new RecruitmentStep(s.kind(), s.date(), by, knownMembers(s.people()), StepDetails.NONE);
    };
  }

  /** An introducer as the member register has them today: only a member in good standing. */
  private Introducer introducer(long memberId) {
    MemberView m =
        members
            .find(memberId)
            .orElseThrow(() -> new InvalidValueException("recruitment.invalid.person", memberId));
    if (m.status() != MemberStatus.NORMAL) {
      throw new InvalidValueException("recruitment.invalid.introducer-status", m.name());
    }
    RecruitmentStage stage =
        m.stage() == MemberStage.FULL ? RecruitmentStage.FULL : RecruitmentStage.PROBATIONARY;
    return new Introducer(memberId, stage, m.personId());
  }

  /** The people of a step, once each; every one a member the caller may see. */
  private List<Long> knownMembers(List<Long> people) {
    List<Long> distinct = List.copyOf(new LinkedHashSet<>(people));
    if (distinct.isEmpty()) {
      return distinct;
    }
    Set<Long> found =
        new HashSet<>(
            jdbc.sql("select id from member where id = any(?)")
                .param(distinct.stream().mapToLong(Long::longValue).toArray())
                .query(Long.class)
                .list());
    for (Long id : distinct) {
      if (!found.contains(id)) {
        throw new InvalidValueException("recruitment.invalid.person", id);
      }
    }
    return distinct;
  }

  /** The branch meeting admitted the candidate: the probationary member enters the register. */
  private long admit(Header header, LocalDate on) {
    PersonView p =
        persons
            .find(header.personId())
            .orElseThrow(() -> new InvalidValueException("recruitment.invalid.person-unknown"));
    // The register finds the person by ID number, which only the person register holds in full.
    IdCardNumber idNumber =
        new IdCardNumber(
            persons
                .revealIdNumber(header.personId())
                .orElseThrow(
                    () -> new InvalidValueException("recruitment.invalid.person-unknown")));
    PersonFacts facts =
        new PersonFacts(
            p.name(),
            idNumber,
            p.gender(),
            p.ethnicity(),
            p.birthDate(),
            null,
            p.education(),
            p.occupation(),
            p.category(),
            p.newEmploymentGroup());
    return members.admit(
        new Admission(facts, header.organizationId(), MemberStage.PROBATIONARY, on, null));
  }

  /** The probation has ended well: the member is a full member from this day. */
  private void convert(Header header, LocalDate on) {
    Long memberId = header.memberId();
    MemberView m =
        memberId == null
            ? null
            : members
                .find(memberId)
                .filter(v -> v.stage() == MemberStage.PROBATIONARY)
                .orElse(null);
    if (m == null) {
      throw new InvalidValueException("recruitment.invalid.no-probationary-member");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("update member set stage = 'FULL', full_on = ?, updated_at = ? where id = ?")
        .params(on, now, m.id())
        .update();
    jdbc.sql(
            "insert into member_event (member_id, kind, effective_on, organization_id, detail,"
                + " scope_path, recorded_by, recorded_at) values (?, 'CONVERTED', ?, ?, ?, ?, ?, ?)")
        .params(m.id(), on, m.organizationId(), null, m.scopePath().value(), actor(), now)
        .update();
    events.publishEvent(
        new RecordChanged(
            "member",
            Long.toString(m.id()),
            "convert",
            m.scopePath().value(),
            Map.of(
                "stage",
                new RecordChanged.Change(MemberStage.PROBATIONARY.name(), MemberStage.FULL.name()),
                "fullOn",
                new RecordChanged.Change(null, on.toString()))));
  }

  // ---- storage -------------------------------------------------------------------------------

  /** The columns of a recruitment kept beside its steps. */
  record Header(
      long id,
      long personId,
      long organizationId,
      String scopePath,
      String orgPath,
      String name,
      LocalDate birthDate,
      String idNumberMasked,
      RecruitmentStage stage,
      LocalDate appliedOn,
      @Nullable Long memberId) {}

  /** A stored step: the domain step and what is kept beside it. */
  record Stored(int seq, RecruitmentStep step, @Nullable String note, String recordedBy) {}

  private Optional<Header> header(long id, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + HEADER
                + " from member_recruitment where id = ?"
                + (forUpdate ? " for update" : ""))
        .param(id)
        .query(Recruitments::header)
        .optional();
  }

  static Header header(ResultSet rs, int n) throws SQLException {
    return new Header(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getLong("organization_id"),
        rs.getString("scope_path"),
        rs.getString("org_path"),
        rs.getString("name"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("id_number_masked"),
        RecruitmentStage.valueOf(rs.getString("stage")),
        rs.getObject("applied_on", LocalDate.class),
        (Long) rs.getObject("member_id"));
  }

  private List<Stored> steps(long recruitmentId) {
    return jdbc.sql(
            "select seq, kind, taken_on, decided_by, people, introducer_stages, introducer_persons,"
                + " training_days, training_hours, special_reason, extension_months, stop_reason,"
                + " note, recorded_by from member_recruitment_step where recruitment_id = ?"
                + " order by seq")
        .param(recruitmentId)
        .query(Recruitments::stored)
        .list();
  }

  static Stored stored(ResultSet rs, int n) throws SQLException {
    RecruitmentStepKind kind = RecruitmentStepKind.valueOf(rs.getString("kind"));
    List<Long> people = longs(rs.getArray("people"));
    StepDetails details =
        switch (kind) {
          case INTRODUCERS -> {
            List<String> stages = strings(rs.getArray("introducer_stages"));
            List<Long> personIds = longs(rs.getArray("introducer_persons"));
            List<Introducer> introducers = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
              introducers.add(
                  new Introducer(
                      people.get(i), RecruitmentStage.valueOf(stages.get(i)), personIds.get(i)));
            }
            yield new StepDetails.Introducers(introducers);
          }
          case TRAINING ->
              new StepDetails.Training(rs.getInt("training_days"), rs.getInt("training_hours"));
          case COMMITTEE_APPROVAL -> new StepDetails.Approval(rs.getString("special_reason"));
          case PROBATION_EXTENSION -> new StepDetails.Extension(rs.getInt("extension_months"));
          case STOP -> new StepDetails.Stop(rs.getString("stop_reason"));
          default -> StepDetails.NONE;
        };
    return new Stored(
        rs.getInt("seq"),
        new RecruitmentStep(
            kind,
            rs.getObject("taken_on", LocalDate.class),
            rs.getString("decided_by"),
            people,
            details),
        rs.getString("note"),
        rs.getString("recorded_by"));
  }

  private static List<Long> longs(@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<Long> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(((Number) v).longValue());
    }
    return out;
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private void insertStep(Header header, int seq, RecruitmentStep step, @Nullable String note) {
    String[] stages = null;
    long[] introducerPersons = null;
    Integer days = null;
    Integer hours = null;
    String reason = null;
    Integer months = null;
    String stopReason = null;
    switch (step.details()) {
      case StepDetails.Introducers i -> {
        stages = i.introducers().stream().map(x -> x.stage().name()).toArray(String[]::new);
        introducerPersons = i.introducers().stream().mapToLong(Introducer::personId).toArray();
      }
      case StepDetails.Training t -> {
        days = t.days();
        hours = t.classHours();
      }
      case StepDetails.Approval a -> reason = a.specialReason();
      case StepDetails.Extension e -> months = e.months();
      case StepDetails.Stop s -> stopReason = s.reason();
      case StepDetails.None none -> {
        // Nothing beyond date, body and people.
      }
    }
    jdbc.sql(
            """
            insert into member_recruitment_step (recruitment_id, seq, kind, taken_on, decided_by, people,
              introducer_stages, introducer_persons, training_days, training_hours, special_reason,
              extension_months, stop_reason, note, scope_path, recorded_by, recorded_at)
            values (:id, :seq, :kind, :on, :by, :people, :stages, :persons, :days, :hours, :reason,
              :months, :stopReason, :note, :scope, :actor, :now)
            """)
        .param("id", header.id())
        .param("seq", seq)
        .param("kind", step.kind().name())
        .param("on", step.date())
        .param("by", step.decidedBy())
        .param("people", step.people().stream().mapToLong(Long::longValue).toArray())
        .param("stages", stages)
        .param("persons", introducerPersons)
        .param("days", days)
        .param("hours", hours)
        .param("reason", reason)
        .param("months", months)
        .param("stopReason", stopReason)
        .param("note", note == null || note.isBlank() ? null : note.trim())
        .param("scope", header.scopePath())
        .param("actor", actor())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** Rewrites the steps due of a recruitment; their status is a matter of the day they are read. */
  private void writeTodos(Header header, Recruitment recruitment) {
    jdbc.sql("delete from member_recruitment_todo where recruitment_id = ?")
        .param(header.id())
        .update();
    for (RecruitmentTodo todo : RecruitmentTodos.of(recruitment, LocalDate.now(clock))) {
      jdbc.sql(
              "insert into member_recruitment_todo (recruitment_id, step, due_on, scope_path, org_path)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              header.id(), todo.step().name(), todo.dueDate(), header.scopePath(), header.orgPath())
          .update();
    }
  }

  private Recruitment replay(Header header, List<Stored> stored) {
    return Recruitment.replay(
        header.personId(), header.birthDate(), stored.stream().map(Stored::step).toList());
  }

  private RecruitmentView view(Header h) {
    List<Stored> stored = steps(h.id());
    Recruitment recruitment = replay(h, stored);
    Set<Long> ids = new HashSet<>();
    stored.forEach(s -> ids.addAll(s.step().people()));
    Map<Long, String> names = memberNames(ids);
    List<RecruitmentView.Step> steps =
        stored.stream()
            .map(
                s ->
                    new RecruitmentView.Step(
                        s.seq(),
                        s.step().kind(),
                        s.step().date(),
                        s.step().decidedBy(),
                        s.step().people().stream()
                            .map(p -> new RecruitmentView.Person(p, names.getOrDefault(p, "")))
                            .toList(),
                        s.step().details(),
                        s.note(),
                        s.recordedBy()))
            .toList();
    LocalDate today = LocalDate.now(clock);
    // The kinds the stage and the steps taken leave open; the other rules judge the step itself.
    List<RecruitmentStepKind> next =
        Arrays.stream(RecruitmentStepKind.values())
            .filter(
                k ->
                    RecruitmentRules.stageOrder(k, recruitment.stage()) instanceof Decision.Allowed
                        && RecruitmentRules.stepOnce(k, recruitment.first(k).isPresent())
                            instanceof Decision.Allowed)
            .toList();
    String orgName =
        organizations.names(List.of(h.organizationId())).getOrDefault(h.organizationId(), "");
    return new RecruitmentView(
        h.id(),
        h.personId(),
        h.name(),
        h.birthDate(),
        h.idNumberMasked(),
        h.organizationId(),
        orgName,
        new ScopePath(h.scopePath()),
        recruitment.stage(),
        h.appliedOn(),
        h.memberId(),
        recruitment.probationEnd().orElse(null),
        steps,
        RecruitmentTodos.of(recruitment, today),
        next);
  }

  private Map<Long, String> memberNames(Set<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql("select id, name from member where id = any(?)")
        .param(ids.stream().mapToLong(Long::longValue).toArray())
        .query(
            rs -> {
              names.put(rs.getLong(1), rs.getString(2));
            });
    return names;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private OrganizationView branch(long organizationId) {
    OrganizationView org =
        organizations
            .find(organizationId)
            .orElseThrow(
                () ->
                    new InvalidValueException("recruitment.invalid.organization", organizationId));
    if (!org.kind().holdsMembers() || !org.active()) {
      throw new InvalidValueException("recruitment.invalid.branch", org.name());
    }
    return org;
  }

  private long personFor(PersonFacts facts, OrganizationView branch) {
    Optional<PersonView> existing = persons.findByIdNumber(facts.idNumber());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    try {
      return persons.register(facts, branch.path());
    } catch (DuplicateKeyException e) {
      // Registered in a part of the tree the caller cannot see.
      throw new InvalidValueException(
          "recruitment.invalid.person-elsewhere", facts.idNumber().masked());
    }
  }

  private void notAfterToday(LocalDate date) {
    if (date.isAfter(LocalDate.now(clock))) {
      throw new InvalidValueException("recruitment.invalid.future-date");
    }
  }

  private boolean exists(String sql, long id) {
    return Boolean.TRUE.equals(jdbc.sql(sql).param(id).query(Boolean.class).single());
  }

  private @Nullable String treePath(@Nullable Long under) {
    if (under == null) {
      return null;
    }
    return organizations.find(under).map(o -> o.treePath().value()).orElse("~");
  }

  /** The due dates of a status on a day, as {from, to}, either open. */
  private static @Nullable LocalDate[] range(@Nullable TodoStatus status, LocalDate asOf) {
    if (status == null) {
      return new LocalDate[] {null, null};
    }
    return switch (status) {
      case OVERDUE -> new LocalDate[] {null, asOf.minusDays(1)};
      case DUE_SOON -> new LocalDate[] {asOf, asOf.plusDays(TodoStatus.SOON_DAYS)};
      case DUE -> new LocalDate[] {asOf.plusDays(TodoStatus.SOON_DAYS + 1L), null};
    };
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }
}
