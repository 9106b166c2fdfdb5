package org.zugong.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** Editing a member's details on the card keeps each field's old and new value. */
class MemberDetailsTest extends ZugongTest {

  @Test
  void editingDetailsRecordsFieldByFieldAndKeepsThePhoneWhenLeftEmpty() {
    long id =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select id from member where starts_with(scope_path, '/330200/330203/330203001/')"
                            + " and category <> 'NEW_EMPLOYMENT' order by id limit 1")
                    .query(Long.class)
                    .single());
    WebClient town = signedIn(DemoAccounts.TOWN_ADMIN);
    assertThat(town.get("/members/" + id + "/details").body()).contains("details-form");
    HttpResponse<String> refused =
        town.post(
            "/members/" + id + "/details",
            Map.of("name", "", "ethnicity", "HAN", "education", "MASTER", "category", "OTHER"));
    assertThat(refused.body()).contains("dialog-error").contains("姓名不能为空");
    HttpResponse<String> saved =
        town.post(
            "/members/" + id + "/details",
            Map.of(
                "name",
                "新名字",
                "ethnicity",
                "SHE",
                "education",
                "DOCTORATE",
                "occupation",
                "教师",
                "category",
                "PUBLIC_INSTITUTION_STAFF",
                "phone",
                ""));
    assertThat(saved.headers().firstValue("HX-Redirect")).contains("/members/" + id);
    String card = town.get("/members/" + id).body();
    assertThat(card).contains("新名字").contains("畲族").contains("博士研究生").contains("姓名");
    String phone =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select p.phone_masked from person p join member m on m.person_id = p.id where m.id = ?")
                    .param(id)
                    .query(String.class)
                    .single());
    assertThat(phone).isNotNull();
    var fields =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select field from person_change c join member m on m.person_id = c.person_id where m.id = ? order by c.id")
                    .param(id)
                    .query(String.class)
                    .list());
    assertThat(fields)
        .contains("name", "ethnicity", "education", "category")
        .doesNotContain("phone", "idNumber");
  }
}
