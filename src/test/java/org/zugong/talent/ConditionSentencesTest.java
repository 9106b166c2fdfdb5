package org.zugong.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.BenefitDecision.Outcome;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.Condition;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.FactField;
import org.zugong.talent.rules.Operator;
import org.zugong.talent.rules.PolicyDocuments;
import org.zugong.talent.rules.TalentFacts;

/**
 * Every condition the rules can hold reads as a sentence in Chinese and in English, with the
 * talent's value and enumerated values by their labels.
 */
class ConditionSentencesTest {

  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  static final Locale EN = Locale.ENGLISH;

  static final ConditionSentences SENTENCES = new ConditionSentences(messages());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("messages", "i18n/talent");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  /** One condition of each shape a field and operator can take, with a value of the domain. */
  static List<Condition> everyCondition() {
    List<Condition> out = new ArrayList<>();
    for (FactField f : FactField.values()) {
      for (Operator op : Operator.allowedFor(f.type())) {
        switch (f.type()) {
          case ENUM, ORDINAL ->
              out.add(
                  Condition.ofValues(
                      f,
                      op,
                      op == Operator.IN || op == Operator.NOT_IN
                          ? f.domain().subList(0, 2)
                          : List.of(f.domain().get(1))));
          case INT -> out.add(Condition.ofNumber(f, op, 37));
          case BOOL -> {
            out.add(Condition.ofFlag(f, true));
            out.add(Condition.ofFlag(f, false));
          }
          case DATE ->
              out.add(
                  op == Operator.WITHIN_YEARS
                      ? Condition.ofNumber(f, op, 37)
                      : Condition.ofDate(f, op, LocalDate.of(2019, 2, 28)));
        }
      }
    }
    return out;
  }

  @Test
  void everyFieldAndOperatorReadsAsASentenceInBothLanguages() {
    List<String> missing = new ArrayList<>();
    List<Condition> all = everyCondition();
    // 6 enumerated facts, 4 of them with 4 operators, 2 ordinal with 8; 3 numbers with 6; 2 yes/no
    // facts with 2 answers; 1 date with 3.
    assertThat(all).hasSize(4 * 4 + 2 * 8 + 3 * 6 + 2 * 2 + 3);
    for (Condition k : all) {
      for (Locale locale : List.of(ZH, EN)) {
        String sentence;
        try {
          sentence = SENTENCES.sentence(k, locale);
        } catch (NoSuchMessageException e) {
          missing.add(k.describe() + " (" + locale + "): " + e.getMessage());
          continue;
        }
        assertThat(sentence)
            .as(k.describe())
            .isNotBlank()
            .doesNotContain("{", k.describe(), k.field().json() + " " + k.op().json());
        switch (k.field().type()) {
          case INT -> assertThat(sentence).as(k.describe()).contains("37");
          case DATE ->
              assertThat(sentence)
                  .as(k.describe())
                  .contains(k.op() == Operator.WITHIN_YEARS ? "37" : "2019-02-28");
          case ENUM, ORDINAL ->
              assertThat(sentence)
                  .as(k.describe())
                  .doesNotContain("[")
                  .contains(
                      SENTENCES.value(k.field(), k.values().getFirst(), locale),
                      SENTENCES.value(k.field(), k.values().getLast(), locale));
          case BOOL -> {}
        }
      }
    }
    assertThat(missing).isEmpty();
    // A yes/no fact says yes and no differently.
    for (FactField f : List.of(FactField.FIRST_HOME, FactField.BANK_ACCOUNT)) {
      assertThat(SENTENCES.sentence(Condition.ofFlag(f, true), ZH))
          .isNotEqualTo(SENTENCES.sentence(Condition.ofFlag(f, false), ZH));
    }
  }

  @Test
  void everyValueOfAnEnumeratedFactHasALabelInBothLanguages() {
    var messages = messages();
    List<String> missing = new ArrayList<>();
    for (FactField f : FactField.values()) {
      assertThat(messages.getMessage("talent.fact." + f.json(), null, null, ZH))
          .as(f.json())
          .isNotNull();
      assertThat(messages.getMessage("talent.fact." + f.json(), null, null, EN))
          .as(f.json())
          .isNotNull();
      for (String v : f.domain()) {
        for (Locale locale : List.of(ZH, EN)) {
          String label = messages.getMessage(ConditionSentences.labelKey(f, v), null, null, locale);
          if (label == null || label.equals(v)) {
            missing.add(f.json() + "=" + v + " (" + locale + ")");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  static BenefitDecision.Reason failing(String when, TalentFacts talent) {
    String policy =
        """
        {"code": "G", "kind": "GENERAL", "name": {"zh": "测试", "en": "Test"}, "issuer": "test",
         "source": "demo", "version": 1, "effectiveFrom": "2022-01-01", "clauses": [
         {"id": "c1", "benefit": "SETTLING_IN", "name": {"zh": "条款", "en": "Clause"},
          "when": [%s], "amount": {"fixed": 1}}]}
        """
            .formatted(when);
    BenefitDecision d =
        CompiledRules.compile(List.of(PolicyDocuments.read(policy)), LocalDate.of(2022, 12, 31))
            .explain(FactColumns.of(talent), 0)
            .getFirst();
    assertThat(d.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    return d.reason();
  }

  static final TalentFacts ARRIVED_2015 =
      new TalentFacts(
          1,
          null,
          null,
          "BACHELOR",
          "NONE",
          "NEW_MATERIALS",
          "330212",
          null,
          LocalDate.of(1988, 7, 9),
          LocalDate.of(2015, 3, 1),
          3,
          true,
          true);

  @Test
  void aFailedConditionReadsWithTheTalentsValue() {
    var arrival =
        failing("{\"field\": \"arrival\", \"op\": \"withinYears\", \"value\": 5}", ARRIVED_2015);
    assertThat(SENTENCES.failed(arrival, true, ZH)).isEqualTo("来甬时间须在5年以内（您的来甬时间：2015-03-01）");
    assertThat(SENTENCES.failed(arrival, true, EN))
        .isEqualTo("Arrived in Ningbo within the last 5 years (yours: 2015-03-01)");
    assertThat(SENTENCES.failed(arrival, false, ZH)).isEqualTo("来甬时间须在5年以内（本人来甬时间：2015-03-01）");

    var degree =
        failing(
            "{\"field\": \"degree\", \"op\": \"in\", \"value\": [\"MASTER\", \"DOCTORATE\"]}",
            ARRIVED_2015);
    assertThat(SENTENCES.failed(degree, true, ZH)).isEqualTo("学位须为硕士、博士之一（您的学位：学士）");
    assertThat(SENTENCES.failed(degree, true, EN))
        .isEqualTo("Degree one of Master, Doctorate (yours: Bachelor)");

    var months =
        failing(
            "{\"field\": \"socialInsuranceMonths\", \"op\": \"ge\", \"value\": 6}", ARRIVED_2015);
    assertThat(SENTENCES.failed(months, true, ZH)).isEqualTo("社保须已缴纳满6个月（您的社保缴纳：3 个月）");
    assertThat(SENTENCES.failed(months, true, EN))
        .isEqualTo("Social insurance paid for at least 6 months (yours: 3 months)");

    var tier =
        failing("{\"field\": \"tier\", \"op\": \"in\", \"value\": [\"A\", \"B\"]}", ARRIVED_2015);
    assertThat(SENTENCES.failed(tier, false, ZH)).isEqualTo("人才层次须为A类 顶尖人才、B类 特优人才之一（本人人才层次：未认定）");
    assertThat(SENTENCES.failed(tier, false, EN))
        .isEqualTo("Tier one of A top talent, B outstanding talent (on record: Not certified)");
  }
}
