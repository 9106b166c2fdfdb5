package org.zugong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.ZugongApplication;
import org.zugong.platform.internal.EmbeddedPostgresServer;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;

/**
 * Zugong started as a user would start it, outside the shared test context: against an external
 * PostgreSQL, empty instead of with demo data, and refusing a database role that would bypass the
 * data scope.
 */
class StandaloneStartTest {

  @TempDir Path temp;

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return new SpringApplicationBuilder(ZugongApplication.class)
        .properties(properties)
        .properties(Map.of("server.port", "0", "zugong.demo.background", "false"))
        .run();
  }

  private static String url(ConfigurableApplicationContext app) {
    return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @Test
  void runsAgainstAnExternalPostgresqlWithTheSameScope() {
    String jdbcUrl = System.getenv("ZUGONG_EXTERNAL_DB_URL");
    if (jdbcUrl == null) {
      if (System.getenv("CI") != null) {
        fail("CI must provide ZUGONG_EXTERNAL_DB_URL (see .ci/run)");
      }
      org.junit.jupiter.api.Assumptions.abort(
          "No external PostgreSQL: set ZUGONG_EXTERNAL_DB_URL, _USER and _PASSWORD (see .ci/run)");
    }
    try (ConfigurableApplicationContext app =
        start(
            Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", System.getenv("ZUGONG_EXTERNAL_DB_USER"),
                "spring.datasource.password", System.getenv("ZUGONG_EXTERNAL_DB_PASSWORD"),
                "zugong.data-dir", temp.toString()))) {
      assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
      WebClient client = new WebClient(url(app));
      client.signIn(DemoAccounts.HAISHU_ADMIN, DemoAccounts.PASSWORD);
      var regions = client.get("/api/v1/regions?q=街道&size=200");
      assertThat(regions.statusCode()).isEqualTo(200);
      assertThat(regions.body()).contains("南门街道").doesNotContain("330205");
      String version =
          JdbcClient.create(app.getBean(javax.sql.DataSource.class))
              .sql("select current_setting('server_version')")
              .query(String.class)
              .single();
      assertThat(version).isNotBlank();
    }
  }

  @Test
  void startsEmptyWithTheThreeAdministratorsWhenDemoDataIsOff() {
    try (ConfigurableApplicationContext app =
        start(Map.of("zugong.data-dir", temp.toString(), "zugong.demo.enabled", "false"))) {
      JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
      List<String> accounts =
          DataScope.asSystem(
              () ->
                  jdbc.sql(
                          "select a.username || ':' || r.role from identity_account a"
                              + " join identity_account_role r on r.account_id = a.id order by 1")
                      .query(String.class)
                      .list());
      assertThat(accounts)
          .containsExactly(
              "auditor:AUDITOR", "securityadmin:SECURITY_ADMIN", "systemadmin:SYSTEM_ADMIN");
      long regions =
          DataScope.asSystem(
              () -> jdbc.sql("select count(*) from region").query(Long.class).single());
      assertThat(regions).isEqualTo(3215);
      assertThat(new WebClient(url(app)).get("/login").body()).doesNotContain("demo-accounts");
    }
  }

  @Test
  void refusesADatabaseRoleThatBypassesRowLevelSecurity() {
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(temp.resolve("pg"), 0, Duration.ofSeconds(60))) {
      // The embedded server's own superuser: row-level security would not apply to it.
      String superuserUrl = server.jdbcUrl();
      assertThatThrownBy(
              () ->
                  start(
                          Map.of(
                              "spring.datasource.url",
                              superuserUrl,
                              "spring.datasource.username",
                              "postgres",
                              "zugong.data-dir",
                              temp.toString()))
                      .close())
          .hasStackTraceContaining("superuser or bypasses row-level security");
    }
  }
}
