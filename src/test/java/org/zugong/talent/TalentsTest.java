package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.Role;
import org.zugong.shared.ScopePath;
import org.zugong.support.DemoAccounts;
import org.zugong.support.TestAccounts;
import org.zugong.support.ZugongTest;
import org.zugong.talent.rules.BatchResult;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.FactColumns;

/** The talent register and the policies against the demo data in the real database. */
class TalentsTest extends ZugongTest {

  @Autowired Talents talents;
  @Autowired Policies policies;
  @Autowired Benefits benefits;
  @Autowired PasswordEncoder encoder;

  static final ScopePath CITY = new ScopePath("/330200/");

  String accountPath(String username) {
    return DataScope.asSystem(
        () ->
            jdbc.sql("select scope_path from identity_account where username = ?")
                .param(username)
                .query(String.class)
                .single());
  }

  @Test
  void anInstitutionsOfficerSeesItsTalentsOnlyAndATalentSeesThemselfOnly() {
    ScopePath officer = new ScopePath(accountPath(DemoAccounts.INSTITUTION_OFFICER));
    assertThat(officer.value()).isEqualTo("/330200/330205/i-nbu/");
    List<TalentView> own =
        DataScope.within(
            officer, () -> talents.page(new Talents.Query("", null, null, null), 0, 200).rows());
    assertThat(own)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.institutionCode()).isEqualTo("i-nbu"));
    long all = DataScope.within(CITY, () -> talents.count(false));
    assertThat(all).isEqualTo(4000);

    ScopePath self = new ScopePath(accountPath(DemoAccounts.TALENT));
    var seen =
        DataScope.within(self, () -> talents.page(new Talents.Query("", null, null, null), 0, 20));
    assertThat(seen.total()).isEqualTo(1);
    assertThat(seen.rows().getFirst().scopePath()).isEqualTo(self);
    assertThat(self.value()).startsWith("/330200/330212/");
    // The talent sees the city's policies, their district's supplement, and no other district's.
    List<String> codes =
        DataScope.within(self, () -> policies.list().stream().map(PolicySummary::code).toList());
    assertThat(codes).contains("NB-GENERAL", "NB-SPECIAL-INDUSTRY", "NB-DISTRICT-330212");
    assertThat(codes).doesNotContain("NB-DISTRICT-330205", "NB-CUSTOM-NBU");
  }

  @Test
  void theApiShowsATalentOnlyThemself() {
    var client = signedIn(DemoAccounts.TALENT);
    var r = client.get("/api/v1/talents");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"total\":1");
    long other =
        DataScope.within(
            CITY,
            () ->
                jdbc.sql(
                        "select id from talent where starts_with(scope_path, '/330200/330212/')"
                            + " order by id desc limit 1")
                    .query(Long.class)
                    .single());
    assertThat(client.get("/api/v1/talents/" + other).statusCode()).isEqualTo(404);
    assertThat(client.get("/api/v1/talents/" + other + "/benefits").statusCode()).isEqualTo(404);
    assertThat(client.get("/talents/" + other).statusCode()).isEqualTo(404);
    var officer = signedIn(DemoAccounts.INSTITUTION_OFFICER);
    var o = officer.get("/api/v1/talents?size=200");
    assertThat(o.body()).contains("i-nbu").doesNotContain("i-eitech").doesNotContain("i-nimte");
  }

  @Test
  void anEmployerCodeFailingTheCheckIsAWarningAnOfficerMayAccept() {
    Long personId =
        DataScope.within(
            CITY,
            () ->
                jdbc.sql(
                        "select p.id from person p where not exists (select 1 from talent t where"
                            + " t.person_id = p.id) and starts_with(p.scope_path,"
                            + " '/330200/330203/') order by p.id limit 1")
                    .query(Long.class)
                    .single());
    String good = "91330203" + "12345678" + "9";
    String valid = good + org.zugong.shared.UnifiedSocialCreditCode.checkCharacter(good);
    String failing = good + (valid.charAt(17) == '0' ? '1' : '0');
    NewTalent n =
        new NewTalent(
            personId,
            "330203001",
            null,
            Degree.MASTER,
            ProfessionalTitle.NONE,
            "宁波测试科技有限公司",
            failing,
            false,
            Industry.DIGITAL_ECONOMY,
            LocalDate.of(2021, 5, 4),
            18,
            true,
            "6217000011112222333");
    assertThatThrownBy(() -> DataScope.within(CITY, () -> talents.register(n)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.messageKey()).isEqualTo("talent.warning.credit-code"));
    NewTalent accepted =
        new NewTalent(
            n.personId(),
            n.regionCode(),
            null,
            n.degree(),
            n.title(),
            n.employerName(),
            failing,
            true,
            n.industry(),
            n.arrivalDate(),
            n.socialInsuranceMonths(),
            n.firstHome(),
            n.bankAccount());
    long id = DataScope.within(CITY, () -> talents.register(accepted));
    TalentView t = DataScope.within(CITY, () -> talents.find(id)).orElseThrow();
    assertThat(t.employerCodeAcceptedBy()).isEqualTo("system");
    assertThat(t.bankAccountMasked()).isEqualTo("**** **** 2333");
    assertThat(t.scopePath().value()).isEqualTo("/330200/330203/330203001/t" + id + "/");
    assertThat(DataScope.within(CITY, () -> talents.revealBankAccount(id)))
        .contains("6217000011112222333");
  }

  @Test
  void sqlAndJavaGiveTheSameEligibleSetsOverTheWholeDemoPopulation() {
    for (LocalDate date :
        List.of(LocalDate.of(2022, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 28))) {
      DataScope.within(
          CITY,
          () -> {
            CompiledRules rules = policies.compiled(date);
            assertThat(rules.clauseCount()).isGreaterThanOrEqualTo(40);
            FactColumns facts = talents.facts();
            BatchResult batch = rules.evaluate(facts);
            long granted = 0;
            for (String clause : rules.clauseReferences()) {
              List<Long> java = batch.grantedIds(clause);
              assertThat(benefits.grantedInDatabase(date, clause))
                  .as("%s on %s", clause, date)
                  .isEqualTo(java);
              granted += java.size();
            }
            assertThat(granted).as("someone is granted something on %s", date).isPositive();
            return null;
          });
    }
  }

  @Test
  void twoOverridesOfOneGeneralClauseThatCanBothApplyAreRefusedAtPublication() {
    String custom =
        """
        {"code": "NB-CUSTOM-TEST", "kind": "CUSTOM", "name": {"zh": "测试定制", "en": "Test custom"},
         "issuer": "test", "source": "demo", "version": 1, "effectiveFrom": "2022-07-01",
         "clauses": [{"id": "home", "benefit": "HOME_PURCHASE", "name": {"zh": "购房", "en": "Home"},
           "when": [{"field": "degree", "op": "eq", "value": "DOCTORATE"}],
           "amount": {"fixed": 1}, "overrides": "NB-GENERAL/home-doctorate"}]}
        """;
    DataScope.within(
        CITY,
        () -> {
          policies.saveDraft(custom);
          return null;
        });
    assertThatThrownBy(
            () ->
                DataScope.within(
                    CITY,
                    () -> {
                      policies.publish("NB-CUSTOM-TEST", 1);
                      return null;
                    }))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("talent.policy.invalid.override-conflict");
              assertThat(e.arguments())
                  .containsExactly(
                      "NB-CUSTOM-TEST/home",
                      "NB-SPECIAL-INDUSTRY/materials-home-doctorate",
                      "NB-GENERAL/home-doctorate");
            });
  }

  @Test
  void aPolicyFileWithAnUnknownFieldIsRefusedInTheUsersLanguage() {
    var client = signedIn(DemoAccounts.CITY_ADMIN);
    client.get("/");
    var r =
        client.postJson(
            "/api/v1/policies",
            """
            {"code": "NB-BAD", "kind": "GENERAL", "name": {"zh": "x", "en": "x"}, "issuer": "x",
             "source": "demo", "version": 1, "effectiveFrom": "2022-01-01",
             "clauses": [{"id": "c1", "benefit": "RENT", "name": {"zh": "x", "en": "x"},
               "when": [{"field": "salary", "op": "ge", "value": 1}], "amount": {"fixed": 1}}]}
            """);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("条款 c1 的 when[0].field：未知的人才字段 salary");
  }

  @Test
  void theTalentCardShowsEachDecisionWithItsReason() {
    var client = signedIn(DemoAccounts.TALENT);
    long id =
        DataScope.within(
            new ScopePath(accountPath(DemoAccounts.TALENT)),
            () ->
                talents.page(new Talents.Query("", null, null, null), 0, 1).rows().getFirst().id());
    var page = client.get("/talents/" + id + "?date=2022-12-31");
    assertThat(page.statusCode()).isEqualTo(200);
    // A "no" reads as a sentence with the talent's value, not as the policy's field codes.
    assertThat(page.body())
        .contains("NB-GENERAL/housing-tier", "（本人")
        .doesNotContain("withinYears", "socialInsuranceMonths ge");
  }

  @Test
  void thePolicyCountsNameEachConditionAsASentence() {
    var city = signedIn(DemoAccounts.CITY_ADMIN);
    var page = city.get("/policies?date=2022-12-31");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"policy-counts\"", "来甬时间须在5年以内：排除 ", "社保须已缴纳满6个月：排除 ")
        .doesNotContain("arrival withinYears", "socialInsuranceMonths ge");
    // An account of its own: the language chosen is remembered for the account.
    TestAccounts.ensure(
        jdbc, encoder, "haishu_policies_en", Role.DISTRICT_ADMIN, "330203", "/330200/330203/");
    var english = signedIn("haishu_policies_en").get("/policies?date=2022-12-31&lang=en");
    assertThat(english.body())
        .contains("Arrived in Ningbo within the last 5 years: ")
        .doesNotContain("arrival withinYears");
  }

  @Test
  void anOfficerEditsAPolicyInTheEditorSeesTheProblemsAndPublishes() {
    var client = signedIn(DemoAccounts.CITY_ADMIN);
    var page = client.get("/policies/NB-CUSTOM-EIT/versions/1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("settle-doctor");
    String bad =
        """
        {"code": "NB-CUSTOM-EIT", "kind": "CUSTOM", "name": {"zh": "x", "en": "x"}, "issuer": "x",
         "source": "demo", "version": 2, "effectiveFrom": "2023-01-01",
         "clauses": [{"id": "c1", "benefit": "RENT", "name": {"zh": "x", "en": "x"},
           "when": [{"field": "age", "op": "withinYears", "value": 1}], "amount": {"fixed": "many"}}]}
        """;
    var refused = client.post("/policies/drafts", java.util.Map.of("document", bad));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("条款 c1 的 when[0].op：运算符 withinYears 不适用于字段 age")
        .contains("条款 c1 的 amount.fixed：类型不正确");
    String good =
        bad.replace("\"op\": \"withinYears\", \"value\": 1", "\"op\": \"lt\", \"value\": 40")
            .replace("\"many\"", "1000");
    var saved = client.post("/policies/drafts", java.util.Map.of("document", good));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .contains("/policies/NB-CUSTOM-EIT/versions/2");
    client.get("/policies/NB-CUSTOM-EIT/versions/2");
    var published = client.post("/policies/NB-CUSTOM-EIT/versions/2/publish", java.util.Map.of());
    assertThat(published.statusCode()).isEqualTo(302);
    var versions =
        DataScope.within(CITY, () -> policies.list()).stream()
            .filter(p -> p.code().equals("NB-CUSTOM-EIT"))
            .findFirst()
            .orElseThrow()
            .versions();
    assertThat(versions)
        .extracting(PolicySummary.Version::status)
        .containsExactly("PUBLISHED", "PUBLISHED");
    assertThat(versions.getFirst().effectiveTo()).isEqualTo(LocalDate.of(2022, 12, 31));
  }
}
