package org.zugong.shared;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Published by a module inside the transaction that writes a record, so that the audit records who
 * changed what in the same commit.
 *
 * @param entity the record's kind, e.g. {@code account}
 * @param entityId the record's id
 * @param action {@code create}, {@code update}, {@code delete} or a domain verb
 * @param scopePath the tree path of the record, used to show the audit row only within scope
 * @param changes field name to old and new value; personal data is masked before it gets here
 */
public record RecordChanged(
    String entity, String entityId, String action, String scopePath, Map<String, Change> changes) {

  public RecordChanged {
    changes = Map.copyOf(changes);
  }

  /** One field's old and new value, as text; {@code null} where there was none. */
  public record Change(@Nullable String oldValue, @Nullable String newValue) {}
}
