package org.zugong.platform;

import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zugong.shared.ScopePath;

/**
 * Work of the system inside a user's transaction: a write that a rule makes follow from the user's
 * own and that may lie outside the user's scope, such as the committee term of a member who moved
 * away, held at an organization above the one the user works for. It must commit or roll back with
 * the user's write, so it cannot wait for a transaction of its own ({@link DataScope#asSystem}).
 *
 * <p>For the work only, the transaction's connection is given the whole tree ({@code
 * set_config('zugong.scope', '/', true)}, local to the transaction) and the scope it had is given
 * back afterwards, also when the work fails; at the end of the transaction PostgreSQL drops the
 * local value anyway. Only a module's own rule may call this, deciding from the records the user
 * acted on, never from what the user asked for beyond them; what it writes is audited as usual,
 * under the path of the record written.
 */
@Component
public class SystemScope {

  private final JdbcClient jdbc;

  public SystemScope(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public <T> T inThisTransaction(Supplier<T> work) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("The system's part of a user's write needs its transaction");
    }
    String previous =
        jdbc.sql("select coalesce(current_setting('zugong.scope', true), '')")
            .query(String.class)
            .single();
    set(ScopePath.ROOT.value());
    T result;
    try {
      result = DataScope.reporting(ScopePath.ROOT, work);
    } catch (RuntimeException | Error failure) {
      try {
        set(previous);
      } catch (DataAccessException aborted) {
        // The transaction failed and will roll back, which drops the local scope as well.
        failure.addSuppressed(aborted);
      }
      throw failure;
    }
    set(previous);
    return result;
  }

  private void set(String scope) {
    jdbc.sql("select set_config('zugong.scope', ?, true)")
        .param(scope)
        .query(String.class)
        .single();
  }
}
