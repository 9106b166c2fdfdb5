package org.zugong.platform;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zugong.shared.ScopePath;

/**
 * The data scope of the current thread. Each connection taken from the pool is given this scope
 * ({@code set_config('zugong.scope', ?)}, a bound parameter) before any statement runs, and every
 * table with a tree path has a row-level security policy that reads it. A query therefore cannot
 * forget the scope: without one it sees nothing.
 */
public final class DataScope {

  private static final ThreadLocal<@Nullable ScopePath> OVERRIDE = new ThreadLocal<>();

  private DataScope() {}

  /** The scope of the current thread, or {@code null} where nobody is signed in. */
  public static @Nullable ScopePath current() {
    ScopePath override = OVERRIDE.get();
    if (override != null) {
      return override;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CurrentScope scoped) {
      return scoped.scopePath();
    }
    return null;
  }

  /**
   * Runs work of the system itself (start-up loading, sign-in look-ups, audit verification) over
   * the whole tree. Only code that acts for no user may call this.
   */
  public static <T> T asSystem(Supplier<T> work) {
    return within(ScopePath.ROOT, work);
  }

  public static void asSystem(Runnable work) {
    within(
        ScopePath.ROOT,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Reports {@code scope} as the thread's scope while {@code work} runs, inside a transaction whose
   * connection {@link SystemScope} has given the same scope.
   */
  static <T> T reporting(ScopePath scope, Supplier<T> work) {
    ScopePath previous = OVERRIDE.get();
    OVERRIDE.set(scope);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(previous);
      }
    }
  }

  /** Runs work within the given scope, e.g. a background job started by a user. */
  public static <T> T within(ScopePath scope, Supplier<T> work) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      // The transaction's connection already carries the caller's scope; a new scope would not
      // apply.
      throw new IllegalStateException("A data scope cannot change inside a transaction");
    }
    return reporting(scope, work);
  }
}
