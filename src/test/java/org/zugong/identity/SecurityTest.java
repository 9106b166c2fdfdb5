package org.zugong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.shared.Role;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** Sign-in, lockout, CSRF, headers, sessions and the separation of the three administrators. */
class SecurityTest extends ZugongTest {

  @Autowired PasswordEncoder encoder;
  @Autowired Environment environment;

  @Test
  void securityHeadersAreSent() {
    HttpResponse<String> login = client().get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    WebClient client = signedIn(DemoAccounts.SYSTEM_ADMIN);
    HttpResponse<String> r =
        client.postRaw(
            "/accounts",
            Map.of(
                "username", "nocsrf", "displayName", "x", "password", "Abcdefg#1", "idNumber", ""));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from identity_account where username = 'nocsrf'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void signInGivesANewSessionId() {
    WebClient client = client();
    client.get("/login");
    String before = client.cookie("JSESSIONID");
    client.post(
        "/login", Map.of("username", DemoAccounts.CITY_ADMIN, "password", DemoAccounts.PASSWORD));
    String after = client.cookie("JSESSIONID");
    assertThat(before).isNotNull();
    assertThat(after).isNotNull().isNotEqualTo(before);
  }

  @Test
  void sessionsExpireAfterThirtyIdleMinutes() {
    assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
  }

  @Test
  void locksTheAccountForFifteenMinutesAfterFiveWrongPasswords() {
    TestAccounts.ensure(
        jdbc, encoder, "lock_http", Role.TOWN_ADMIN, "330203001", "/330200/330203/330203001/");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = client().signIn("lock_http", "wrong-password-" + i);
      assertThat(r.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
    HttpResponse<String> right = client().signIn("lock_http", DemoAccounts.PASSWORD);
    assertThat(right.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
  }

  @Test
  void aWrongPasswordIsNotLockedBeforeTheFifth() {
    TestAccounts.ensure(
        jdbc, encoder, "lock_four", Role.TOWN_ADMIN, "330203001", "/330200/330203/330203001/");
    for (int i = 0; i < 4; i++) {
      client().signIn("lock_four", "wrong-password-" + i);
    }
    HttpResponse<String> right = client().signIn("lock_four", DemoAccounts.PASSWORD);
    assertThat(right.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("locked").doesNotContain("error"));
  }

  @Test
  void theApiAnswersUnauthenticatedCallsWithAProblem() {
    HttpResponse<String> r = client().get("/api/v1/regions/roots");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
  }

  @Test
  void theSystemAdministratorCannotReadTheAudit() {
    assertThat(signedIn(DemoAccounts.SYSTEM_ADMIN).get("/audit").statusCode()).isEqualTo(403);
    assertThat(signedIn(DemoAccounts.SECURITY_ADMIN).get("/audit").statusCode()).isEqualTo(403);
    assertThat(signedIn(DemoAccounts.AUDITOR).get("/audit").statusCode()).isEqualTo(200);
  }

  @Test
  void theAuditorChangesNothing() {
    WebClient auditor = signedIn(DemoAccounts.AUDITOR);
    assertThat(auditor.get("/accounts").statusCode()).isEqualTo(403);
    auditor.get("/audit");
    assertThat(
            auditor
                .post(
                    "/accounts",
                    Map.of(
                        "username",
                        "byauditor",
                        "displayName",
                        "x",
                        "password",
                        "Abcdefg#1",
                        "idNumber",
                        ""))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyTheSecurityAdministratorAssignsRoles() {
    long target =
        TestAccounts.ensure(jdbc, encoder, "assign_me", Role.MEMBER, "330203", "/330200/330203/");
    WebClient sys = signedIn(DemoAccounts.SYSTEM_ADMIN);
    sys.get("/accounts");
    assertThat(
            sys.post(
                    "/accounts/" + target + "/roles",
                    Map.of("roles", "CITY_ADMIN", "scopeCode", "330200"))
                .statusCode())
        .isEqualTo(403);
    WebClient sec = signedIn(DemoAccounts.SECURITY_ADMIN);
    sec.get("/accounts");
    HttpResponse<String> ok =
        sec.post(
            "/accounts/" + target + "/roles",
            Map.of("roles", "TOWN_ADMIN", "scopeCode", "330203001"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("HX-Refresh")).contains("true");
    assertThat(
            org.zugong.platform.DataScope.asSystem(
                () ->
                    jdbc.sql("select role from identity_account_role where account_id = ?")
                        .param(target)
                        .query(String.class)
                        .list()))
        .containsExactly("TOWN_ADMIN");
    HttpResponse<String> twoAdmins =
        sec.postRaw(
            "/accounts/" + target + "/roles?roles=SYSTEM_ADMIN&roles=AUDITOR",
            Map.of("_csrf", sec.csrf(), "scopeCode", "330203"));
    assertThat(twoAdmins.body()).contains("不能由同一账号兼任");
  }

  @Test
  void theSecurityAdministratorCannotAssignRolesToThemself() {
    WebClient sec = signedIn(DemoAccounts.SECURITY_ADMIN);
    long self =
        org.zugong.platform.DataScope.asSystem(
            () ->
                jdbc.sql("select id from identity_account where username = 'secadmin'")
                    .query(Long.class)
                    .single());
    sec.get("/accounts");
    HttpResponse<String> r =
        sec.post("/accounts/" + self + "/roles", Map.of("roles", "AUDITOR", "scopeCode", "330200"));
    assertThat(r.body()).contains("不能为自己的账号分配角色");
  }
}
