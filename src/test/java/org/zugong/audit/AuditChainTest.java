package org.zugong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/**
 * The audit chain: appended by sign-ins and writes, and any row changed or removed in the database
 * is found.
 */
class AuditChainTest extends ZugongTest {

  private String verify() {
    WebClient auditor = signedIn(DemoAccounts.AUDITOR);
    auditor.get("/audit");
    return auditor.post("/audit/verify", Map.of()).body();
  }

  private long lastSeq() {
    return DataScope.asSystem(
        () -> jdbc.sql("select max(seq) from audit_event").query(Long.class).single());
  }

  @Test
  void signInsAndFailuresAreAudited() {
    long before = lastSeq();
    signedIn(DemoAccounts.HAISHU_ADMIN);
    client().signIn(DemoAccounts.HAISHU_ADMIN, "not-the-password");
    var actions =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select action || ':' || actor from audit_event where seq > ? order by seq")
                    .param(before)
                    .query(String.class)
                    .list());
    assertThat(actions).contains("login:haishu_admin", "login-failure:haishu_admin");
  }

  @Test
  void theAuditorExportsTheAuditAsAWorkbook() throws Exception {
    WebClient auditor = signedIn(DemoAccounts.AUDITOR);
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/audit/export?action=login"))
                    .header("Cookie", "JSESSIONID=" + auditor.cookie("JSESSIONID"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
    byte[] xlsx = response.body();
    assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("PK");
    String sheet = sheetXml(xlsx);
    assertThat(sheet).contains("auditor").contains("login");
  }

  private static String sheetXml(byte[] xlsx) throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("audit", ".xlsx");
    try {
      java.nio.file.Files.write(file, xlsx);
      StringBuilder all = new StringBuilder();
      try (var zip = new java.util.zip.ZipFile(file.toFile())) {
        for (var e : java.util.Collections.list(zip.entries())) {
          if (e.getName().startsWith("xl/")) {
            all.append(
                new String(
                    zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
      return all.toString();
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void rowsCannotBeUpdatedOrDeletedThroughSql() {
    signedIn(DemoAccounts.CITY_ADMIN);
    String error =
        DataScope.asSystem(
            () -> {
              try {
                jdbc.sql("update audit_event set actor = 'mallory' where seq = 1").update();
                return "updated";
              } catch (RuntimeException e) {
                return e.getMessage();
              }
            });
    assertThat(error).contains("append-only");
  }

  @Test
  void verificationFindsARowChangedDirectlyInTheDatabase() {
    signedIn(DemoAccounts.CITY_ADMIN);
    assertThat(verify()).contains("verify-ok").contains("审计链完整");
    long seq = lastSeq() - 1;
    String actor =
        DataScope.asSystem(
            () ->
                jdbc.sql("select actor from audit_event where seq = ?")
                    .param(seq)
                    .query(String.class)
                    .single());
    tamper("update audit_event set actor = 'mallory' where seq = " + seq);
    try {
      assertThat(verify()).contains("verify-broken").contains("第 " + seq + " 条记录内容已被篡改");
    } finally {
      tamper("update audit_event set actor = '" + actor + "' where seq = " + seq);
    }
    assertThat(verify()).contains("verify-ok");
  }

  @Test
  void verificationFindsARowDeletedDirectlyInTheDatabase() {
    signedIn(DemoAccounts.CITY_ADMIN);
    long seq = lastSeq() - 1;
    DataScope.asSystem(
        () ->
            jdbc.sql("create table audit_saved as select * from audit_event where seq = ?")
                .param(seq)
                .update());
    tamper("delete from audit_event where seq = " + seq);
    try {
      assertThat(verify()).contains("verify-broken").contains("第 " + seq + " 条记录缺失或被删除");
    } finally {
      tamper("insert into audit_event select * from audit_saved");
      DataScope.asSystem(() -> jdbc.sql("drop table audit_saved").update());
    }
    assertThat(verify()).contains("verify-ok");
  }

  /** What a database administrator could do: switch the guard off, change rows, switch it on. */
  private void tamper(String sql) {
    DataScope.asSystem(
        () -> {
          jdbc.sql("alter table audit_event disable trigger audit_event_no_update").update();
          try {
            return jdbc.sql(sql).update();
          } finally {
            jdbc.sql("alter table audit_event enable trigger audit_event_no_update").update();
          }
        });
  }
}
