package org.zugong.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;

/**
 * The Yongjiang Talent Program (甬江人才工程): calls and their applications taken step by step — formal
 * check, expert review by experts without a conflict of interest, final review, publicity of five
 * working days with objections recorded, and certification through {@link Talents#certify}. The
 * "10+10" direct track skips steps: a kind certified directly goes from the formal check to
 * certification, a kind sent to the final review goes there from the formal check. Also the think
 * tank and the leaders' liaison with key talents.
 */
@Service
@Transactional
public class TalentPrograms {

  /** Publicity (公示) lasts five working days. */
  public static final int PUBLICITY_WORKING_DAYS = 5;

  static final String CERTIFIER = "宁波市人才工作领导小组办公室";

  public record Call(
      long id, int year, String nameZh, String nameEn, LocalDate opensOn, LocalDate closesOn) {}

  public record Application(
      long id,
      long callId,
      String callName,
      long talentId,
      String talentName,
      String employerName,
      String employerCreditCode,
      Tier tierSought,
      @Nullable String directTrack,
      @Nullable String directTrackKind,
      ProgramStage stage,
      LocalDate appliedOn,
      @Nullable LocalDate publicityFrom,
      @Nullable LocalDate publicityUntil,
      @Nullable String result) {}

  public record Review(
      long expertId,
      String expertName,
      @Nullable Integer score,
      @Nullable String opinion,
      @Nullable OffsetDateTime scoredAt) {}

  public record Objection(
      long id,
      LocalDate receivedOn,
      String content,
      @Nullable String handling,
      String recordedBy) {}

  public record Step(
      ProgramStage from, ProgramStage to, LocalDate takenOn, String note, String actor) {}

  public record Detail(
      Application application,
      List<Review> reviews,
      List<Objection> objections,
      List<Step> steps,
      @Nullable Double averageScore) {}

  public record Expert(long id, String name, String employerName, String field) {}

  public record Page(List<Application> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public record ThinkTankMember(
      long id, String name, String category, String affiliation, LocalDate appointedOn) {}

  public record Liaison(
      long id,
      long talentId,
      String talentName,
      @Nullable Tier tier,
      String leaderName,
      String leaderPost,
      LocalDate assignedOn,
      List<Visit> visits) {}

  /** A leader's visit: the day, what was discussed and, where recorded, what came of it. */
  public record Visit(LocalDate visitedOn, String note, @Nullable String outcome) {}

  private static final String APPLICATION_COLUMNS =
      "a.id, a.call_id, c.name_zh as call_name, a.talent_id, a.talent_name, a.employer_name,"
          + " a.employer_credit_code, a.tier_sought, a.direct_track, d.name_zh as direct_track_kind,"
          + " a.stage, a.applied_on, a.publicity_from, a.publicity_until, a.result";

  private static final String APPLICATION_FROM =
      " from talent_program_application a join talent_program_call c on c.id = a.call_id"
          + " left join talent_direct_track d on d.code = a.direct_track";

  private final JdbcClient jdbc;
  private final Talents talents;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TalentPrograms(
      JdbcClient jdbc,
      Talents talents,
      WorkingCalendar calendar,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.talents = talents;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Call> calls() {
    return jdbc.sql(
            "select id, year, name_zh, name_en, opens_on, closes_on from talent_program_call"
                + " order by year desc, id desc")
        .query(
            (rs, n) ->
                new Call(
                    rs.getLong("id"),
                    rs.getInt("year"),
                    rs.getString("name_zh"),
                    rs.getString("name_en"),
                    rs.getObject("opens_on", LocalDate.class),
                    rs.getObject("closes_on", LocalDate.class)))
        .list();
  }

  /** A new call of the program as a form or a request gives it; null where a field is missing. */
  public record NewCall(
      @Nullable Integer year,
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable LocalDate opensOn,
      @Nullable LocalDate closesOn) {}

  /** The earliest and latest year of a call. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  /**
   * What is wrong with a new call, field by field: a year between 2000 and 2100, a name in Chinese
   * (at most 100 characters) and in English (at most 200), both dates, the call closing on or after
   * the day it opens. Empty when nothing is.
   */
  public static List<InvalidFieldsException.FieldProblem> checkCall(NewCall c) {
    List<InvalidFieldsException.FieldProblem> out = new ArrayList<>();
    if (c.year() == null || c.year() < FIRST_YEAR || c.year() > LAST_YEAR) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "year",
              "talent.program.invalid.call-year",
              Integer.toString(FIRST_YEAR),
              Integer.toString(LAST_YEAR)));
    }
    if (c.nameZh() == null || c.nameZh().isBlank() || c.nameZh().trim().length() > 100) {
      out.add(
          InvalidFieldsException.FieldProblem.of("nameZh", "talent.program.invalid.call-name-zh"));
    }
    if (c.nameEn() == null || c.nameEn().isBlank() || c.nameEn().trim().length() > 200) {
      out.add(
          InvalidFieldsException.FieldProblem.of("nameEn", "talent.program.invalid.call-name-en"));
    }
    if (c.opensOn() == null) {
      out.add(
          InvalidFieldsException.FieldProblem.of("opensOn", "talent.program.invalid.call-opens"));
    }
    if (c.closesOn() == null) {
      out.add(
          InvalidFieldsException.FieldProblem.of("closesOn", "talent.program.invalid.call-closes"));
    } else if (c.opensOn() != null && c.closesOn().isBefore(c.opensOn())) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "closesOn", "talent.program.invalid.call-period", c.opensOn(), c.closesOn()));
    }
    return out;
  }

  /** Opens a call of the program at the caller's node. */
  public long openCall(
      int year, String nameZh, String nameEn, LocalDate opensOn, LocalDate closesOn) {
    return openCall(new NewCall(year, nameZh, nameEn, opensOn, closesOn));
  }

  /**
   * Opens a call of the program at the caller's node; refused with every problem of {@link
   * #checkCall}.
   */
  public long openCall(NewCall c) {
    List<InvalidFieldsException.FieldProblem> problems = checkCall(c);
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    var current = org.zugong.platform.DataScope.current();
    if (current == null) {
      throw new IllegalStateException("No data scope");
    }
    String scope = current.value();
    String nameZh = c.nameZh().trim();
    long id =
        jdbc.sql(
                "insert into talent_program_call (year, name_zh, name_en, opens_on, closes_on,"
                    + " scope_path, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
            .params(
                c.year(),
                nameZh,
                c.nameEn().trim(),
                c.opensOn(),
                c.closesOn(),
                scope,
                OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("year", new RecordChanged.Change(null, Integer.toString(c.year())));
    changes.put("name", new RecordChanged.Change(null, nameZh));
    changes.put("nameEn", new RecordChanged.Change(null, c.nameEn().trim()));
    changes.put("opensOn", new RecordChanged.Change(null, c.opensOn().toString()));
    changes.put("closesOn", new RecordChanged.Change(null, c.closesOn().toString()));
    events.publishEvent(
        new RecordChanged("talent_program_call", Long.toString(id), "create", scope, changes));
    return id;
  }

  /** Applications of the caller's scope, optionally of one stage, the latest first. */
  @Transactional(readOnly = true)
  public Page applications(@Nullable ProgramStage stage, int page, int size) {
    String where = stage == null ? "" : " where a.stage = :stage";
    long total =
        jdbc.sql("select count(*)" + APPLICATION_FROM + where)
            .param("stage", stage == null ? "" : stage.name())
            .query(Long.class)
            .single();
    List<Application> rows =
        jdbc.sql(
                "select "
                    + APPLICATION_COLUMNS
                    + APPLICATION_FROM
                    + where
                    + " order by a.id desc limit :size offset :offset")
            .param("stage", stage == null ? "" : stage.name())
            .param("size", size)
            .param("offset", (long) page * size)
            .query(TalentPrograms::application)
            .list();
    return new Page(rows, page, size, total);
  }

  @Transactional(readOnly = true)
  public Optional<Application> find(long id) {
    return jdbc.sql("select " + APPLICATION_COLUMNS + APPLICATION_FROM + " where a.id = ?")
        .param(id)
        .query(TalentPrograms::application)
        .optional();
  }

  @Transactional(readOnly = true)
  public Detail detail(long id) {
    Application a = get(id);
    List<Review> reviews =
        jdbc.sql(
                "select expert_id, expert_name, score, opinion, scored_at from talent_program_review"
                    + " where application_id = ? order by id")
            .param(id)
            .query(
                (rs, n) ->
                    new Review(
                        rs.getLong("expert_id"),
                        rs.getString("expert_name"),
                        (Integer) rs.getObject("score"),
                        rs.getString("opinion"),
                        rs.getObject("scored_at", OffsetDateTime.class)))
            .list();
    List<Objection> objections =
        jdbc.sql(
                "select id, received_on, content, handling, recorded_by from talent_program_objection"
                    + " where application_id = ? order by id")
            .param(id)
            .query(
                (rs, n) ->
                    new Objection(
                        rs.getLong("id"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getString("content"),
                        rs.getString("handling"),
                        rs.getString("recorded_by")))
            .list();
    List<Step> steps =
        jdbc.sql(
                "select from_stage, to_stage, taken_on, note, actor from talent_program_step"
                    + " where application_id = ? order by id")
            .param(id)
            .query(
                (rs, n) ->
                    new Step(
                        ProgramStage.valueOf(rs.getString("from_stage")),
                        ProgramStage.valueOf(rs.getString("to_stage")),
                        rs.getObject("taken_on", LocalDate.class),
                        rs.getString("note"),
                        rs.getString("actor")))
            .list();
    Double average =
        reviews.stream().anyMatch(r -> r.score() != null)
            ? reviews.stream()
                .filter(r -> r.score() != null)
                .mapToInt(Review::score)
                .average()
                .orElseThrow()
            : null;
    return new Detail(a, reviews, objections, steps, average);
  }

  /** The experts the caller may assign (those of the city's pool that the caller's scope holds). */
  @Transactional(readOnly = true)
  public List<Expert> experts() {
    return jdbc.sql("select id, name, employer_name, field from talent_expert order by id")
        .query(
            (rs, n) ->
                new Expert(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("employer_name"),
                    rs.getString("field")))
        .list();
  }

  /** Records an application of a talent to a call; a direct-track kind is named by its code. */
  public long apply(long callId, long talentId, Tier tierSought, @Nullable String directTrack) {
    TalentView t = talents.find(talentId).orElseThrow(() -> new TalentNotFoundException(talentId));
    boolean callExists =
        jdbc.sql("select exists (select 1 from talent_program_call where id = ?)")
            .param(callId)
            .query(Boolean.class)
            .single();
    if (!callExists) {
      throw new ProgramApplicationNotFoundException("call", callId);
    }
    if (directTrack != null && directTrackKind(directTrack) == null) {
      throw new InvalidValueException("talent.invalid.direct-track", directTrack);
    }
    boolean already =
        jdbc.sql(
                "select exists (select 1 from talent_program_application where call_id = ?"
                    + " and talent_id = ?)")
            .params(callId, talentId)
            .query(Boolean.class)
            .single();
    if (already) {
      throw new InvalidValueException("talent.program.invalid.already-applied", t.name());
    }
    LocalDate today = LocalDate.now(clock);
    long id =
        jdbc.sql(
                """
                insert into talent_program_application (call_id, talent_id, talent_name, employer_name,
                  employer_credit_code, tier_sought, direct_track, stage, applied_on, scope_path, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?, ?) returning id
                """)
            .params(
                callId,
                talentId,
                t.name(),
                t.employerName(),
                t.employerCreditCode(),
                tierSought.name(),
                directTrack,
                today,
                t.scopePath().value(),
                OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("talent", new RecordChanged.Change(null, Long.toString(talentId)));
    changes.put("tierSought", new RecordChanged.Change(null, tierSought.name()));
    changes.put("directTrack", new RecordChanged.Change(null, directTrack));
    publish(id, "apply", t.scopePath().value(), changes);
    return id;
  }

  /** Starts the formal check of an application. */
  public void startFormalCheck(long id) {
    Application a = expect(get(id), ProgramStage.APPLIED);
    move(a, ProgramStage.FORMAL_CHECK, "");
  }

  /**
   * Passes the formal check: to the expert review, or by the "10+10" direct track straight to the
   * final review or to certification.
   */
  public ProgramStage passFormalCheck(long id, String note) {
    Application a = expect(get(id), ProgramStage.FORMAL_CHECK);
    String track = a.directTrack() == null ? null : trackOf(a.directTrack());
    if ("DIRECT_CERTIFICATION".equals(track)) {
      certifyNow(a, note);
      return ProgramStage.CERTIFIED;
    }
    ProgramStage next =
        "FINAL_REVIEW".equals(track) ? ProgramStage.FINAL_REVIEW : ProgramStage.EXPERT_REVIEW;
    move(a, next, note);
    return next;
  }

  /** Rejects an application at any open step, with the reason. */
  public void reject(long id, String reason) {
    Application a = get(id);
    if (a.stage().closed()) {
      throw new InvalidValueException("talent.program.invalid.stage", a.stage().name());
    }
    if (reason.isBlank() || reason.length() > 500) {
      throw new InvalidValueException("talent.program.invalid.reason");
    }
    jdbc.sql("update talent_program_application set result = ? where id = ?")
        .params(reason.trim(), id)
        .update();
    move(a, ProgramStage.REJECTED, reason.trim());
  }

  /**
   * Assigns an expert to review an application. An expert of the applicant's employer (the same
   * unified social credit code) has a conflict of interest and is refused with that reason.
   */
  public void assignExpert(long id, long expertId) {
    Application a = expect(get(id), ProgramStage.EXPERT_REVIEW);
    Map<String, Object> e =
        jdbc
            .sql("select name, employer_name, employer_credit_code from talent_expert where id = ?")
            .param(expertId)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(
                () -> new InvalidValueException("talent.program.invalid.expert", expertId));
    if (String.valueOf(e.get("employer_credit_code")).equals(a.employerCreditCode())) {
      throw new InvalidValueException(
          "talent.program.invalid.conflict-of-interest", e.get("name"), a.employerName());
    }
    int added =
        jdbc.sql(
                """
                insert into talent_program_review (application_id, expert_id, expert_name, assigned_at,
                  scope_path) select a.id, ?, ?, ?, a.scope_path from talent_program_application a
                where a.id = ? on conflict (application_id, expert_id) do nothing
                """)
            .params(expertId, e.get("name"), OffsetDateTime.now(clock), id)
            .update();
    if (added == 0) {
      throw new InvalidValueException("talent.program.invalid.expert-assigned", e.get("name"));
    }
    publish(
        id,
        "assign-expert",
        scopeOf(id),
        Map.of("expert", new RecordChanged.Change(null, Long.toString(expertId))));
  }

  /** Records an assigned expert's score (0-100) and opinion. */
  public void score(long id, long expertId, int score, String opinion) {
    expect(get(id), ProgramStage.EXPERT_REVIEW);
    if (score < 0 || score > 100) {
      throw new InvalidValueException("talent.program.invalid.score", score);
    }
    int updated =
        jdbc.sql(
                "update talent_program_review set score = ?, opinion = ?, scored_at = ?"
                    + " where application_id = ? and expert_id = ?")
            .params(score, opinion.trim(), OffsetDateTime.now(clock), id, expertId)
            .update();
    if (updated == 0) {
      throw new InvalidValueException("talent.program.invalid.expert-not-assigned", expertId);
    }
    publish(
        id,
        "score",
        scopeOf(id),
        Map.of("score:" + expertId, new RecordChanged.Change(null, Integer.toString(score))));
  }

  /** Closes the expert review once every assigned expert (at least three) has scored. */
  public void completeExpertReview(long id) {
    Application a = expect(get(id), ProgramStage.EXPERT_REVIEW);
    Map<String, Object> counts =
        jdbc.sql(
                "select count(*) as assigned, count(score) as scored from talent_program_review"
                    + " where application_id = ?")
            .param(id)
            .query()
            .singleRow();
    long assigned = ((Number) counts.get("assigned")).longValue();
    long scored = ((Number) counts.get("scored")).longValue();
    if (assigned < 3 || scored < assigned) {
      throw new InvalidValueException("talent.program.invalid.scores-missing", assigned, scored);
    }
    move(a, ProgramStage.FINAL_REVIEW, "");
  }

  /**
   * Passes the final review and publishes the result (公示) from {@code from} for five working days;
   * returns the last day of the publicity.
   */
  public LocalDate passFinalReview(long id, LocalDate from) {
    Application a = expect(get(id), ProgramStage.FINAL_REVIEW);
    if (from.isBefore(LocalDate.now(clock))) {
      throw new InvalidValueException("talent.program.invalid.publicity-from", from);
    }
    LocalDate until = calendar.lastOfWorkingDays(from, PUBLICITY_WORKING_DAYS);
    jdbc.sql(
            "update talent_program_application set publicity_from = ?, publicity_until = ?"
                + " where id = ?")
        .params(from, until, id)
        .update();
    move(a, ProgramStage.PUBLICITY, from + " – " + until);
    return until;
  }

  /** Records an objection received during the publicity. */
  public long recordObjection(long id, LocalDate receivedOn, String content) {
    Application a = expect(get(id), ProgramStage.PUBLICITY);
    if (a.publicityFrom() == null
        || a.publicityUntil() == null
        || receivedOn.isBefore(a.publicityFrom())
        || receivedOn.isAfter(a.publicityUntil())) {
      throw new InvalidValueException(
          "talent.program.invalid.objection-outside",
          receivedOn,
          a.publicityFrom(),
          a.publicityUntil());
    }
    if (content.isBlank() || content.length() > 2000) {
      throw new InvalidValueException("talent.program.invalid.objection");
    }
    long objection =
        jdbc.sql(
                """
                insert into talent_program_objection (application_id, received_on, content, recorded_by,
                  scope_path) select a.id, ?, ?, ?, a.scope_path from talent_program_application a
                where a.id = ? returning id
                """)
            .params(receivedOn, content.trim(), Talents.actor(), id)
            .query(Long.class)
            .single();
    publish(
        id,
        "objection",
        scopeOf(id),
        Map.of("objection", new RecordChanged.Change(null, Long.toString(objection))));
    return objection;
  }

  /** Records how an objection was handled. */
  public void handleObjection(long id, long objectionId, String handling) {
    expect(get(id), ProgramStage.PUBLICITY);
    if (handling.isBlank() || handling.length() > 2000) {
      throw new InvalidValueException("talent.program.invalid.handling");
    }
    int updated =
        jdbc.sql(
                "update talent_program_objection set handling = ? where id = ? and application_id = ?")
            .params(handling.trim(), objectionId, id)
            .update();
    if (updated == 0) {
      throw new ProgramApplicationNotFoundException("objection", objectionId);
    }
    publish(
        id,
        "handle-objection",
        scopeOf(id),
        Map.of("objection:" + objectionId, new RecordChanged.Change(null, handling.trim())));
  }

  /**
   * Certifies after the publicity: not before its last working day has passed, and not while an
   * objection is unhandled. Sets the talent's tier through {@link Talents#certify}.
   */
  public void certify(long id) {
    Application a = expect(get(id), ProgramStage.PUBLICITY);
    LocalDate today = LocalDate.now(clock);
    if (a.publicityUntil() == null || !today.isAfter(a.publicityUntil())) {
      throw new InvalidValueException(
          "talent.program.invalid.publicity-running", a.publicityUntil());
    }
    long open =
        jdbc.sql(
                "select count(*) from talent_program_objection where application_id = ?"
                    + " and handling is null")
            .param(id)
            .query(Long.class)
            .single();
    if (open > 0) {
      throw new InvalidValueException("talent.program.invalid.objections-open", open);
    }
    certifyNow(a, "");
  }

  private void certifyNow(Application a, String note) {
    talents.certify(
        a.talentId(),
        a.tierSought(),
        LocalDate.now(clock),
        a.callName() + (a.directTrack() == null ? "" : " “10+10”直通车 " + a.directTrack()),
        CERTIFIER,
        a.directTrack());
    jdbc.sql("update talent_program_application set result = '入选' where id = ?")
        .param(a.id())
        .update();
    move(a, ProgramStage.CERTIFIED, note);
  }

  @Transactional(readOnly = true)
  public List<ThinkTankMember> thinkTank(LocalDate on) {
    return jdbc.sql(
            "select id, name, category, affiliation, appointed_on from talent_think_tank_member"
                + " where appointed_on <= ? and (ended_on is null or ended_on > ?)"
                + " order by category, id")
        .params(on, on)
        .query(
            (rs, n) ->
                new ThinkTankMember(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("category"),
                    rs.getString("affiliation"),
                    rs.getObject("appointed_on", LocalDate.class)))
        .list();
  }

  /** The leaders assigned to key talents, with their visits, the latest assigned first. */
  @Transactional(readOnly = true)
  public List<Liaison> liaisons(int limit) {
    return liaisons("", List.of(), limit);
  }

  private List<Liaison> liaisons(String where, List<Object> params, int limit) {
    List<Object> all = new ArrayList<>(params);
    all.add(limit);
    List<Liaison> rows =
        jdbc.sql(
                "select l.id, l.talent_id, t.name, t.tier, l.leader_name, l.leader_post, l.assigned_on"
                    + " from talent_liaison l join talent t on t.id = l.talent_id "
                    + where
                    + " order by l.assigned_on desc, l.id limit ?")
            .params(all)
            .query(
                (rs, n) ->
                    new Liaison(
                        rs.getLong("id"),
                        rs.getLong("talent_id"),
                        rs.getString("name"),
                        rs.getString("tier") == null ? null : Tier.valueOf(rs.getString("tier")),
                        rs.getString("leader_name"),
                        rs.getString("leader_post"),
                        rs.getObject("assigned_on", LocalDate.class),
                        List.of()))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<Visit>> visits = new LinkedHashMap<>();
    jdbc.sql(
            "select liaison_id, visited_on, note, outcome from talent_liaison_visit"
                + " where liaison_id = any(?) order by visited_on, id")
        .param(rows.stream().mapToLong(Liaison::id).boxed().toArray(Long[]::new))
        .query(
            rs -> {
              visits
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Visit(
                          rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)));
            });
    return rows.stream()
        .map(
            l ->
                new Liaison(
                    l.id(),
                    l.talentId(),
                    l.talentName(),
                    l.tier(),
                    l.leaderName(),
                    l.leaderPost(),
                    l.assignedOn(),
                    visits.getOrDefault(l.id(), List.of())))
        .toList();
  }

  /** Assigns a leader to a key talent (tier A, B or C). */
  public long assignLiaison(long talentId, String leaderName, String leaderPost) {
    return assignLiaison(new NewLiaison(talentId, leaderName, leaderPost));
  }

  /** A leader's assignment as a form or a request gives it; null where a field is missing. */
  public record NewLiaison(
      @Nullable Long talentId, @Nullable String leaderName, @Nullable String leaderPost) {}

  /** A key talent (tiers A to C) in the user's scope who has no leader yet. */
  public record KeyTalent(long id, String name, Tier tier, String employerName) {}

  /**
   * Assigns a leader to a key talent: the talent must be of tier A, B or C and have no leader yet,
   * and the leader's name and post are required. Every refused field is named; a talent outside the
   * scope is not found.
   */
  public long assignLiaison(NewLiaison l) {
    List<InvalidFieldsException.FieldProblem> problems = new ArrayList<>();
    TalentView t = null;
    if (l.talentId() == null) {
      problems.add(
          InvalidFieldsException.FieldProblem.of(
              "talentId", "talent.program.invalid.liaison-talent"));
    } else {
      long id = l.talentId();
      t = talents.find(id).orElseThrow(() -> new TalentNotFoundException(id));
      // One assignment at a time per talent, so that two clerks cannot both give it a leader.
      jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('talent_liaison'), ?)")
          .param((int) id)
          .query(Integer.class)
          .single();
      problems.addAll(checkLiaisonTalent(t, leaderOf(id)));
    }
    problems.addAll(checkLeader(l.leaderName(), l.leaderPost()));
    if (!problems.isEmpty() || t == null) {
      throw new InvalidFieldsException(problems);
    }
    String leaderName = l.leaderName().trim();
    String leaderPost = l.leaderPost().trim();
    long id =
        jdbc.sql(
                "insert into talent_liaison (talent_id, leader_name, leader_post, assigned_on,"
                    + " scope_path) values (?, ?, ?, ?, ?) returning id")
            .params(t.id(), leaderName, leaderPost, LocalDate.now(clock), t.scopePath().value())
            .query(Long.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "talent_liaison",
            Long.toString(id),
            "create",
            t.scopePath().value(),
            Map.of(
                "talent", new RecordChanged.Change(null, t.name()),
                "leader", new RecordChanged.Change(null, leaderName),
                "post", new RecordChanged.Change(null, leaderPost))));
    return id;
  }

  /** The leader already assigned to a talent, if any. */
  private Optional<String> leaderOf(long talentId) {
    return jdbc.sql(
            "select leader_name || ' · ' || leader_post from talent_liaison where talent_id = ?"
                + " order by id limit 1")
        .param(talentId)
        .query(String.class)
        .optional();
  }

  /**
   * Only a key talent (tier A, B or C) is given a leader, and only one: what is wrong with the
   * talent chosen, as problems of the field {@code talentId}.
   */
  public static List<InvalidFieldsException.FieldProblem> checkLiaisonTalent(
      TalentView t, Optional<String> currentLeader) {
    if (t.tier() == null || t.tier().compareTo(Tier.C) > 0) {
      return List.of(
          InvalidFieldsException.FieldProblem.of(
              "talentId", "talent.program.invalid.not-key-talent", t.name()));
    }
    if (currentLeader.isPresent()) {
      return List.of(
          InvalidFieldsException.FieldProblem.of(
              "talentId", "talent.program.invalid.liaison-exists", t.name(), currentLeader.get()));
    }
    return List.of();
  }

  /** A leader needs a name and a post, each of at most 100 characters. */
  public static List<InvalidFieldsException.FieldProblem> checkLeader(
      @Nullable String name, @Nullable String post) {
    List<InvalidFieldsException.FieldProblem> out = new ArrayList<>();
    if (name == null || name.isBlank() || name.trim().length() > 100) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "leaderName", "talent.program.invalid.leader-name"));
    }
    if (post == null || post.isBlank() || post.trim().length() > 100) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "leaderPost", "talent.program.invalid.leader-post"));
    }
    return out;
  }

  /** A key talent (tiers A to C) of the scope, whether or not it has a leader. */
  @Transactional(readOnly = true)
  public Optional<KeyTalent> keyTalent(long id) {
    return jdbc.sql(
            "select t.id, t.name, t.tier, t.employer_name from talent t where t.id = ?"
                + " and t.tier in ('A', 'B', 'C')")
        .param(id)
        .query(
            (rs, n) ->
                new KeyTalent(
                    rs.getLong("id"),
                    rs.getString("name"),
                    Tier.valueOf(rs.getString("tier")),
                    rs.getString("employer_name")))
        .optional();
  }

  /**
   * Key talents (tiers A to C) in the scope without a leader yet whose name contains {@code name}
   * (all of them when blank), by name, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<KeyTalent> keyTalentsWithoutLeader(String name, int limit) {
    String q = name == null ? "" : name.trim();
    return jdbc.sql(
            "select t.id, t.name, t.tier, t.employer_name from talent t where t.tier in ('A', 'B',"
                + " 'C') and not exists (select 1 from talent_liaison l where l.talent_id = t.id)"
                + " and strpos(t.name, ?) > 0 order by t.name, t.id limit ?")
        .params(q, limit)
        .query(
            (rs, n) ->
                new KeyTalent(
                    rs.getLong("id"),
                    rs.getString("name"),
                    Tier.valueOf(rs.getString("tier")),
                    rs.getString("employer_name")))
        .list();
  }

  /**
   * A leader's visit as a form or a request gives it: the day, what was discussed (内容) and what
   * came of it (成效, optional); null where a field is missing.
   */
  public record NewVisit(
      @Nullable LocalDate visitedOn, @Nullable String note, @Nullable String outcome) {}

  /**
   * What is wrong with a visit, field by field: a day not after today, what was discussed (at most
   * 2000 characters) and an outcome of at most 2000. Empty when nothing is.
   */
  public static List<InvalidFieldsException.FieldProblem> checkVisit(NewVisit v, LocalDate today) {
    List<InvalidFieldsException.FieldProblem> out = new ArrayList<>();
    if (v.visitedOn() == null) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "visitedOn", "talent.program.invalid.visit-date-missing"));
    } else if (v.visitedOn().isAfter(today)) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "visitedOn", "talent.program.invalid.visit-date", v.visitedOn()));
    }
    if (v.note() == null || v.note().isBlank() || v.note().trim().length() > 2000) {
      out.add(InvalidFieldsException.FieldProblem.of("note", "talent.program.invalid.visit-note"));
    }
    if (v.outcome() != null && v.outcome().trim().length() > 2000) {
      out.add(
          InvalidFieldsException.FieldProblem.of(
              "outcome", "talent.program.invalid.visit-outcome"));
    }
    return out;
  }

  /** Records a leader's visit to the talent. */
  public void recordVisit(long liaisonId, LocalDate on, String note) {
    recordVisit(liaisonId, new NewVisit(on, note, null));
  }

  /** Records a leader's visit to the talent; refused with every problem of {@link #checkVisit}. */
  public void recordVisit(long liaisonId, NewVisit v) {
    String scope =
        jdbc.sql("select scope_path from talent_liaison where id = ?")
            .param(liaisonId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new ProgramApplicationNotFoundException("liaison", liaisonId));
    List<InvalidFieldsException.FieldProblem> problems = checkVisit(v, LocalDate.now(clock));
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    String outcome = v.outcome() == null || v.outcome().isBlank() ? null : v.outcome().trim();
    jdbc.sql(
            "insert into talent_liaison_visit (liaison_id, visited_on, note, outcome, scope_path)"
                + " values (?, ?, ?, ?, ?)")
        .params(liaisonId, v.visitedOn(), v.note().trim(), outcome, scope)
        .update();
    Map<String, RecordChanged.Change> changes = new LinkedHashMap<>();
    changes.put("visit", new RecordChanged.Change(null, v.visitedOn().toString()));
    changes.put("note", new RecordChanged.Change(null, v.note().trim()));
    if (outcome != null) {
      changes.put("outcome", new RecordChanged.Change(null, outcome));
    }
    events.publishEvent(
        new RecordChanged("talent_liaison", Long.toString(liaisonId), "visit", scope, changes));
  }

  /** One liaison of the caller's scope, with its visits. */
  @Transactional(readOnly = true)
  public Optional<Liaison> liaison(long id) {
    return liaisons("where l.id = ?", List.of(id), 1).stream().findFirst();
  }

  private Application get(long id) {
    return find(id).orElseThrow(() -> new ProgramApplicationNotFoundException("application", id));
  }

  private static Application expect(Application a, ProgramStage stage) {
    if (a.stage() != stage) {
      throw new InvalidValueException("talent.program.invalid.stage", a.stage().name());
    }
    return a;
  }

  private @Nullable String directTrackKind(String code) {
    return jdbc.sql("select name_zh from talent_direct_track where code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private @Nullable String trackOf(String code) {
    return jdbc.sql("select track from talent_direct_track where code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String scopeOf(long id) {
    return jdbc.sql("select scope_path from talent_program_application where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private void move(Application a, ProgramStage to, String note) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("update talent_program_application set stage = ?, updated_at = ? where id = ?")
        .params(to.name(), OffsetDateTime.now(clock), a.id())
        .update();
    jdbc.sql(
            """
            insert into talent_program_step (application_id, from_stage, to_stage, taken_on, note, actor,
              scope_path) select a.id, ?, ?, ?, ?, ?, a.scope_path from talent_program_application a
            where a.id = ?
            """)
        .params(a.stage().name(), to.name(), today, note, Talents.actor(), a.id())
        .update();
    publish(
        a.id(),
        "step",
        scopeOf(a.id()),
        Map.of("stage", new RecordChanged.Change(a.stage().name(), to.name())));
  }

  private void publish(
      long id, String action, String scope, Map<String, RecordChanged.Change> changes) {
    events.publishEvent(
        new RecordChanged("talent_program_application", Long.toString(id), action, scope, changes));
  }

  private static Application application(ResultSet rs, int n) throws SQLException {
    return new Application(
        rs.getLong("id"),
        rs.getLong("call_id"),
        rs.getString("call_name"),
        rs.getLong("talent_id"),
        rs.getString("talent_name"),
        rs.getString("employer_name"),
        rs.getString("employer_credit_code"),
        Tier.valueOf(rs.getString("tier_sought")),
        rs.getString("direct_track"),
        rs.getString("direct_track_kind"),
        ProgramStage.valueOf(rs.getString("stage")),
        rs.getObject("applied_on", LocalDate.class),
        rs.getObject("publicity_from", LocalDate.class),
        rs.getObject("publicity_until", LocalDate.class),
        rs.getString("result"));
  }
}
