package org.zugong.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zugong.member.transfer.Letter;
import org.zugong.member.transfer.OrganizationRef;
import org.zugong.member.transfer.Transfer;
import org.zugong.member.transfer.TransferEvent;
import org.zugong.member.transfer.TransferId;
import org.zugong.member.transfer.TransferKind;
import org.zugong.member.transfer.TransferState;
import org.zugong.shared.ScopePath;

/**
 * Stores transfers and their steps, and rebuilds the {@link Transfer} aggregate from them. Rows
 * carry what the aggregate does not: the names of both ends (each end may not see the other's
 * organizations), their paths, and where the member is held now. Row-level security shows a row to
 * the subtrees of either end and of the member.
 */
@Repository
class TransferStore {

  /** The member id an arriving member has in the aggregate until the target enters them. */
  static final long NOT_YET_A_MEMBER = 0L;

  static final String OPEN_STATES = "('SUBMITTED', 'RETURNED', 'LETTER_ISSUED')";

  private static final String COLUMNS =
      "t.id, t.kind, t.state, t.attempt, t.member_id, t.member_name, t.source_id, t.source_name,"
          + " t.source_actor_id, t.source_actor_name, t.source_path, t.target_id, t.target_name,"
          + " t.target_path, t.scope_path, t.letter_number, t.letter_issued_on, t.letter_valid_until,"
          + " t.submitted_on, t.last_step_on";

  private static final String EVENT_COLUMNS =
      "e.id, e.transfer_id, e.effective_on, e.actor_id, e.actor_name, e.from_state, e.to_state,"
          + " e.source_id, e.source_name, e.target_id, e.target_name, e.reason, e.recorded_by";

  private final JdbcClient jdbc;

  TransferStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored transfer: its row and the aggregate rebuilt from it and its steps. */
  record Stored(Row row, Transfer transfer, List<EventRow> events) {

    /** The stored step behind each of the aggregate's events, by identity. */
    Map<TransferEvent, EventRow> stepsByEvent() {
      Map<TransferEvent, EventRow> map = new java.util.IdentityHashMap<>();
      List<TransferEvent> history = transfer.history();
      for (int i = 0; i < events.size(); i++) {
        map.put(history.get(i), events.get(i));
      }
      return map;
    }
  }

  /** The columns of a transfer row that the aggregate does not hold. */
  record Row(
      long id,
      TransferKind kind,
      TransferState state,
      int attempt,
      @Nullable Long memberId,
      String memberName,
      @Nullable Long sourceId,
      String sourceName,
      long sourceActorId,
      String sourceActorName,
      ScopePath sourcePath,
      @Nullable Long targetId,
      String targetName,
      @Nullable ScopePath targetPath,
      ScopePath scopePath,
      @Nullable String letterNumber,
      @Nullable LocalDate letterIssuedOn,
      @Nullable LocalDate letterValidUntil,
      LocalDate submittedOn,
      LocalDate lastStepOn) {}

  /** One stored step. */
  record EventRow(
      long id,
      long transferId,
      LocalDate on,
      long actorId,
      String actorName,
      @Nullable TransferState from,
      TransferState to,
      @Nullable Long sourceId,
      String sourceName,
      @Nullable Long targetId,
      String targetName,
      @Nullable String reason,
      String recordedBy) {}

  /** What an arriving member's row holds until acceptance; the ID number encrypted. */
  record Arriving(
      byte[] idNumberCipher,
      String idNumberIndex,
      String idNumberMasked,
      String ethnicity,
      String education,
      String category,
      String stage,
      LocalDate joinedOn,
      @Nullable LocalDate fullOn) {}

  long nextId() {
    return jdbc.sql("select nextval('member_transfer_id_seq')").query(Long.class).single();
  }

  // ---- reading -----------------------------------------------------------------------------

  Optional<Stored> find(long id) {
    return load("select " + COLUMNS + " from member_transfer t where t.id = :id", Map.of("id", id))
        .stream()
        .findFirst();
  }

  /** The transfer, locked until the end of the transaction. */
  Optional<Stored> lock(long id) {
    return load(
            "select " + COLUMNS + " from member_transfer t where t.id = :id for update",
            Map.of("id", id))
        .stream()
        .findFirst();
  }

  /** Every transfer of a member, oldest first. */
  List<Stored> ofMember(long memberId) {
    return load(
        "select " + COLUMNS + " from member_transfer t where t.member_id = :member order by t.id",
        Map.of("member", memberId));
  }

  /**
   * The open transfers whose target (incoming) or acting source (outgoing) lies under a path.
   *
   * @param incoming true for the transfers received, false for those sent
   */
  List<Stored> openUnder(String path, boolean incoming) {
    String end = incoming ? "t.target_path" : "t.source_path";
    return load(
        "select "
            + COLUMNS
            + " from member_transfer t where t.state in "
            + OPEN_STATES
            + " and starts_with("
            + end
            + ", :under) order by t.id",
        Map.of("under", path));
  }

  /** How many transfers received under a path await the receiving organization's decision. */
  int pendingUnder(String path) {
    return jdbc.sql(
            "select count(*) from member_transfer where state = 'SUBMITTED' and starts_with(target_path, ?)")
        .param(path)
        .query(Integer.class)
        .single();
  }

  /** Whether an arriving member with this ID number is already on an open transfer in scope. */
  boolean arrivalOpen(String idNumberIndex) {
    return jdbc.sql(
            "select exists (select 1 from member_transfer where arriving_id_number_index = ? and state in "
                + OPEN_STATES
                + ")")
        .param(idNumberIndex)
        .query(Boolean.class)
        .single();
  }

  /** Whether a member with this ID number is in the register, as far as the caller sees. */
  boolean memberWithIdNumber(String idNumberIndex) {
    return jdbc.sql("select exists (select 1 from member where id_number_index = ?)")
        .param(idNumberIndex)
        .query(Boolean.class)
        .single();
  }

  Optional<Arriving> arriving(long id) {
    return jdbc.sql(
            """
            select arriving_id_number_cipher, arriving_id_number_index, arriving_id_number_masked,
              arriving_ethnicity, arriving_education, arriving_category, arriving_stage,
              arriving_joined_on, arriving_full_on
            from member_transfer where id = ? and arriving_id_number_cipher is not null
            """)
        .param(id)
        .query(
            (rs, n) ->
                new Arriving(
                    rs.getBytes(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, LocalDate.class),
                    rs.getObject(9, LocalDate.class)))
        .optional();
  }

  private List<Stored> load(String sql, Map<String, Object> params) {
    var spec = jdbc.sql(sql);
    for (var p : params.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    List<Row> rows = spec.query(TransferStore::row).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<EventRow>> events = new HashMap<>();
    jdbc.sql(
            "select "
                + EVENT_COLUMNS
                + " from member_transfer_event e where e.transfer_id in (:ids) order by e.transfer_id, e.id")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(TransferStore::eventRow)
        .list()
        .forEach(e -> events.computeIfAbsent(e.transferId(), k -> new ArrayList<>()).add(e));
    List<Stored> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      List<EventRow> steps = events.getOrDefault(r.id(), List.of());
      if (steps.isEmpty()) {
        // Its steps lie outside the caller's scope; a transfer is never stored without them.
        continue;
      }
      out.add(new Stored(r, restore(r, steps), steps));
    }
    return out;
  }

  static Transfer restore(Row r, List<EventRow> steps) {
    List<TransferEvent> history = new ArrayList<>(steps.size());
    TransferId id = new TransferId(r.id());
    long memberId = r.memberId() == null ? NOT_YET_A_MEMBER : r.memberId();
    for (EventRow e : steps) {
      history.add(
          new TransferEvent(
              id,
              memberId,
              e.on(),
              e.actorId(),
              e.from(),
              e.to(),
              ref(e.sourceId(), e.sourceName()),
              ref(e.targetId(), e.targetName()),
              e.reason()));
    }
    Letter letter =
        r.letterIssuedOn() == null || r.letterValidUntil() == null
            ? null
            : new Letter(r.letterNumber(), r.letterIssuedOn(), r.letterValidUntil());
    return Transfer.restore(
        id,
        r.kind(),
        memberId,
        ref(r.sourceId(), r.sourceName()),
        r.sourceActorId(),
        ref(r.targetId(), r.targetName()),
        letter,
        r.attempt(),
        history);
  }

  private static OrganizationRef ref(@Nullable Long id, String name) {
    return id == null
        ? new OrganizationRef.ExternalOrganization(name)
        : new OrganizationRef.CityOrganization(id);
  }

  // ---- writing -----------------------------------------------------------------------------

  /** Inserts a new transfer row; its steps follow with {@link #appendSteps}. */
  void insert(Row r, @Nullable Arriving arriving, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_transfer (id, kind, state, attempt, member_id, member_name, source_id,
              source_name, source_actor_id, source_actor_name, source_path, target_id, target_name,
              target_path, scope_path, letter_number, letter_issued_on, letter_valid_until,
              submitted_on, last_step_on, arriving_id_number_cipher, arriving_id_number_index,
              arriving_id_number_masked, arriving_ethnicity, arriving_education, arriving_category,
              arriving_stage, arriving_joined_on, arriving_full_on, created_at, updated_at)
            values (:id, :kind, :state, :attempt, :member, :memberName, :source, :sourceName, :actor,
              :actorName, :sourcePath, :target, :targetName, :targetPath, :scope, :letterNumber,
              :issued, :validUntil, :submitted, :lastStep, :cipher, :index, :masked, :ethnicity,
              :education, :category, :stage, :joined, :full, :now, :now)
            """)
        .param("id", r.id())
        .param("kind", r.kind().name())
        .param("state", r.state().name())
        .param("attempt", r.attempt())
        .param("member", r.memberId())
        .param("memberName", r.memberName())
        .param("source", r.sourceId())
        .param("sourceName", r.sourceName())
        .param("actor", r.sourceActorId())
        .param("actorName", r.sourceActorName())
        .param("sourcePath", r.sourcePath().value())
        .param("target", r.targetId())
        .param("targetName", r.targetName())
        .param("targetPath", r.targetPath() == null ? null : r.targetPath().value())
        .param("scope", r.scopePath().value())
        .param("letterNumber", r.letterNumber())
        .param("issued", r.letterIssuedOn())
        .param("validUntil", r.letterValidUntil())
        .param("submitted", r.submittedOn())
        .param("lastStep", r.lastStepOn())
        .param("cipher", arriving == null ? null : arriving.idNumberCipher())
        .param("index", arriving == null ? null : arriving.idNumberIndex())
        .param("masked", arriving == null ? null : arriving.idNumberMasked())
        .param("ethnicity", arriving == null ? null : arriving.ethnicity())
        .param("education", arriving == null ? null : arriving.education())
        .param("category", arriving == null ? null : arriving.category())
        .param("stage", arriving == null ? null : arriving.stage())
        .param("joined", arriving == null ? null : arriving.joinedOn())
        .param("full", arriving == null ? null : arriving.fullOn())
        .param("now", now)
        .update();
  }

  /** Writes the row's changing columns as they now stand. */
  void update(Row r, OffsetDateTime now) {
    jdbc.sql(
            """
            update member_transfer set state = :state, attempt = :attempt, member_id = :member,
              target_id = :target, target_name = :targetName, target_path = :targetPath,
              scope_path = :scope, letter_number = :letterNumber, letter_issued_on = :issued,
              letter_valid_until = :validUntil, last_step_on = :lastStep, updated_at = :now
            where id = :id
            """)
        .param("id", r.id())
        .param("state", r.state().name())
        .param("attempt", r.attempt())
        .param("member", r.memberId())
        .param("target", r.targetId())
        .param("targetName", r.targetName())
        .param("targetPath", r.targetPath() == null ? null : r.targetPath().value())
        .param("scope", r.scopePath().value())
        .param("letterNumber", r.letterNumber())
        .param("issued", r.letterIssuedOn())
        .param("validUntil", r.letterValidUntil())
        .param("lastStep", r.lastStepOn())
        .param("now", now)
        .update();
    // The steps are seen by whoever sees the transfer: a new target sees how it came to be theirs.
    jdbc.sql(
            "update member_transfer_event set target_path = ?, scope_path = ? where transfer_id = ?")
        .params(
            r.targetPath() == null ? null : r.targetPath().value(), r.scopePath().value(), r.id())
        .update();
  }

  /**
   * Appends the aggregate's steps that are not stored yet, with the names of the organizations they
   * name.
   */
  void appendSteps(
      Row r,
      Transfer t,
      int stored,
      Map<Long, String> names,
      String recordedBy,
      OffsetDateTime now) {
    List<TransferEvent> history = t.history();
    for (TransferEvent e : history.subList(stored, history.size())) {
      jdbc.sql(
              """
              insert into member_transfer_event (transfer_id, member_id, effective_on, actor_id,
                actor_name, from_state, to_state, source_id, source_name, target_id, target_name,
                reason, scope_path, source_path, target_path, recorded_by, recorded_at)
              values (:transfer, :member, :on, :actor, :actorName, :from, :to, :source, :sourceName,
                :target, :targetName, :reason, :scope, :sourcePath, :targetPath, :by, :now)
              """)
          .param("transfer", r.id())
          .param("member", r.memberId())
          .param("on", e.date())
          .param("actor", e.actorOrganizationId())
          .param("actorName", names.getOrDefault(e.actorOrganizationId(), ""))
          .param("from", e.from() == null ? null : e.from().name())
          .param("to", e.to().name())
          .param("source", cityId(e.source()))
          .param("sourceName", name(e.source(), names))
          .param("target", cityId(e.target()))
          .param("targetName", name(e.target(), names))
          .param("reason", e.reason())
          .param("scope", r.scopePath().value())
          .param("sourcePath", r.sourcePath().value())
          .param("targetPath", r.targetPath() == null ? null : r.targetPath().value())
          .param("by", recordedBy)
          .param("now", now)
          .update();
    }
  }

  /**
   * Moves every transfer and step of a member to the member's new place, so that the subtree that
   * holds the member sees all of them; and records the member's id on an arrival's rows.
   */
  void followMember(long transferId, long memberId, ScopePath path) {
    jdbc.sql("update member_transfer set member_id = ? where id = ? and member_id is null")
        .params(memberId, transferId)
        .update();
    jdbc.sql("update member_transfer_event set member_id = ? where transfer_id = ?")
        .params(memberId, transferId)
        .update();
    jdbc.sql("update member_transfer set scope_path = ? where member_id = ?")
        .params(path.value(), memberId)
        .update();
    jdbc.sql("update member_transfer_event set scope_path = ? where member_id = ?")
        .params(path.value(), memberId)
        .update();
  }

  private static @Nullable Long cityId(OrganizationRef ref) {
    return ref instanceof OrganizationRef.CityOrganization(long id) ? id : null;
  }

  private static String name(OrganizationRef ref, Map<Long, String> names) {
    return switch (ref) {
      case OrganizationRef.CityOrganization(long id) -> names.getOrDefault(id, "");
      case OrganizationRef.ExternalOrganization(String name) -> name;
    };
  }

  /** The names a row knows, by organization id, for naming the steps. */
  static Map<Long, String> names(Row r) {
    Map<Long, String> names = new LinkedHashMap<>();
    if (r.sourceId() != null) {
      names.put(r.sourceId(), r.sourceName());
    }
    names.put(r.sourceActorId(), r.sourceActorName());
    if (r.targetId() != null) {
      names.put(r.targetId(), r.targetName());
    }
    return names;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String targetPath = rs.getString("target_path");
    return new Row(
        rs.getLong("id"),
        TransferKind.valueOf(rs.getString("kind")),
        TransferState.valueOf(rs.getString("state")),
        rs.getInt("attempt"),
        (Long) rs.getObject("member_id"),
        rs.getString("member_name"),
        (Long) rs.getObject("source_id"),
        rs.getString("source_name"),
        rs.getLong("source_actor_id"),
        rs.getString("source_actor_name"),
        new ScopePath(rs.getString("source_path")),
        (Long) rs.getObject("target_id"),
        rs.getString("target_name"),
        targetPath == null ? null : new ScopePath(targetPath),
        new ScopePath(rs.getString("scope_path")),
        rs.getString("letter_number"),
        rs.getObject("letter_issued_on", LocalDate.class),
        rs.getObject("letter_valid_until", LocalDate.class),
        rs.getObject("submitted_on", LocalDate.class),
        rs.getObject("last_step_on", LocalDate.class));
  }

  private static EventRow eventRow(ResultSet rs, int n) throws SQLException {
    String from = rs.getString("from_state");
    return new EventRow(
        rs.getLong("id"),
        rs.getLong("transfer_id"),
        rs.getObject("effective_on", LocalDate.class),
        rs.getLong("actor_id"),
        rs.getString("actor_name"),
        from == null ? null : TransferState.valueOf(from),
        TransferState.valueOf(rs.getString("to_state")),
        (Long) rs.getObject("source_id"),
        rs.getString("source_name"),
        (Long) rs.getObject("target_id"),
        rs.getString("target_name"),
        rs.getString("reason"),
        rs.getString("recorded_by"));
  }
}
