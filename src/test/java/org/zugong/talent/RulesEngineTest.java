package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.zugong.talent.rules.Benefit;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.BenefitDecision.Outcome;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.OverrideConflicts;
import org.zugong.talent.rules.PolicyDocument;
import org.zugong.talent.rules.PolicyDocuments;
import org.zugong.talent.rules.RuleDocumentException;
import org.zugong.talent.rules.Schedule;
import org.zugong.talent.rules.TalentFacts;

/**
 * The rules engine on its own: each kind of clause, precedence, exclusions, caps, instalments,
 * dates.
 */
class RulesEngineTest {

  static final LocalDate DAY = LocalDate.of(2022, 12, 31);

  static String policy(String code, String kind, String from, String clauses) {
    return """
        {"code": "%s", "kind": "%s", "name": {"zh": "测试", "en": "Test"}, "issuer": "test",
         "source": "demo", "version": 1, "effectiveFrom": "%s", "clauses": [%s]}
        """
        .formatted(code, kind, from, clauses);
  }

  static String clause(String id, String benefit, String when, String amount, String extra) {
    return """
        {"id": "%s", "benefit": "%s", "name": {"zh": "条款", "en": "Clause"}, "when": [%s],
         "amount": %s %s}
        """
        .formatted(id, benefit, when, amount, extra.isEmpty() ? "" : ", " + extra);
  }

  static TalentFacts talent(
      long id, String tier, String degree, LocalDate birth, LocalDate arrival) {
    return new TalentFacts(
        id,
        tier,
        tier == null ? null : LocalDate.of(2021, 6, 1),
        degree,
        "NONE",
        "NEW_MATERIALS",
        "330212",
        null,
        birth,
        arrival,
        12,
        true,
        true);
  }

  static List<BenefitDecision> explain(TalentFacts facts, String... policies) {
    List<PolicyDocument> docs =
        java.util.Arrays.stream(policies).map(PolicyDocuments::read).toList();
    return CompiledRules.compile(docs, DAY).explain(FactColumns.of(facts), 0);
  }

  static final TalentFacts YOUNG_DOCTOR =
      talent(1, "C", "DOCTORATE", LocalDate.of(1992, 5, 1), LocalDate.of(2021, 3, 1));

  @Test
  void fixedAmountWithATierCondition() {
    var d =
        explain(
            YOUNG_DOCTOR,
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause(
                    "c1",
                    "SETTLING_IN",
                    "{\"field\":\"tier\",\"op\":\"in\",\"value\":[\"A\",\"B\",\"C\"]}",
                    "{\"fixed\": 500000}",
                    "")));
    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.outcome()).isEqualTo(Outcome.GRANTED);
              assertThat(x.amount()).isEqualTo(500000);
            });
  }

  @Test
  void aNoNamesTheFirstFailingConditionAndThePersonsValue() {
    var d =
        explain(
            YOUNG_DOCTOR,
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause(
                    "c1",
                    "HOME_PURCHASE",
                    "{\"field\":\"degree\",\"op\":\"ge\",\"value\":\"MASTER\"},"
                        + "{\"field\":\"socialInsuranceMonths\",\"op\":\"ge\",\"value\":24},"
                        + "{\"field\":\"tier\",\"op\":\"eq\",\"value\":\"A\"}",
                    "{\"fixed\": 1}",
                    "")));
    BenefitDecision x = d.getFirst();
    assertThat(x.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    assertThat(x.reason().field()).isEqualTo("socialInsuranceMonths");
    assertThat(x.reason().expected()).isEqualTo("24");
    assertThat(x.reason().actual()).isEqualTo("12");
  }

  @Test
  void amountByTierAndByDegreeGrantOnlyTheNamedValues() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2022-01-01",
            clause("t", "HOUSING", "", "{\"byTier\": {\"A\": 3000000, \"C\": 1000000}}", "")
                + ","
                + clause(
                    "d",
                    "LIVING",
                    "",
                    "{\"byDegree\": {\"MASTER\": 60000, \"BACHELOR\": 30000}}",
                    ""));
    var d = explain(YOUNG_DOCTOR, doc);
    assertThat(d.get(0).amount()).isEqualTo(1000000);
    assertThat(d.get(1).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    assertThat(d.get(1).reason().field()).isEqualTo("degree");
    assertThat(d.get(1).reason().actual()).isEqualTo("DOCTORATE");
  }

  @Test
  void monthlyAmountIsCappedPerPerson() {
    var d =
        explain(
            YOUNG_DOCTOR,
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause("r", "RENT", "", "{\"perMonth\": 2000, \"months\": 36}", "\"cap\": 50000")));
    assertThat(d.getFirst().uncapped()).isEqualTo(72000);
    assertThat(d.getFirst().amount()).isEqualTo(50000);
  }

  @Test
  void instalmentsFourThreeThreeOverThreeYears() {
    var d =
        explain(
            YOUNG_DOCTOR,
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause(
                    "h",
                    "HOME_PURCHASE",
                    "",
                    "{\"fixed\": 100001}",
                    "\"instalments\": {\"shares\": [4, 3, 3], \"everyMonths\": 12}")));
    var inst = d.getFirst().instalments();
    assertThat(inst)
        .extracting(BenefitDecision.Instalment::amount)
        .containsExactly(40000L, 30000L, 30001L);
    // Arrived before the policy: the schedule starts with the policy.
    assertThat(inst)
        .extracting(BenefitDecision.Instalment::periodStart)
        .containsExactly(
            LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1));
    assertThat(inst.getFirst().key()).isEqualTo("1:HOME_PURCHASE:2022-01-01");
  }

  @Test
  void aScheduleStartingOn29FebruaryPaysOn28FebruaryInCommonYearsAnd29InLeapYears() {
    TalentFacts leap =
        talent(2, "C", "MASTER", LocalDate.of(1995, 1, 1), LocalDate.of(2024, 2, 29));
    List<PolicyDocument> docs =
        List.of(
            PolicyDocuments.read(
                policy(
                    "G",
                    "GENERAL",
                    "2020-01-01",
                    clause(
                        "h",
                        "HOME_PURCHASE",
                        "",
                        "{\"fixed\": 100}",
                        "\"instalments\": {\"shares\": [1, 1, 1, 1, 1], \"everyMonths\": 12}"))));
    var inst =
        CompiledRules.compile(docs, LocalDate.of(2024, 3, 1))
            .explain(FactColumns.of(leap), 0)
            .getFirst()
            .instalments();
    assertThat(inst)
        .extracting(BenefitDecision.Instalment::periodStart)
        .containsExactly(
            LocalDate.of(2024, 2, 29),
            LocalDate.of(2025, 2, 28),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2027, 2, 28),
            LocalDate.of(2028, 2, 29));
  }

  @Test
  void arrivalWithinOneYearOf28February2025CountsFrom29February2024() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2020-01-01",
            clause(
                "n",
                "SETTLING_IN",
                "{\"field\":\"arrival\",\"op\":\"withinYears\",\"value\":1}",
                "{\"fixed\": 1}",
                ""));
    var rules =
        CompiledRules.compile(List.of(PolicyDocuments.read(doc)), LocalDate.of(2025, 2, 28));
    var onLeapDay = talent(3, null, "MASTER", LocalDate.of(1995, 1, 1), LocalDate.of(2024, 2, 29));
    var dayBefore = talent(4, null, "MASTER", LocalDate.of(1995, 1, 1), LocalDate.of(2024, 2, 28));
    assertThat(rules.explain(FactColumns.of(onLeapDay), 0).getFirst().outcome())
        .isEqualTo(Outcome.GRANTED);
    assertThat(rules.explain(FactColumns.of(dayBefore), 0).getFirst().outcome())
        .isEqualTo(Outcome.NOT_ELIGIBLE);
  }

  @Test
  void underThirtyFiveAtArrivalWithRealCalendarArithmetic() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2020-01-01",
            clause(
                "y",
                "LIVING",
                "{\"field\":\"ageAtArrival\",\"op\":\"lt\",\"value\":35}",
                "{\"fixed\": 1}",
                ""));
    // Born 29 February 1988: 35 on 1 March 2023, not on 28 February.
    var on28 = talent(5, null, "MASTER", LocalDate.of(1988, 2, 29), LocalDate.of(2023, 2, 28));
    var onMarch1 = talent(6, null, "MASTER", LocalDate.of(1988, 2, 29), LocalDate.of(2023, 3, 1));
    assertThat(explain(on28, doc).getFirst().outcome()).isEqualTo(Outcome.GRANTED);
    BenefitDecision no = explain(onMarch1, doc).getFirst();
    assertThat(no.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    assertThat(no.reason().actual()).isEqualTo("35");
  }

  @Test
  void ageAtTheDateAgreesWithPeriodBetweenForEveryBirthday() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2020-01-01",
            clause(
                "a",
                "LIVING",
                "{\"field\":\"age\",\"op\":\"ge\",\"value\":40}",
                "{\"fixed\": 1}",
                ""));
    Random r = new Random(7);
    for (int i = 0; i < 3000; i++) {
      LocalDate date = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2000));
      LocalDate birth = date.minusYears(40).plusDays(r.nextInt(5) - 2);
      if (i % 10 == 0) {
        birth = LocalDate.of(1984, 2, 29);
        date = LocalDate.of(2024 + r.nextInt(5), 2, 27).plusDays(r.nextInt(4));
      }
      var rules = CompiledRules.compile(List.of(PolicyDocuments.read(doc)), date);
      boolean engine =
          rules
                  .explain(FactColumns.of(talent(i, null, "MASTER", birth, date)), 0)
                  .getFirst()
                  .outcome()
              == Outcome.GRANTED;
      assertThat(engine)
          .as("%s on %s", birth, date)
          .isEqualTo(Period.between(birth, date).getYears() >= 40);
    }
  }

  @Test
  void aTierCertifiedAfterTheDateDoesNotCountYet() {
    TalentFacts later =
        new TalentFacts(
            7,
            "A",
            LocalDate.of(2023, 3, 1),
            "DOCTORATE",
            "SENIOR",
            "OTHER",
            "330203",
            null,
            LocalDate.of(1970, 1, 1),
            LocalDate.of(2010, 1, 1),
            100,
            false,
            true);
    var d =
        explain(
            later,
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause("t", "HOUSING", "", "{\"byTier\": {\"A\": 1}}", "")));
    assertThat(d.getFirst().reason().actual()).isEqualTo("NONE");
  }

  @Test
  void firstHomeAndBankAccountAreYesNoFacts() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2022-01-01",
            clause(
                "f",
                "HOME_PURCHASE",
                "{\"field\":\"firstHome\",\"op\":\"eq\",\"value\":false}",
                "{\"fixed\": 1}",
                ""));
    assertThat(explain(YOUNG_DOCTOR, doc).getFirst().reason().actual()).isEqualTo("true");
  }

  @Test
  void aGrantedClauseBarsTheOneItExcludesAndTheEarlierWinsAMutualExclusion() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2022-01-01",
            clause("home", "HOME_PURCHASE", "", "{\"fixed\": 100}", "\"excludes\": [\"rent\"]")
                + ","
                + clause("rent", "RENT", "", "{\"fixed\": 10}", "\"excludes\": [\"home\"]"));
    var d = explain(YOUNG_DOCTOR, doc);
    assertThat(d.get(0).outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(d.get(1).outcome()).isEqualTo(Outcome.EXCLUDED);
    assertThat(d.get(1).reason().otherClause()).isEqualTo("G/home");
  }

  @Test
  void aSpecialClauseThatAppliesOverridesTheGeneralOneAndOneThatDoesNotLeavesIt() {
    String general =
        policy(
            "G",
            "GENERAL",
            "2022-01-01",
            clause("home", "HOME_PURCHASE", "", "{\"fixed\": 100}", ""));
    String special =
        policy(
            "S",
            "SPECIAL",
            "2022-01-01",
            clause(
                "home2",
                "HOME_PURCHASE",
                "{\"field\":\"industry\",\"op\":\"eq\",\"value\":\"NEW_MATERIALS\"}",
                "{\"fixed\": 300}",
                "\"overrides\": \"G/home\""));
    var d = explain(YOUNG_DOCTOR, general, special);
    assertThat(d.get(0).outcome()).isEqualTo(Outcome.OVERRIDDEN);
    assertThat(d.get(0).reason().otherClause()).isEqualTo("S/home2");
    assertThat(d.get(1).amount()).isEqualTo(300);
    TalentFacts other =
        new TalentFacts(
            9,
            "C",
            LocalDate.of(2021, 1, 1),
            "MASTER",
            "NONE",
            "FINANCE",
            "330203",
            null,
            LocalDate.of(1990, 1, 1),
            LocalDate.of(2020, 1, 1),
            12,
            true,
            true);
    var e = explain(other, general, special);
    assertThat(e.get(0).outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(e.get(1).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
  }

  @Test
  void twoOverridesThatCanBothApplyAreAConflictAtPublication() {
    PolicyDocument special =
        PolicyDocuments.read(
            policy(
                "S",
                "SPECIAL",
                "2022-01-01",
                clause(
                    "a",
                    "HOME_PURCHASE",
                    "{\"field\":\"degree\",\"op\":\"ge\",\"value\":\"MASTER\"}",
                    "{\"fixed\": 1}",
                    "\"overrides\": \"G/home\"")));
    PolicyDocument custom =
        PolicyDocuments.read(
            policy(
                "C",
                "CUSTOM",
                "2022-06-01",
                clause(
                    "b",
                    "HOME_PURCHASE",
                    "{\"field\":\"tier\",\"op\":\"in\",\"value\":[\"A\",\"B\"]}",
                    "{\"fixed\": 2}",
                    "\"overrides\": \"G/home\"")));
    assertThat(OverrideConflicts.find(List.of(special), custom))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.first()).isEqualTo("C/b");
              assertThat(c.second()).isEqualTo("S/a");
            });
    PolicyDocument disjoint =
        PolicyDocuments.read(
            policy(
                "C",
                "CUSTOM",
                "2022-06-01",
                clause(
                    "b",
                    "HOME_PURCHASE",
                    "{\"field\":\"degree\",\"op\":\"le\",\"value\":\"BACHELOR\"}",
                    "{\"fixed\": 2}",
                    "\"overrides\": \"G/home\"")));
    assertThat(OverrideConflicts.find(List.of(special), disjoint)).isEmpty();
  }

  @Test
  void unknownFieldsAndWrongTypesAreRefusedNamingTheClauseAndField() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2022-01-01",
            clause(
                    "c1",
                    "RENT",
                    "{\"field\":\"salary\",\"op\":\"ge\",\"value\":1}",
                    "{\"fixed\": 1}",
                    "")
                + ","
                + clause(
                    "c2",
                    "RENT",
                    "{\"field\":\"socialInsuranceMonths\",\"op\":\"ge\",\"value\":\"six\"}",
                    "{\"fixed\": 1}",
                    "\"colour\": \"red\""));
    assertThatThrownBy(() -> PolicyDocuments.read(doc))
        .isInstanceOfSatisfying(
            RuleDocumentException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.clause() + " " + p.path() + " " + p.messageKey())
                    .containsExactly(
                        "c1 when[0].field talent.policy.invalid.unknown-field",
                        "c2 colour talent.policy.invalid.unknown-key",
                        "c2 when[0].value talent.policy.invalid.type"));
  }

  @Test
  void aDocumentWrittenOutReadsBackTheSame() {
    PolicyDocument d =
        PolicyDocuments.read(
            policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause(
                        "h",
                        "HOME_PURCHASE",
                        "{\"field\":\"age\",\"op\":\"lt\",\"value\":45}",
                        "{\"byTier\": {\"A\": 5, \"B\": 4}}",
                        "\"instalments\": {\"shares\": [4, 3, 3], \"everyMonths\": 12}, \"cap\": 4, \"excludes\": [\"r\"]")
                    + ","
                    + clause(
                        "r",
                        "RENT",
                        "{\"field\":\"arrival\",\"op\":\"withinYears\",\"value\":3}",
                        "{\"perMonth\": 1, \"months\": 2}",
                        "")));
    assertThat(PolicyDocuments.read(PolicyDocuments.write(d))).isEqualTo(d);
  }

  @Test
  void theBatchAgreesWithOnePersonAtATimeAndCountsExclusionsByCondition() {
    String doc =
        policy(
            "G",
            "GENERAL",
            "2020-01-01",
            clause(
                    "a",
                    "LIVING",
                    "{\"field\":\"degree\",\"op\":\"ge\",\"value\":\"MASTER\"},{\"field\":\"ageAtArrival\",\"op\":\"lt\",\"value\":35}",
                    "{\"byTier\": {\"A\": 5, \"B\": 4, \"C\": 3, \"D\": 2, \"E\": 1}}",
                    "\"excludes\": [\"b\"]")
                + ","
                + clause(
                    "b",
                    "RENT",
                    "{\"field\":\"arrival\",\"op\":\"withinYears\",\"value\":3}",
                    "{\"fixed\": 7}",
                    ""));
    Random r = new Random(3);
    FactColumns.Builder b = FactColumns.builder(10);
    String[] tiers = {"A", "B", "C", "D", "E", null};
    String[] degrees = {"NONE", "COLLEGE", "BACHELOR", "MASTER", "DOCTORATE"};
    for (int i = 0; i < 1000; i++) {
      LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(15000));
      String tier = tiers[r.nextInt(6)];
      b.add(
          new TalentFacts(
              i,
              tier,
              tier == null ? null : LocalDate.of(2020, 1, 1),
              degrees[r.nextInt(5)],
              "NONE",
              "OTHER",
              "330203",
              null,
              birth,
              birth.plusYears(20).plusDays(r.nextInt(8000)),
              r.nextInt(60),
              r.nextBoolean(),
              r.nextBoolean()));
    }
    FactColumns facts = b.build();
    CompiledRules rules = CompiledRules.compile(List.of(PolicyDocuments.read(doc)), DAY);
    var batch = rules.evaluate(facts);
    for (int row = 0; row < facts.size(); row++) {
      var one = rules.explain(facts, row);
      for (int c = 0; c < 2; c++) {
        assertThat(batch.clauses().get(c).granted(row))
            .isEqualTo(one.get(c).outcome() == Outcome.GRANTED);
      }
    }
    for (int c = 0; c < 2; c++) {
      long sum = 0;
      for (int row = 0; row < facts.size(); row++) {
        sum += rules.explain(facts, row).get(c).amount();
      }
      assertThat(batch.clauses().get(c).totalAmount()).isEqualTo(sum).isPositive();
    }
    var a = batch.clauses().getFirst();
    long failedDegree = 0;
    for (int row = 0; row < facts.size(); row++) {
      var x = rules.explain(facts, row).getFirst();
      if (x.reason() != null && "degree".equals(x.reason().field())) {
        failedDegree++;
      }
    }
    assertThat(a.excludedByCondition().getFirst().excluded()).isEqualTo(failedDegree).isPositive();
    assertThat(batch.clauses().get(1).barred()).isPositive();
  }

  // A schedule across policy versions (ADR 0012, addendum). Version 1 grants 100,000 as 4:3:3 from
  // 2022-01-01; version 2 takes over on 2023-07-01 with 150,000, so the two are told apart by
  // amount
  // and dates.

  static PolicyDocument version(int version, String from, @Nullable String to, String extra) {
    return PolicyDocuments.read(
        """
        {"code": "G", "kind": "GENERAL", "name": {"zh": "测试", "en": "Test"}, "issuer": "test",
         "source": "demo", "version": %d, "effectiveFrom": "%s"%s, "clauses": [%s, %s]}
        """
            .formatted(
                version,
                from,
                to == null ? "" : ", \"effectiveTo\": \"" + to + "\"",
                clause(
                    "home",
                    "HOME_PURCHASE",
                    "",
                    "{\"fixed\": " + (version == 1 ? 100000 : 150000) + "}",
                    "\"instalments\": {\"shares\": [4, 3, 3], \"everyMonths\": 12},"
                        + " \"excludes\": [\"rent\"]"
                        + extra),
                clause("rent", "RENT", "", "{\"fixed\": 5000}", "")));
  }

  static final LocalDate AFTER = LocalDate.of(2024, 6, 30);

  static final List<Schedule> BEGUN_UNDER_V1 =
      List.of(new Schedule("G", 1, "home", Benefit.HOME_PURCHASE));

  static List<BenefitDecision> explainAfter(String v2extra, List<Schedule> begun) {
    List<PolicyDocument> docs =
        List.of(
            version(1, "2022-01-01", "2023-06-30", ""), version(2, "2023-07-01", null, v2extra));
    return CompiledRules.compile(docs, AFTER).explain(FactColumns.of(YOUNG_DOCTOR), 0, begun);
  }

  @Test
  void carriesUnpaidInstalmentsIntoNewVersion() {
    List<BenefitDecision> d = explainAfter("", BEGUN_UNDER_V1);
    BenefitDecision carried = d.stream().filter(BenefitDecision::carried).findFirst().orElseThrow();
    // The decision names version 1's clause and pays version 1's amounts on its dates.
    assertThat(carried.clauseReference()).isEqualTo("G/home");
    assertThat(carried.policyVersion()).isEqualTo(1);
    assertThat(carried.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(carried.amount()).isEqualTo(100000);
    assertThat(carried.instalments())
        .extracting(BenefitDecision.Instalment::key)
        .containsExactly(
            "1:HOME_PURCHASE:2022-01-01",
            "1:HOME_PURCHASE:2023-01-01",
            "1:HOME_PURCHASE:2024-01-01");
    assertThat(carried.instalments())
        .extracting(BenefitDecision.Instalment::amount)
        .containsExactly(40000L, 30000L, 30000L);
    // Version 2's clause names the schedule it leaves running, and still bars what "home" bars.
    BenefitDecision home = d.getFirst();
    assertThat(home.policyVersion()).isEqualTo(2);
    assertThat(home.outcome()).isEqualTo(Outcome.CARRIED);
    assertThat(home.reason().otherClause()).isEqualTo("G/home");
    assertThat(home.reason().otherVersion()).isEqualTo(1);
    assertThat(d.get(1).outcome()).isEqualTo(Outcome.EXCLUDED);
  }

  @Test
  void aCarriedScheduleIsNotStartedAgainUnderTheNewVersion() {
    // Without a schedule on record, version 2 begins one of its own, from its start.
    BenefitDecision fresh = explainAfter("", List.of()).getFirst();
    assertThat(fresh.outcome()).isEqualTo(Outcome.GRANTED);
    assertThat(fresh.instalments().getFirst().key()).isEqualTo("1:HOME_PURCHASE:2023-07-01");
    // With one begun under version 1, nothing of version 2's schedule is granted.
    List<BenefitDecision> d = explainAfter("", BEGUN_UNDER_V1);
    assertThat(d)
        .filteredOn(x -> x.outcome() == Outcome.GRANTED && x.benefit() == Benefit.HOME_PURCHASE)
        .singleElement()
        .satisfies(x -> assertThat(x.policyVersion()).isEqualTo(1));
    assertThat(d)
        .flatExtracting(BenefitDecision::instalments)
        .extracting(BenefitDecision.Instalment::key)
        .doesNotContain("1:HOME_PURCHASE:2023-07-01");
  }

  @Test
  void aVersionThatEndsTheScheduleStopsIt() {
    List<BenefitDecision> d = explainAfter(", \"carry\": false", BEGUN_UNDER_V1);
    assertThat(d).noneMatch(BenefitDecision::carried);
    assertThat(d.getFirst().outcome()).isEqualTo(Outcome.ENDED);
    assertThat(d.getFirst().reason().otherClause()).isEqualTo("G/home");
    assertThat(d)
        .filteredOn(x -> x.benefit() == Benefit.HOME_PURCHASE)
        .allMatch(x -> x.instalments().isEmpty());
    // Ended, the schedule no longer bars: the rent allowance is granted.
    assertThat(d.get(1).outcome()).isEqualTo(Outcome.GRANTED);
    // The field survives the file, and is refused when not a yes or no.
    PolicyDocument ends = version(2, "2023-07-01", null, ", \"carry\": false");
    assertThat(PolicyDocuments.read(PolicyDocuments.write(ends)).clauses().getFirst().carry())
        .isFalse();
    assertThatThrownBy(() -> version(2, "2023-07-01", null, ", \"carry\": \"no\""))
        .isInstanceOfSatisfying(
            RuleDocumentException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.clause() + " " + p.path() + " " + p.messageKey())
                    .containsExactly("home carry talent.policy.invalid.type"));
  }

  @Test
  void aCarriedScheduleWhoseConditionsNoLongerHoldPaysNothingMore() {
    // Version 1 asked for a doctorate at the date; the talent's facts now say master.
    TalentFacts master =
        talent(1, "C", "MASTER", LocalDate.of(1992, 5, 1), LocalDate.of(2021, 3, 1));
    String v1 =
        policy(
                "G",
                "GENERAL",
                "2022-01-01",
                clause(
                    "home",
                    "HOME_PURCHASE",
                    "{\"field\": \"degree\", \"op\": \"in\", \"value\": [\"DOCTORATE\"]}",
                    "{\"fixed\": 100000}",
                    "\"instalments\": {\"shares\": [4, 3, 3], \"everyMonths\": 12}"))
            .replace("\"2022-01-01\",", "\"2022-01-01\", \"effectiveTo\": \"2023-06-30\",");
    List<PolicyDocument> docs =
        List.of(PolicyDocuments.read(v1), version(2, "2023-07-01", null, ""));
    List<BenefitDecision> d =
        CompiledRules.compile(docs, AFTER).explain(FactColumns.of(master), 0, BEGUN_UNDER_V1);
    BenefitDecision carried = d.stream().filter(BenefitDecision::carried).findFirst().orElseThrow();
    assertThat(carried.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    assertThat(carried.reason().field()).isEqualTo("degree");
    assertThat(carried.instalments()).isEmpty();
    assertThat(d.getFirst().outcome()).isEqualTo(Outcome.CARRIED);
  }
}
