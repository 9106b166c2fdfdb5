package org.zugong.talent.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled rules as SQL boolean expressions over the {@code talent} table aliased {@code t},
 * for counts and what-if questions in the database. Values travel as named parameters, never as SQL
 * text; facts become SQL's own expressions, ages with PostgreSQL's calendar {@code age()}, so that
 * a test comparing both answers over the whole population checks the calendar arithmetic too.
 *
 * @param conditions per clause, its conditions as written (before precedence and exclusions)
 * @param granted per clause, the whole decision: its conditions, not replaced by an override that
 *     applies, not barred by a clause granted
 */
public record SqlRules(
    Map<String, String> conditions, Map<String, String> granted, Map<String, Object> parameters) {

  static SqlRules of(CompiledRules compiled) {
    Builder b = new Builder(compiled.date());
    Map<String, String> raw = new LinkedHashMap<>();
    for (CompiledRules.Rule r : compiled.rules()) {
      List<String> parts = new ArrayList<>();
      for (CompiledCondition k : r.conditions) {
        parts.add(b.condition(k.source));
      }
      raw.put(r.reference, parts.isEmpty() ? "true" : "(" + String.join(" and ", parts) + ")");
    }
    Map<String, String> granted = new HashMap<>();
    for (CompiledRules.Rule r : compiled.rules()) {
      StringBuilder e = new StringBuilder(raw.get(r.reference));
      for (CompiledRules.Rule o : r.overriddenBy) {
        e.append(" and not ").append(raw.get(o.reference));
      }
      for (CompiledRules.Rule x : r.barredBy) {
        e.append(" and not ").append(granted.get(x.reference));
      }
      granted.put(r.reference, "(" + e + ")");
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    raw.keySet().forEach(k -> ordered.put(k, granted.get(k)));
    return new SqlRules(raw, ordered, b.params);
  }

  private static final class Builder {
    final Map<String, Object> params = new LinkedHashMap<>();
    final LocalDate date;

    Builder(LocalDate date) {
      this.date = date;
      params.put("rules_date", date);
      params.put("rules_districts", FactField.DISTRICT.domain());
    }

    String param(Object value) {
      String name = "r" + params.size();
      params.put(name, value);
      return ":" + name;
    }

    String condition(Condition k) {
      FactField f = k.field();
      return switch (f.type()) {
        case ENUM, ORDINAL -> {
          long mask = CompiledCondition.mask(k);
          List<String> allowed = new ArrayList<>();
          for (int i = 0; i < f.domain().size(); i++) {
            if ((mask >>> i & 1L) != 0) {
              allowed.add(f.domain().get(i));
            }
          }
          yield allowed.isEmpty()
              ? "false"
              : "(" + enumExpression(f) + " in (" + param(allowed) + "))";
        }
        case BOOL -> "(" + boolExpression(f) + " = " + param(k.flag()) + ")";
        case INT ->
            "(" + intExpression(f) + " " + comparison(k.op()) + " " + param(k.number()) + ")";
        case DATE ->
            switch (k.op()) {
              case WITHIN_YEARS ->
                  "(t.arrival_date > cast(:rules_date as date) - make_interval(years => "
                      + param((int) k.number())
                      + ") and t.arrival_date <= cast(:rules_date as date))";
              case ON_OR_AFTER -> "(t.arrival_date >= " + param(k.date()) + ")";
              case BEFORE -> "(t.arrival_date < " + param(k.date()) + ")";
              default -> throw new IllegalArgumentException(k.describe());
            };
      };
    }

    private static String enumExpression(FactField f) {
      return switch (f) {
        case TIER ->
            "(case when t.tier_certified_on <= cast(:rules_date as date) then t.tier else 'NONE' end)";
        case DEGREE -> "t.degree";
        case TITLE -> "t.title";
        case INDUSTRY -> "t.industry";
        case DISTRICT ->
            "(case when substr(t.region_code, 1, 6) in (:rules_districts) then substr(t.region_code, 1, 6) else 'OTHER' end)";
        case INSTITUTION -> "coalesce(t.institution_code, 'NONE')";
        default -> throw new IllegalArgumentException(f.json());
      };
    }

    private static String boolExpression(FactField f) {
      return switch (f) {
        case FIRST_HOME -> "t.first_home";
        case BANK_ACCOUNT -> "(t.bank_account_cipher is not null)";
        default -> throw new IllegalArgumentException(f.json());
      };
    }

    private static String intExpression(FactField f) {
      return switch (f) {
        case AGE_AT_ARRIVAL -> "extract(year from age(t.arrival_date, t.birth_date))::int";
        case AGE -> "extract(year from age(cast(:rules_date as date), t.birth_date))::int";
        case SOCIAL_INSURANCE_MONTHS -> "t.social_insurance_months";
        default -> throw new IllegalArgumentException(f.json());
      };
    }

    private static String comparison(Operator op) {
      return switch (op) {
        case EQ -> "=";
        case NE -> "<>";
        case LT -> "<";
        case LE -> "<=";
        case GT -> ">";
        case GE -> ">=";
        default -> throw new IllegalArgumentException(op.json());
      };
    }
  }
}
