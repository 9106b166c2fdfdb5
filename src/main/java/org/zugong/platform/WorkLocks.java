package org.zugong.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL advisory locks held on a connection of their own for as long as some work goes on,
 * across transactions and across instances of the application: the sign that a live worker is on a
 * piece of work. The lock goes with the connection when the worker or its instance dies, so there
 * is no lease to expire. A lock is named by a kind ({@code hashtext} of it) and an integer id,
 * PostgreSQL's two-key form.
 */
@Component
public class WorkLocks {

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  public WorkLocks(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /** A lock held; closing releases it and gives the connection back. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Holds the lock in shared mode, beside any number of other workers on the same work, waiting
   * only while someone takes the work over (a moment).
   */
  public Held share(String kind, long id) {
    Connection c = open();
    try {
      call(c, "pg_advisory_lock_shared", kind, id);
      return held(c, kind, id);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw failure(kind, id, e);
    }
  }

  /**
   * Holds the lock in shared mode where no worker holds it at all: takes it exclusively (granted
   * only then), turns that into a shared hold (a session's own exclusive hold does not bar its
   * shared one) and drops the exclusive one. Of two callers at once, one gets it. Empty where
   * another worker holds it.
   */
  public Optional<Held> shareIfFree(String kind, long id) {
    Connection c = open();
    try {
      if (!call(c, "pg_try_advisory_lock", kind, id)) {
        closeQuietly(c);
        return Optional.empty();
      }
      call(c, "pg_advisory_lock_shared", kind, id);
      call(c, "pg_advisory_unlock", kind, id);
      return Optional.of(held(c, kind, id));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw failure(kind, id, e);
    }
  }

  /** Whether any session of any instance holds the lock now. */
  public boolean isHeld(String kind, long id) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                "select exists (select 1 from pg_locks where locktype = 'advisory' and granted"
                    + " and database = (select oid from pg_database where datname ="
                    + " current_database()) and classid = cast(hashtext(?) as oid)"
                    + " and objid = cast(cast(? as int) as oid) and objsubid = 2)")
            .params(kind, Math.toIntExact(id))
            .query(Boolean.class)
            .single());
  }

  private Held held(Connection c, String kind, long id) {
    return () -> {
      try {
        call(c, "pg_advisory_unlock_shared", kind, id);
      } catch (SQLException e) {
        // The connection is broken: closing it ends the session, and the lock with it.
      } finally {
        closeQuietly(c);
      }
    };
  }

  private Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("No connection for a work lock", e);
    }
  }

  /** Calls an advisory lock function; its answer, true for those that answer nothing. */
  private static boolean call(Connection c, String function, String kind, long id)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select cast(" + function + "(hashtext(?), ?) as text)")) {
      p.setString(1, kind);
      p.setInt(2, Math.toIntExact(id));
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && !"false".equals(rs.getString(1));
      }
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Gone already.
    }
  }

  private static RuntimeException failure(String kind, long id, Exception e) {
    return e instanceof RuntimeException r
        ? r
        : new DataAccessResourceFailureException(
            "Advisory lock " + kind + " " + id + ": " + e.getMessage(), e);
  }
}
