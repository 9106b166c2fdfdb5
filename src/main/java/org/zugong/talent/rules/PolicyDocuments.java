package org.zugong.talent.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a policy document from JSON, checking it against the schema of known keys, facts, operators
 * and value types; writes one back. Every problem is collected, each naming the clause and the
 * place in it, before the document is refused.
 */
public final class PolicyDocuments {

  static final Set<String> DOCUMENT_KEYS =
      Set.of(
          "code",
          "kind",
          "name",
          "issuer",
          "source",
          "version",
          "effectiveFrom",
          "effectiveTo",
          "clauses");
  static final Set<String> CLAUSE_KEYS =
      Set.of(
          "id",
          "benefit",
          "name",
          "when",
          "amount",
          "instalments",
          "cap",
          "excludes",
          "overrides",
          "carry");
  static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");
  static final Set<String> AMOUNT_KEYS =
      Set.of("fixed", "byTier", "byDegree", "perMonth", "months");
  static final Set<String> INSTALMENT_KEYS = Set.of("shares", "everyMonths");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PolicyDocuments() {}

  /** The document in the JSON text, or every problem found in it. */
  public static PolicyDocument read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new RuleDocumentException(
          List.of(
              new RuleDocumentException.Problem(
                  "", "", "talent.policy.invalid.json", List.of(e.getOriginalMessage()))));
    }
    return read(root);
  }

  public static PolicyDocument read(JsonNode root) {
    Reader r = new Reader();
    PolicyDocument doc = r.document(root);
    if (!r.problems.isEmpty() || doc == null) {
      throw new RuleDocumentException(r.problems);
    }
    return doc;
  }

  /** The clauses alone (a version's body, as stored), checked the same way. */
  public static List<Clause> readClauses(String json) {
    Reader r = new Reader();
    List<Clause> clauses;
    try {
      clauses = r.clauses(MAPPER.readTree(json));
    } catch (JacksonException e) {
      throw new RuleDocumentException(
          List.of(
              new RuleDocumentException.Problem(
                  "", "", "talent.policy.invalid.json", List.of(e.getOriginalMessage()))));
    }
    if (!r.problems.isEmpty()) {
      throw new RuleDocumentException(r.problems);
    }
    return clauses;
  }

  /** The document as JSON, in the shape {@link #read(String)} reads. */
  public static String write(PolicyDocument doc) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("code", doc.code());
    root.put("kind", doc.kind().name());
    ObjectNode name = root.putObject("name");
    name.put("zh", doc.nameZh());
    name.put("en", doc.nameEn());
    root.put("issuer", doc.issuer());
    root.put("source", doc.source());
    root.put("version", doc.version());
    root.put("effectiveFrom", doc.effectiveFrom().toString());
    if (doc.effectiveTo() != null) {
      root.put("effectiveTo", doc.effectiveTo().toString());
    }
    root.set("clauses", clausesNode(doc.clauses()));
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** The clauses alone as JSON, as a version stores them. */
  public static String writeClauses(List<Clause> clauses) {
    return MAPPER.writeValueAsString(clausesNode(clauses));
  }

  private static ArrayNode clausesNode(List<Clause> clauses) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Clause c : clauses) {
      ObjectNode n = array.addObject();
      n.put("id", c.id());
      n.put("benefit", c.benefit().name());
      ObjectNode cn = n.putObject("name");
      cn.put("zh", c.nameZh());
      cn.put("en", c.nameEn());
      ArrayNode when = n.putArray("when");
      for (Condition k : c.conditions()) {
        ObjectNode kn = when.addObject();
        kn.put("field", k.field().json());
        kn.put("op", k.op().json());
        switch (k.field().type()) {
          case ENUM, ORDINAL -> {
            if (k.op() == Operator.IN || k.op() == Operator.NOT_IN) {
              ArrayNode v = kn.putArray("value");
              k.values().forEach(v::add);
            } else {
              kn.put("value", k.values().getFirst());
            }
          }
          case INT -> kn.put("value", k.number());
          case BOOL -> kn.put("value", k.flag());
          case DATE -> {
            if (k.op() == Operator.WITHIN_YEARS) {
              kn.put("value", k.number());
            } else {
              kn.put("value", String.valueOf(k.date()));
            }
          }
        }
      }
      ObjectNode amount = n.putObject("amount");
      Amount a = c.amount();
      switch (a.kind()) {
        case FIXED -> amount.put("fixed", a.fixed());
        case BY_TIER, BY_DEGREE -> {
          ObjectNode by = amount.putObject(a.kind() == Amount.Kind.BY_TIER ? "byTier" : "byDegree");
          a.byValue().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(e -> by.put(e.getKey(), e.getValue()));
        }
        case MONTHLY -> {
          amount.put("perMonth", a.perMonth());
          amount.put("months", a.months());
        }
      }
      if (!c.shares().isEmpty()) {
        ObjectNode inst = n.putObject("instalments");
        ArrayNode shares = inst.putArray("shares");
        c.shares().forEach(shares::add);
        inst.put("everyMonths", c.everyMonths());
      }
      if (c.cap() != null) {
        n.put("cap", c.cap());
      }
      if (!c.excludes().isEmpty()) {
        ArrayNode ex = n.putArray("excludes");
        c.excludes().forEach(ex::add);
      }
      if (c.overrides() != null) {
        n.put("overrides", c.overrides());
      }
      if (!c.carry()) {
        n.put("carry", false);
      }
    }
    return array;
  }

  /** Collects problems while reading. */
  private static final class Reader {
    final List<RuleDocumentException.Problem> problems = new ArrayList<>();

    void problem(String clause, String path, String key, Object... args) {
      problems.add(new RuleDocumentException.Problem(clause, path, key, List.of(args)));
    }

    @Nullable PolicyDocument document(JsonNode root) {
      if (!root.isObject()) {
        problem("", "", "talent.policy.invalid.type", "object");
        return null;
      }
      unknownKeys(root, DOCUMENT_KEYS, "", "");
      String code = text(root, "code", "", "code");
      if (code != null && !code.matches("[A-Z0-9][A-Z0-9-]{0,39}")) {
        problem("", "code", "talent.policy.invalid.code", code);
      }
      String kindText = text(root, "kind", "", "kind");
      PolicyKind kind = null;
      if (kindText != null) {
        try {
          kind = PolicyKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
          problem("", "kind", "talent.policy.invalid.value", kindText);
        }
      }
      JsonNode name = root.get("name");
      String zh = name == null ? null : text(name, "zh", "", "name.zh");
      String en = name == null ? null : text(name, "en", "", "name.en");
      if (name == null) {
        problem("", "name", "talent.policy.invalid.missing");
      }
      String issuer = text(root, "issuer", "", "issuer");
      String source = text(root, "source", "", "source");
      Long version = number(root, "version", "", "version");
      LocalDate from = date(root.get("effectiveFrom"), "", "effectiveFrom", true);
      LocalDate to = date(root.get("effectiveTo"), "", "effectiveTo", false);
      if (from != null && to != null && to.isBefore(from)) {
        problem("", "effectiveTo", "talent.policy.invalid.period", from, to);
      }
      List<Clause> clauses = clauses(root.get("clauses"));
      if (kind == PolicyKind.GENERAL) {
        for (Clause c : clauses) {
          if (c.overrides() != null) {
            problem(c.id(), "overrides", "talent.policy.invalid.general-overrides");
          }
        }
      }
      if (!problems.isEmpty()
          || code == null
          || kind == null
          || zh == null
          || en == null
          || issuer == null
          || source == null
          || version == null
          || from == null) {
        return null;
      }
      return new PolicyDocument(
          code, kind, zh, en, issuer, source, version.intValue(), from, to, clauses);
    }

    List<Clause> clauses(@Nullable JsonNode node) {
      List<Clause> out = new ArrayList<>();
      if (node == null || !node.isArray()) {
        problem("", "clauses", "talent.policy.invalid.type", "array");
        return out;
      }
      if (node.isEmpty()) {
        problem("", "clauses", "talent.policy.invalid.missing");
      }
      Set<String> ids = new HashSet<>();
      int i = 0;
      for (JsonNode c : node.values()) {
        i++;
        Clause clause = clause(c, "#" + i);
        if (clause != null) {
          if (!ids.add(clause.id())) {
            problem(clause.id(), "id", "talent.policy.invalid.duplicate-clause");
          }
          out.add(clause);
        }
      }
      for (Clause c : out) {
        for (String x : c.excludes()) {
          if (!x.contains("/") && !ids.contains(x)) {
            problem(c.id(), "excludes", "talent.policy.invalid.unknown-clause", x);
          }
          if (x.equals(c.id())) {
            problem(c.id(), "excludes", "talent.policy.invalid.self-exclusion", x);
          }
        }
      }
      return out;
    }

    @Nullable Clause clause(JsonNode c, String position) {
      if (!c.isObject()) {
        problem(position, "", "talent.policy.invalid.type", "object");
        return null;
      }
      int before = problems.size();
      String id = text(c, "id", position, "id");
      String where = id == null ? position : id;
      if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
        problem(where, "id", "talent.policy.invalid.code", id);
      }
      unknownKeys(c, CLAUSE_KEYS, where, "");
      Benefit benefit = null;
      String b = text(c, "benefit", where, "benefit");
      if (b != null) {
        try {
          benefit = Benefit.valueOf(b);
        } catch (IllegalArgumentException e) {
          problem(where, "benefit", "talent.policy.invalid.value", b);
        }
      }
      JsonNode name = c.get("name");
      String zh = null;
      String en = null;
      if (name == null || !name.isObject()) {
        problem(where, "name", "talent.policy.invalid.type", "object");
      } else {
        zh = text(name, "zh", where, "name.zh");
        en = text(name, "en", where, "name.en");
      }
      List<Condition> conditions = new ArrayList<>();
      JsonNode when = c.get("when");
      if (when == null || !when.isArray()) {
        problem(where, "when", "talent.policy.invalid.type", "array");
      } else {
        int k = 0;
        for (JsonNode cond : when.values()) {
          Condition parsed = condition(cond, where, "when[" + k + "]");
          if (parsed != null) {
            conditions.add(parsed);
          }
          k++;
        }
      }
      Amount amount = amount(c.get("amount"), where);
      List<Integer> shares = List.of();
      int every = 0;
      JsonNode inst = c.get("instalments");
      if (inst != null) {
        if (!inst.isObject()) {
          problem(where, "instalments", "talent.policy.invalid.type", "object");
        } else {
          unknownKeys(inst, INSTALMENT_KEYS, where, "instalments.");
          JsonNode s = inst.get("shares");
          List<Integer> list = new ArrayList<>();
          if (s == null || !s.isArray() || s.isEmpty()) {
            problem(where, "instalments.shares", "talent.policy.invalid.type", "array");
          } else {
            for (JsonNode v : s.values()) {
              if (!v.isIntegralNumber() || v.longValue() < 1 || v.longValue() > 100) {
                problem(where, "instalments.shares", "talent.policy.invalid.type", "1..100");
              } else {
                list.add((int) v.longValue());
              }
            }
          }
          shares = list;
          Long e = number(inst, "everyMonths", where, "instalments.everyMonths");
          if (e != null && (e < 1 || e > 120)) {
            problem(where, "instalments.everyMonths", "talent.policy.invalid.range", e, 1, 120);
          }
          every = e == null ? 0 : e.intValue();
        }
      }
      Long cap = null;
      if (c.has("cap")) {
        cap = number(c, "cap", where, "cap");
        if (cap != null && cap < 0) {
          problem(where, "cap", "talent.policy.invalid.range", cap, 0, Long.MAX_VALUE);
        }
      }
      List<String> excludes = new ArrayList<>();
      JsonNode ex = c.get("excludes");
      if (ex != null) {
        if (!ex.isArray()) {
          problem(where, "excludes", "talent.policy.invalid.type", "array");
        } else {
          for (JsonNode v : ex.values()) {
            if (!v.isString()) {
              problem(where, "excludes", "talent.policy.invalid.type", "string");
            } else {
              excludes.add(v.stringValue());
            }
          }
        }
      }
      String overrides = null;
      if (c.has("overrides")) {
        overrides = text(c, "overrides", where, "overrides");
        if (overrides != null
            && !overrides.matches("[A-Z0-9][A-Z0-9-]*/[A-Za-z0-9][A-Za-z0-9_-]*")) {
          problem(where, "overrides", "talent.policy.invalid.reference", overrides);
        }
      }
      boolean carry = true;
      JsonNode carries = c.get("carry");
      if (carries != null) {
        if (!carries.isBoolean()) {
          problem(where, "carry", "talent.policy.invalid.type", "boolean");
        } else {
          carry = carries.booleanValue();
        }
      }
      if (problems.size() > before
          || id == null
          || benefit == null
          || zh == null
          || en == null
          || amount == null) {
        return null;
      }
      return new Clause(
          id, benefit, zh, en, conditions, amount, shares, every, cap, excludes, overrides, carry);
    }

    @Nullable Condition condition(JsonNode n, String clause, String path) {
      if (!n.isObject()) {
        problem(clause, path, "talent.policy.invalid.type", "object");
        return null;
      }
      unknownKeys(n, CONDITION_KEYS, clause, path + ".");
      String f = text(n, "field", clause, path + ".field");
      String o = text(n, "op", clause, path + ".op");
      if (f == null || o == null) {
        return null;
      }
      FactField field = FactField.ofJson(f).orElse(null);
      if (field == null) {
        problem(clause, path + ".field", "talent.policy.invalid.unknown-field", f);
        return null;
      }
      Operator op = Operator.ofJson(o).orElse(null);
      if (op == null || !Operator.allowedFor(field.type()).contains(op)) {
        problem(clause, path + ".op", "talent.policy.invalid.operator", o, f);
        return null;
      }
      JsonNode v = n.get("value");
      String vp = path + ".value";
      if (v == null || v.isNull()) {
        problem(clause, vp, "talent.policy.invalid.missing");
        return null;
      }
      switch (field.type()) {
        case ENUM, ORDINAL -> {
          List<String> values = new ArrayList<>();
          if (op == Operator.IN || op == Operator.NOT_IN) {
            if (!v.isArray() || v.isEmpty()) {
              problem(clause, vp, "talent.policy.invalid.type", "array");
              return null;
            }
            for (JsonNode x : v.values()) {
              values.add(x.isString() ? x.stringValue() : x.toString());
            }
          } else {
            if (!v.isString()) {
              problem(clause, vp, "talent.policy.invalid.type", "string");
              return null;
            }
            values.add(v.stringValue());
          }
          for (String x : values) {
            if (field.code(x) < 0) {
              problem(
                  clause, vp, "talent.policy.invalid.domain", x, String.join(", ", field.domain()));
              return null;
            }
          }
          return Condition.ofValues(field, op, values);
        }
        case INT -> {
          if (!v.isIntegralNumber()) {
            problem(clause, vp, "talent.policy.invalid.type", "integer");
            return null;
          }
          return Condition.ofNumber(field, op, v.longValue());
        }
        case BOOL -> {
          if (!v.isBoolean()) {
            problem(clause, vp, "talent.policy.invalid.type", "boolean");
            return null;
          }
          return Condition.ofFlag(field, v.booleanValue());
        }
        case DATE -> {
          if (op == Operator.WITHIN_YEARS) {
            if (!v.isIntegralNumber() || v.longValue() < 1 || v.longValue() > 100) {
              problem(clause, vp, "talent.policy.invalid.type", "1..100");
              return null;
            }
            Condition c = Condition.ofNumber(field, op, v.longValue());
            return c;
          }
          LocalDate d = date(v, clause, vp, true);
          return d == null ? null : Condition.ofDate(field, op, d);
        }
      }
      return null;
    }

    @Nullable Amount amount(@Nullable JsonNode a, String clause) {
      if (a == null || !a.isObject()) {
        problem(clause, "amount", "talent.policy.invalid.type", "object");
        return null;
      }
      unknownKeys(a, AMOUNT_KEYS, clause, "amount.");
      if (a.has("fixed")) {
        Long y = number(a, "fixed", clause, "amount.fixed");
        return y == null ? null : Amount.fixed(y);
      }
      if (a.has("perMonth")) {
        Long y = number(a, "perMonth", clause, "amount.perMonth");
        Long m = number(a, "months", clause, "amount.months");
        return y == null || m == null ? null : Amount.monthly(y, m.intValue());
      }
      for (String key : List.of("byTier", "byDegree")) {
        if (a.has(key)) {
          FactField field = key.equals("byTier") ? FactField.TIER : FactField.DEGREE;
          JsonNode by = a.get(key);
          if (!by.isObject() || by.isEmpty()) {
            problem(clause, "amount." + key, "talent.policy.invalid.type", "object");
            return null;
          }
          Map<String, Long> values = new LinkedHashMap<>();
          for (var e : by.properties()) {
            if (field.code(e.getKey()) < 0 || e.getKey().equals("NONE")) {
              problem(
                  clause,
                  "amount." + key + "." + e.getKey(),
                  "talent.policy.invalid.domain",
                  e.getKey(),
                  String.join(", ", field.domain()));
            } else if (!e.getValue().isIntegralNumber() || e.getValue().longValue() < 0) {
              problem(
                  clause,
                  "amount." + key + "." + e.getKey(),
                  "talent.policy.invalid.type",
                  "integer");
            } else {
              values.put(e.getKey(), e.getValue().longValue());
            }
          }
          return key.equals("byTier") ? Amount.byTier(values) : Amount.byDegree(values);
        }
      }
      problem(clause, "amount", "talent.policy.invalid.missing");
      return null;
    }

    void unknownKeys(JsonNode n, Set<String> known, String clause, String prefix) {
      for (String k : n.propertyNames()) {
        if (!known.contains(k)) {
          problem(clause, prefix + k, "talent.policy.invalid.unknown-key", k);
        }
      }
    }

    @Nullable String text(JsonNode n, String key, String clause, String path) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        problem(clause, path, "talent.policy.invalid.missing");
        return null;
      }
      if (!v.isString() || v.stringValue().isBlank()) {
        problem(clause, path, "talent.policy.invalid.type", "string");
        return null;
      }
      return v.stringValue().trim();
    }

    @Nullable Long number(JsonNode n, String key, String clause, String path) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        problem(clause, path, "talent.policy.invalid.missing");
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        problem(clause, path, "talent.policy.invalid.type", "integer");
        return null;
      }
      return v.longValue();
    }

    @Nullable LocalDate date(@Nullable JsonNode v, String clause, String path, boolean required) {
      if (v == null || v.isNull()) {
        if (required) {
          problem(clause, path, "talent.policy.invalid.missing");
        }
        return null;
      }
      if (!v.isString()) {
        problem(clause, path, "talent.policy.invalid.type", "date");
        return null;
      }
      try {
        return LocalDate.parse(v.stringValue());
      } catch (DateTimeParseException e) {
        problem(clause, path, "talent.policy.invalid.type", "date");
        return null;
      }
    }
  }
}
