package org.zugong.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.DataScope;

/**
 * The auditor's reading of the audit: search, filter, export and verify. The auditor changes
 * nothing; the system administrator cannot read it (三员分立).
 */
@Service
@PreAuthorize("hasRole('AUDITOR')")
@Transactional(readOnly = true)
public class AuditTrail {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the audit page; blank or null means any. */
  public record Filter(
      String actor,
      String action,
      String entity,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  public record Page(List<AuditEntry> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  private static final String WHERE =
      """
       where (:actor = '' or actor = :actor)
         and (:action = '' or action = :action)
         and (:entity = '' or entity = :entity)
         and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
         and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
      """;

  public Page search(Filter f, int page, int size) {
    long total =
        bind(jdbc.sql("select count(*) from audit_event" + WHERE), f).query(Long.class).single();
    List<AuditEntry> rows =
        bind(
                jdbc.sql(
                    "select * from audit_event"
                        + WHERE
                        + " order by seq desc limit :size offset :offset"),
                f)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(AuditTrail::entry)
            .list();
    return new Page(rows, page, size, total);
  }

  /** Streams every matching row, oldest first, for export. */
  public void export(Filter f, Consumer<AuditEntry> sink) {
    bind(jdbc.sql("select * from audit_event" + WHERE + " order by seq"), f)
        .query(AuditTrail::entry)
        .stream()
        .forEach(sink);
  }

  public List<String> actions() {
    return jdbc.sql("select distinct action from audit_event order by 1")
        .query(String.class)
        .list();
  }

  /**
   * Recomputes every row's hash and checks the links between rows and the head. The whole chain is
   * read as the system: a row outside the auditor's scope still belongs to the chain.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public Verification verify() {
    return DataScope.asSystem(
        () -> {
          long[] expectedSeq = {1};
          String[] prev = {"0".repeat(64)};
          Verification[] broken = {null};
          long[] count = {0};
          jdbc.sql(
                  """
                  select seq, hash, prev_hash,
                         audit_row_hash(seq, occurred_at, actor, actor_id, action, entity, entity_id,
                                        scope_path, details, client_ip, prev_hash) as recomputed
                  from audit_event order by seq
                  """)
              .query(
                  rs -> {
                    if (broken[0] != null) {
                      return;
                    }
                    long seq = rs.getLong("seq");
                    count[0]++;
                    if (seq != expectedSeq[0]) {
                      broken[0] =
                          new Verification(count[0], expectedSeq[0], "audit.verify.missing");
                    } else if (!rs.getString("prev_hash").equals(prev[0])) {
                      broken[0] = new Verification(count[0], seq, "audit.verify.link");
                    } else if (!rs.getString("hash").equals(rs.getString("recomputed"))) {
                      broken[0] = new Verification(count[0], seq, "audit.verify.altered");
                    }
                    prev[0] = rs.getString("hash");
                    expectedSeq[0] = seq + 1;
                  });
          if (broken[0] != null) {
            return broken[0];
          }
          var head =
              jdbc.sql("select seq, hash from audit_chain_head where id = 1")
                  .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                  .single();
          if ((long) head[0] != expectedSeq[0] - 1 || !head[1].equals(prev[0])) {
            return new Verification(count[0], expectedSeq[0], "audit.verify.missing");
          }
          return new Verification(count[0], null, null);
        });
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
    return spec.param("actor", f.actor().trim())
        .param("action", f.action().trim())
        .param("entity", f.entity().trim())
        .param("from", f.from() == null ? null : f.from().atStartOfDay(ZONE).toOffsetDateTime())
        .param(
            "to", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
  }

  private static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp("occurred_at");
    return new AuditEntry(
        rs.getLong("seq"),
        at.toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("entity"),
        rs.getString("entity_id"),
        rs.getString("scope_path"),
        rs.getString("details"),
        rs.getString("client_ip"));
  }
}
