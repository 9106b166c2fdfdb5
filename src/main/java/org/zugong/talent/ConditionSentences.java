package org.zugong.talent;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.Condition;
import org.zugong.talent.rules.FactField;
import org.zugong.talent.rules.Operator;

/**
 * The conditions of the benefit rules as sentences in the reader's language: "来甬时间须在5年以内" /
 * "Arrived in Ningbo within the last 5 years", and with the talent's value where one failed
 * ("（您的来甬时间：2015-03-01）"). Each fact and operator has its pattern ({@code
 * talent.condition.<fact>.<operator>}, a yes/no fact one per answer); enumerated values read as
 * their labels, never as codes. The phone page of 码上秒享, the talent card and the policy counts read
 * conditions through here, so they say the same thing.
 */
@Component("conditionSentences")
public class ConditionSentences {

  private final MessageSource messages;

  public ConditionSentences(MessageSource messages) {
    this.messages = messages;
  }

  /** The key of the pattern of a fact and operator; a yes/no fact has one per answer. */
  public static String patternKey(FactField field, Operator op, @Nullable Boolean flag) {
    String key = "talent.condition." + field.json() + "." + op.json();
    return field.type() == FactField.Type.BOOL ? key + "." + Boolean.TRUE.equals(flag) : key;
  }

  /** The key of the label of a value of an enumerated fact. */
  public static String labelKey(FactField field, String value) {
    return switch (field) {
      case TIER -> value.equals("NONE") ? "talent.tier.none" : "talent.tier." + value;
      case DEGREE -> "talent.degree." + value;
      case TITLE -> "talent.title." + value;
      case INDUSTRY -> "talent.industry." + value;
      case DISTRICT -> "talent.district." + value;
      case INSTITUTION -> "talent.institution." + value;
      default -> throw new IllegalArgumentException(field.json() + " has no labels");
    };
  }

  /** The condition as a sentence in the language of the current request. */
  public String sentence(Condition k) {
    return sentence(k, LocaleContextHolder.getLocale());
  }

  /** The condition as a sentence, e.g. "来甬时间须在5年以内". */
  public String sentence(Condition k, Locale locale) {
    String expected =
        switch (k.field().type()) {
          case ENUM, ORDINAL -> labels(k.field(), k.values(), locale);
          case INT -> Long.toString(k.number());
          case BOOL -> "";
          case DATE ->
              k.op() == Operator.WITHIN_YEARS
                  ? Long.toString(k.number())
                  : String.valueOf(k.date());
        };
    return messages.getMessage(
        patternKey(k.field(), k.op(), k.flag()), new Object[] {expected}, locale);
  }

  /**
   * Why a clause was not granted, for an officer reading about the talent, in the language of the
   * current request: "来甬时间须在5年以内（本人来甬时间：2015-03-01）".
   */
  public String toOfficer(BenefitDecision.Reason reason) {
    return failed(reason, "talent.reason.on-record", LocaleContextHolder.getLocale());
  }

  /**
   * The failing condition with the talent's value, addressed to the talent ("来甬时间须在5年以内（您的来甬时间：
   * 2015-03-01）") or to an officer ("（本人来甬时间：…）"); a clause overridden or barred names the other.
   */
  public String failed(BenefitDecision.Reason reason, boolean toTalent, Locale locale) {
    return failed(reason, toTalent ? "talent.reason.yours" : "talent.reason.on-record", locale);
  }

  private String failed(BenefitDecision.Reason reason, String wrapper, Locale locale) {
    Condition k = reason.condition();
    if (k == null) {
      return reason.otherClause() == null ? "" : reason.otherClause();
    }
    return messages.getMessage(
        wrapper,
        new Object[] {
          sentence(k, locale),
          messages.getMessage("talent.fact." + k.field().json(), null, locale),
          value(k.field(), reason.actual() == null ? "" : reason.actual(), locale)
        },
        locale);
  }

  /** A talent's value of a fact as the reader reads it: a label, a number with its unit, a date. */
  public String value(FactField field, String raw, Locale locale) {
    return switch (field.type()) {
      case ENUM, ORDINAL -> messages.getMessage(labelKey(field, raw), null, raw, locale);
      case BOOL ->
          messages.getMessage(Boolean.parseBoolean(raw) ? "talent.yes" : "talent.no", null, locale);
      case INT ->
          messages.getMessage("talent.fact." + field.json() + ".value", new Object[] {raw}, locale);
      case DATE -> raw;
    };
  }

  private String labels(FactField field, List<String> values, Locale locale) {
    String separator = messages.getMessage("talent.condition.separator", null, locale);
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      if (!out.isEmpty()) {
        out.append(separator);
      }
      out.append(messages.getMessage(labelKey(field, v), null, locale));
    }
    return out.toString();
  }
}
