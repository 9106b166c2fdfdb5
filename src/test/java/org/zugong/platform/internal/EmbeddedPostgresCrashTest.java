package org.zugong.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps every committed row through a kill -9, and stops cleanly. */
class EmbeddedPostgresCrashTest {

  @TempDir Path temp;

  record Child(Process process, long postmasterPid) {}

  private Child startChild(Path dir, int rows) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                classpath,
                CrashChild.class.getName(),
                dir.toString(),
                Integer.toString(rows))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long pid = -1;
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("POSTMASTER ")) {
        pid = Long.parseLong(line.substring(11).trim());
      }
      if (line.startsWith("COMMITTED ")) {
        return new Child(p, pid);
      }
    }
    throw new AssertionError("The child ended without committing:\n" + seen);
  }

  private static long count(EmbeddedPostgresServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from crash_probe")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aKilledJvmLosesNoCommittedRowAndTheNextStartTakesOver() throws Exception {
    Path dir = temp.resolve("pgdata");
    Child child = startChild(dir, 500);
    child.process().destroyForcibly();
    assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    // The postmaster outlives the JVM that started it and still holds the data directory.
    assertThat(ProcessHandle.of(child.postmasterPid()).map(ProcessHandle::isAlive)).contains(true);

    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60))) {
      assertThat(count(server)).isEqualTo(500);
      assertThat(ProcessHandle.of(child.postmasterPid()).map(ProcessHandle::isAlive).orElse(false))
          .isFalse();
    }
  }

  @Test
  void aKilledPostmasterRecoversEveryCommittedRow() throws Exception {
    Path dir = temp.resolve("pgdata");
    Child child = startChild(dir, 300);
    // Both die at once, as in a power cut: PostgreSQL must replay its write-ahead log.
    new ProcessBuilder("kill", "-9", Long.toString(child.postmasterPid())).start().waitFor();
    child.process().destroyForcibly();
    child.process().waitFor(30, TimeUnit.SECONDS);
    ProcessHandle.of(child.postmasterPid())
        .ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());

    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60))) {
      assertThat(count(server)).isEqualTo(300);
    }
  }

  @Test
  void runsWithDurableSettingsAndStopsCleanly() throws Exception {
    Path dir = temp.resolve("pgdata");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60));
    long pid = server.postmasterPid();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('full_page_writes'),"
                        + " (select rolsuper or rolbypassrls from pg_roles where rolname = current_user)")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("on");
      assertThat(rs.getString(2)).isEqualTo("on");
      assertThat(rs.getString(3)).isEqualTo("on");
      assertThat(rs.getBoolean(4)).as("the application role bypasses row-level security").isFalse();
    }
    server.close();
    // pg_ctl stop -m fast returns once the server is down; the process may take a moment to be
    // reaped.
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertThat(Files.exists(dir.resolve("postmaster.pid"))).isFalse();
    // The data directory is kept.
    assertThat(Files.exists(dir.resolve("PG_VERSION"))).isTrue();
  }
}
