package org.zugong.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresCrashTest}: starts the embedded server, commits
 * rows one transaction each, says how many, and waits to be killed.
 */
public final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60));
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "")) {
      c.createStatement().execute("create table if not exists crash_probe (n int primary key)");
      try (PreparedStatement ps = c.prepareStatement("insert into crash_probe (n) values (?)")) {
        for (int i = 1; i <= rows; i++) {
          ps.setInt(1, i);
          ps.executeUpdate();
        }
      }
    }
    System.out.println("POSTMASTER " + server.postmasterPid());
    System.out.println("COMMITTED " + rows);
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5));
  }
}
