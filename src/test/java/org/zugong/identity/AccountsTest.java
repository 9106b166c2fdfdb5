package org.zugong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The system administrator's account pages: opening accounts, masking and revealing ID numbers. */
class AccountsTest extends ZugongTest {

  static final String ID = "330204198507150032";

  @Test
  void refusesAWeakPasswordAndSaysWhyInChinese() {
    WebClient sys = signedIn(DemoAccounts.SYSTEM_ADMIN);
    sys.get("/accounts");
    HttpResponse<String> r =
        sys.post(
            "/accounts",
            Map.of(
                "username",
                "weakling",
                "displayName",
                "弱密码",
                "password",
                "abcdefgh",
                "idNumber",
                ""));
    assertThat(r.body()).contains("dialog-error").contains("至少 3 类");
    assertThat(
            DataScope.asSystem(
                () ->
                    jdbc.sql("select count(*) from identity_account where username = 'weakling'")
                        .query(Long.class)
                        .single()))
        .isZero();
  }

  @Test
  void refusesAnIdNumberWithAWrongCheckDigit() {
    WebClient sys = signedIn(DemoAccounts.SYSTEM_ADMIN);
    sys.get("/accounts");
    HttpResponse<String> r =
        sys.post(
            "/accounts",
            Map.of(
                "username",
                "wrongid",
                "displayName",
                "错号",
                "password",
                "Abcdefg#1",
                "idNumber",
                "330204198507150033"));
    assertThat(r.body()).contains("校验位不正确");
  }

  @Test
  void storesTheIdNumberEncryptedShowsItMaskedAndAuditsEveryReveal() {
    WebClient sys = signedIn(DemoAccounts.SYSTEM_ADMIN);
    sys.get("/accounts");
    HttpResponse<String> created =
        sys.post(
            "/accounts",
            Map.of(
                "username",
                "zhang.wei",
                "displayName",
                "张伟",
                "password",
                "Zhang#2022x",
                "idNumber",
                ID));
    assertThat(created.headers().firstValue("HX-Redirect")).isPresent();

    byte[] stored =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id_number_cipher from identity_account where username = 'zhang.wei'")
                    .query((rs, n) -> rs.getBytes(1))
                    .single());
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(ID);

    HttpResponse<String> list = sys.get("/accounts?q=zhang");
    assertThat(list.body()).contains("zhang.wei").contains("330204********0032").doesNotContain(ID);
    // Found exactly by the full ID number, through the keyed hash.
    assertThat(sys.get("/accounts?q=" + ID).body()).contains("zhang.wei");
    assertThat(sys.get("/accounts?q=330204198507150040").body()).doesNotContain("zhang.wei");
    Matcher m = Pattern.compile("id=\"account-(\\d+)\"").matcher(list.body());
    assertThat(m.find()).isTrue();
    long id = Long.parseLong(m.group(1));

    HttpResponse<String> revealed = sys.post("/accounts/" + id + "/id-number", Map.of());
    assertThat(revealed.body()).contains(ID);

    var audit =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select action || '|' || actor || '|' || details::text from audit_event where entity = 'account' and entity_id = ? order by seq")
                    .param(Long.toString(id))
                    .query(String.class)
                    .list());
    assertThat(audit)
        .anySatisfy(
            a ->
                assertThat(a)
                    .startsWith("create|sysadmin|")
                    .contains("zhang.wei")
                    .contains("330204********0032"));
    assertThat(audit)
        .anySatisfy(a -> assertThat(a).startsWith("reveal|sysadmin|").contains("idNumber"));
    assertThat(String.join("\n", audit)).doesNotContain(ID);
  }

  @Test
  void auditsOldAndNewValuesOfAChange() {
    WebClient sys = signedIn(DemoAccounts.SYSTEM_ADMIN);
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql("select id from identity_account where username = 'chenglang_member'")
                    .query(Long.class)
                    .single());
    sys.get("/accounts");
    sys.post("/accounts/" + id + "/enabled", Map.of("enabled", "false"));
    sys.get("/accounts");
    sys.post("/accounts/" + id + "/enabled", Map.of("enabled", "true"));
    var details =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select details::text from audit_event where entity = 'account' and entity_id = ? and action = 'update' order by seq")
                    .param(Long.toString(id))
                    .query(String.class)
                    .list());
    assertThat(details).hasSizeGreaterThanOrEqualTo(2);
    assertThat(details.get(details.size() - 2))
        .contains("\"enabled\"")
        .contains("\"old\": \"true\"")
        .contains("\"new\": \"false\"");
  }
}
