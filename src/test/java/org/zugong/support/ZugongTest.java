package org.zugong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the suite: the real application on a random port, with its own
 * embedded PostgreSQL in a temporary folder and the demo data loaded before the first test. Every
 * integration test extends this class so that the context is built once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ZugongTest {

  private static final Path DATA_DIR = createDataDir();

  @LocalServerPort protected int port;

  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("zugong.data-dir", DATA_DIR::toString);
    registry.add("zugong.demo.background", () -> "false");
    // A smaller city than the demo's 300,000 members keeps the suite quick; the shape is the same.
    registry.add("zugong.demo.members", () -> "20000");
    registry.add("zugong.talent.demo-talents", () -> "4000");
    registry.add("server.port", () -> "0");
    // Runs left proposing are resumed by a sweep every 30 s; in the suite only the test of it
    // turns it on, so that no test's run is worked behind its back.
    registry.add("zugong.benefit.resume-every", () -> "0s");
  }

  @Autowired private UserDetailsService accountDetails;

  /**
   * Calls services on this thread as the account, with its roles and scope, until the test ends.
   */
  protected void actAs(String username) {
    var user = accountDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  @AfterEach
  void clearSecurityContext() {
    SecurityContextHolder.clearContext();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected WebClient client() {
    return new WebClient(baseUrl());
  }

  protected WebClient signedIn(String username) {
    WebClient client = client();
    client.signIn(username, DemoAccounts.PASSWORD);
    return client;
  }

  public static Path dataDir() {
    return DATA_DIR;
  }

  private static Path createDataDir() {
    try {
      removeStaleDataDirs();
      return Files.createTempDirectory("zugong-test-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The data folders of earlier test runs (about 800 MB each) whose PostgreSQL no longer runs: the
   * server is stopped when the JVM ends, after any hook could delete its folder, so the next run
   * deletes it.
   */
  private static void removeStaleDataDirs() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (var dirs = Files.newDirectoryStream(tmp, "zugong-test-*")) {
      for (Path dir : dirs) {
        Path pid = dir.resolve("pgdata").resolve("postmaster.pid");
        boolean running = false;
        if (Files.exists(pid)) {
          String first = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
          running =
              !first.isEmpty()
                  && first.chars().allMatch(Character::isDigit)
                  && ProcessHandle.of(Long.parseLong(first))
                      .map(ProcessHandle::isAlive)
                      .orElse(false);
        }
        boolean old =
            Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 10 * 60_000;
        if (!running && old) {
          org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
      }
    }
  }
}
