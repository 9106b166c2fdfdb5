package org.zugong.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server kept in a data directory that survives restarts. zonky's defaults are
 * for throw-away test databases, so this class turns each of them around: the data directory is
 * never deleted, fsync and synchronous commit are on, the JVM shutdown hook is ours, and a
 * postmaster left running by a killed JVM is stopped before a new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  static final String DATABASE = "zugong";
  static final String APP_ROLE = "zugong";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /** Starts (or restarts) the server in {@code dataDirectory}, creating it on first use. */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port, Duration startupWait) {
    refuseRootWithoutUserNamespaces();
    try {
      Files.createDirectories(dataDirectory.getParent());
      stopOrphanedPostmaster(dataDirectory);
      long started = System.nanoTime();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(startupWait)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("work_mem", "16MB")
              .setServerConfig("maintenance_work_mem", "256MB")
              .setServerConfig("max_wal_size", "2GB")
              .setLocaleConfig("encoding", "UTF8")
              .setLocaleConfig("locale", "C.UTF-8");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
      server.ensureApplicationDatabase();
      log.info(
          "Embedded PostgreSQL on port {} with data in {} ready in {} ms",
          postgres.getPort(),
          dataDirectory.toAbsolutePath(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      return server;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "The embedded PostgreSQL could not start in "
              + dataDirectory.toAbsolutePath()
              + ": "
              + e.getMessage()
              + ". Check that the folder is writable, or use an external PostgreSQL by setting"
              + " SPRING_DATASOURCE_URL.",
          e);
    }
  }

  /**
   * PostgreSQL refuses to run as root. zonky then runs it in a user namespace; where those are not
   * available the start would hang for a minute, so say why at once.
   */
  private static void refuseRootWithoutUserNamespaces() {
    if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
      throw new IllegalStateException(
          "PostgreSQL cannot run as root and this machine does not allow user namespaces"
              + " (unshare -U), so the embedded database cannot start. Run Zugong as a non-root"
              + " user, or point it at an external PostgreSQL with SPRING_DATASOURCE_URL.");
    }
  }

  /**
   * After a {@code kill -9} of the JVM the postmaster lives on and holds the data directory. Stop
   * it (fast shutdown, which keeps every committed transaction) and wait until it is gone.
   */
  static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !isPostgres(process.get())) {
      return;
    }
    log.warn(
        "A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it",
        pid,
        dataDirectory);
    ProcessHandle handle = process.get();
    try {
      // SIGINT is PostgreSQL's fast shutdown: clients are disconnected and the data is
      // checkpointed.
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception ignored) {
        throw new IllegalStateException("Could not stop the PostgreSQL server with pid " + pid, e);
      }
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
  }

  private void ensureApplicationDatabase() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      if (!exists(c, "select 1 from pg_roles where rolname = ?", APP_ROLE)) {
        // Not a superuser: row-level security does not apply to superusers.
        c.createStatement().execute("create role " + APP_ROLE + " login nosuperuser nobypassrls");
      }
      if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
        c.createStatement()
            .execute(
                "create database "
                    + DATABASE
                    + " owner "
                    + APP_ROLE
                    + " encoding 'UTF8' template template0");
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String username() {
    return APP_ROLE;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The postmaster's process, for tests that kill it. */
  public long postmasterPid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8)
            .get(0)
            .trim());
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
