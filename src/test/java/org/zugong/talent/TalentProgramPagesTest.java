package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zugong.platform.DataScope;
import org.zugong.support.DemoAccounts;
import org.zugong.support.WebClient;
import org.zugong.support.ZugongTest;

/** The program, housing, finance and map pages and the program API over HTTP. */
class TalentProgramPagesTest extends ZugongTest {

  long haishuApplication(String stage) {
    return DataScope.asSystem(
        () ->
            jdbc.sql(
                    "select id from talent_program_application where stage = ?"
                        + " and starts_with(scope_path, '/330200/330203/') order by id limit 1")
                .param(stage)
                .query(Long.class)
                .single());
  }

  @Test
  void theCityTakesAStepInTheDialogAndADistrictSeesItsOwnApplicantsOnly() {
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    long id = haishuApplication("APPLIED");
    HttpResponse<String> page = city.get("/talent-programs/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"program-step\"");
    assertThat(city.get("/talent-programs/" + id + "/step").body()).contains("id=\"step-form\"");
    HttpResponse<String> step =
        city.post("/talent-programs/" + id + "/step", Map.of("action", "check"));
    assertThat(step.statusCode()).isEqualTo(200);
    assertThat(step.headers().firstValue("HX-Redirect")).hasValue("/talent-programs/" + id);
    // A wrong step is refused in the dialog with its reason.
    HttpResponse<String> wrong =
        city.post("/talent-programs/" + id + "/step", Map.of("action", "certify"));
    assertThat(wrong.body()).contains("id=\"dialog-error\"");

    WebClient haishu = signedIn(DemoAccounts.HAISHU_ADMIN);
    assertThat(haishu.get("/talent-programs").body()).contains("id=\"program-rows\"");
    assertThat(haishu.get("/talent-programs/" + id).body()).doesNotContain("id=\"program-step\"");
    HttpResponse<String> api = haishu.get("/api/v1/talent-programs/" + id);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"stage\":\"FORMAL_CHECK\"");
  }

  @Test
  void anInstitutionsOfficerSeesOnlyItsOwnApplicants() {
    WebClient officer = signedIn(DemoAccounts.INSTITUTION_OFFICER);
    HttpResponse<String> api = officer.get("/api/v1/talent-programs?size=200");
    assertThat(api.statusCode()).isEqualTo(200);
    long own =
        DataScope.asSystem(
            () ->
                jdbc.sql(
                        "select count(*) from talent_program_application a join talent t"
                            + " on t.id = a.talent_id where t.institution_code = 'i-nbu'")
                    .query(Long.class)
                    .single());
    assertThat(own).isPositive();
    assertThat(api.body()).contains("\"total\":" + own);
    long other = haishuApplication("REJECTED");
    assertThat(officer.get("/api/v1/talent-programs/" + other).statusCode()).isEqualTo(404);
    assertThat(officer.get("/talent-programs/" + other).statusCode()).isEqualTo(404);
  }

  @Test
  void theThinkTankHousingFinanceAndMapPagesShowTheirRecords() {
    WebClient city = signedIn(DemoAccounts.CITY_ADMIN);
    assertThat(city.get("/talent-programs/think-tank").body()).contains("id=\"think-tank\"");
    assertThat(city.get("/talent-programs/liaisons").body()).contains("id=\"liaisons\"");
    assertThat(city.get("/talent-housing").body()).contains("id=\"housing-waiting\"");
    assertThat(city.get("/talent-finance").body()).contains("id=\"finance-requests\"");
    HttpResponse<String> map = city.get("/talent-map?date=2022-12-31");
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.body()).contains("id=\"chart-industry\"", "data-values2=");
  }
}
