package org.zugong.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the audit as the auditor reads it. */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String actor,
    String action,
    @Nullable String entity,
    @Nullable String entityId,
    String scopePath,
    String details,
    @Nullable String clientIp) {}
