package org.zugong.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends rows to the chain. The head row is locked for the rest of the transaction, so appends are
 * serial and each row's hash covers the one before it. Runs inside the caller's transaction where
 * there is one, so that a write and its audit row commit or roll back together.
 */
@Component
class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One event to record. */
  record Event(
      String actor,
      @Nullable Long actorId,
      String action,
      @Nullable String entity,
      @Nullable String entityId,
      String scopePath,
      Map<String, ?> details) {}

  @Transactional(propagation = Propagation.REQUIRED)
  void append(Event e) {
    Head head =
        jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    long seq = head.seq() + 1;
    String hash =
        jdbc.sql(
                """
                insert into audit_event (seq, occurred_at, actor, actor_id, action, entity, entity_id,
                  scope_path, details, client_ip, prev_hash, hash)
                values (:seq, :at, :actor, :actorId, :action, :entity, :entityId, :scope,
                  cast(:details as jsonb), :ip, :prev,
                  audit_row_hash(:seq, :at, :actor, :actorId, :action, :entity, :entityId, :scope,
                    cast(:details as jsonb), :ip, :prev))
                returning hash
                """)
            .param("seq", seq)
            .param("at", OffsetDateTime.now(clock))
            .param("actor", e.actor())
            .param("actorId", e.actorId())
            .param("action", e.action())
            .param("entity", e.entity())
            .param("entityId", e.entityId())
            .param("scope", e.scopePath())
            .param("details", json.writeValueAsString(e.details()))
            .param("ip", clientIp())
            .param("prev", head.hash())
            .query(String.class)
            .single();
    jdbc.sql("update audit_chain_head set seq = ?, hash = ? where id = 1")
        .params(seq, hash)
        .update();
  }

  private static @Nullable String clientIp() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return attrs.getRequest().getRemoteAddr();
    }
    return null;
  }

  private record Head(long seq, String hash) {}
}
