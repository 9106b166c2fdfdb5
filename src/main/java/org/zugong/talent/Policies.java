package org.zugong.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.DataScope;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.ScopePath;
import org.zugong.talent.rules.Clause;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.OverrideConflicts;
import org.zugong.talent.rules.PolicyDocument;
import org.zugong.talent.rules.PolicyDocuments;
import org.zugong.talent.rules.PolicyKind;

/**
 * Talent policies as rules: versions saved as drafts (checked against the schema of facts when
 * saved), published once no override conflict, exclusion cycle or dangling reference remains, and
 * imported and exported as JSON files. A policy belongs to its issuer's node: read at and below it,
 * written at or above it.
 */
@Service
@Transactional
public class Policies {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Policies(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<PolicySummary> list() {
    Map<String, PolicySummary> out = new LinkedHashMap<>();
    Map<String, List<PolicySummary.Version>> versions = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.code, p.kind, p.name_zh, p.name_en, p.issuer, p.source, v.version, v.status,
              v.effective_from, v.effective_to, jsonb_array_length(v.clauses), v.published_by
            from talent_policy p left join talent_policy_version v on v.policy_id = p.id
            order by case p.kind when 'GENERAL' then 0 when 'SPECIAL' then 1 else 2 end, p.code, v.version
            """)
        .query(
            rs -> {
              String code = rs.getString(1);
              versions.computeIfAbsent(code, k -> new ArrayList<>());
              out.computeIfAbsent(
                  code,
                  k -> {
                    try {
                      return new PolicySummary(
                          code,
                          PolicyKind.valueOf(rs.getString(2)),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          versions.get(code));
                    } catch (java.sql.SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
              if (rs.getObject(7) != null) {
                versions
                    .get(code)
                    .add(
                        new PolicySummary.Version(
                            rs.getInt(7),
                            rs.getString(8),
                            rs.getObject(9, LocalDate.class),
                            rs.getObject(10, LocalDate.class),
                            rs.getInt(11),
                            rs.getString(12)));
              }
            });
    return List.copyOf(out.values());
  }

  /** One version as a document. */
  @Transactional(readOnly = true)
  public Optional<PolicyDocument> document(String code, int version) {
    return jdbc.sql(
            """
            select p.code, p.kind, p.name_zh, p.name_en, p.issuer, p.source, v.version,
              v.effective_from, v.effective_to, v.clauses::text
            from talent_policy p join talent_policy_version v on v.policy_id = p.id
            where p.code = ? and v.version = ?
            """)
        .params(code, version)
        .query(Policies::document)
        .optional();
  }

  /** Every published version the caller sees. */
  @Transactional(readOnly = true)
  public List<PolicyDocument> published() {
    return jdbc.sql(
            """
            select p.code, p.kind, p.name_zh, p.name_en, p.issuer, p.source, v.version,
              v.effective_from, v.effective_to, v.clauses::text
            from talent_policy p join talent_policy_version v on v.policy_id = p.id
            where v.status = 'PUBLISHED' order by p.code, v.version
            """)
        .query(Policies::document)
        .list();
  }

  /** The published policies in force on a date, compiled. */
  @Transactional(readOnly = true)
  public CompiledRules compiled(LocalDate date) {
    return CompiledRules.compile(published(), date);
  }

  /**
   * Saves a document (an imported file, or the editor's) as a draft version of its policy, creating
   * the policy in the caller's scope where new. A published version is never changed: a new version
   * number is needed.
   */
  public void saveDraft(String json) {
    saveDraft(json, scope());
  }

  /**
   * Saves a draft as {@link #saveDraft(String)}, a new policy belonging to the given node (within
   * the caller's scope), e.g. an institution's custom policy.
   */
  public void saveDraft(String json, ScopePath issuerScope) {
    PolicyDocument doc = PolicyDocuments.read(json);
    ScopePath scope = issuerScope;
    OffsetDateTime now = OffsetDateTime.now(clock);
    Long policyId =
        jdbc.sql("select id from talent_policy where code = ?")
            .param(doc.code())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (policyId == null) {
      policyId =
          jdbc.sql(
                  """
                  insert into talent_policy (code, kind, name_zh, name_en, issuer, source, scope_path, created_at)
                  values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                  """)
              .params(
                  doc.code(),
                  doc.kind().name(),
                  doc.nameZh(),
                  doc.nameEn(),
                  doc.issuer(),
                  doc.source(),
                  scope.value(),
                  now)
              .query(Long.class)
              .single();
    } else {
      String kind =
          jdbc.sql("select kind from talent_policy where id = ?")
              .param(policyId)
              .query(String.class)
              .single();
      if (!kind.equals(doc.kind().name())) {
        throw new InvalidValueException("talent.policy.invalid.kind-changed", doc.code(), kind);
      }
      jdbc.sql(
              "update talent_policy set name_zh = ?, name_en = ?, issuer = ?, source = ? where id = ?")
          .params(doc.nameZh(), doc.nameEn(), doc.issuer(), doc.source(), policyId)
          .update();
    }
    String status =
        jdbc.sql("select status from talent_policy_version where policy_id = ? and version = ?")
            .params(policyId, doc.version())
            .query(String.class)
            .optional()
            .orElse(null);
    if ("PUBLISHED".equals(status)) {
      throw new InvalidValueException(
          "talent.policy.invalid.published-version", doc.code(), doc.version());
    }
    String path =
        jdbc.sql("select scope_path from talent_policy where id = ?")
            .param(policyId)
            .query(String.class)
            .single();
    jdbc.sql(
            """
            insert into talent_policy_version (policy_id, version, status, effective_from, effective_to,
              clauses, saved_by, saved_at, scope_path)
            values (?, ?, 'DRAFT', ?, ?, cast(? as jsonb), ?, ?, ?)
            on conflict (policy_id, version) do update set effective_from = excluded.effective_from,
              effective_to = excluded.effective_to, clauses = excluded.clauses,
              saved_by = excluded.saved_by, saved_at = excluded.saved_at
            """)
        .params(
            policyId,
            doc.version(),
            doc.effectiveFrom(),
            doc.effectiveTo(),
            PolicyDocuments.writeClauses(doc.clauses()),
            Talents.actor(),
            now,
            path)
        .update();
    events.publishEvent(
        new RecordChanged(
            "talent-policy",
            doc.code() + "/" + doc.version(),
            "save",
            path,
            Map.of(
                "clauses",
                new RecordChanged.Change(null, Integer.toString(doc.clauses().size())))));
  }

  /**
   * Publishes a draft. Refused, naming the clauses, where it overrides a clause that is not a
   * general one on record, where two overrides of one general clause could both apply to a person,
   * or where exclusions go round in a circle. An earlier published version of the policy still open
   * ends the day before this one starts.
   */
  public void publish(String code, int version) {
    PolicyDocument doc =
        document(code, version)
            .orElseThrow(
                () -> new InvalidValueException("talent.policy.invalid.not-found", code, version));
    String status =
        jdbc.sql(
                "select v.status from talent_policy_version v join talent_policy p on p.id = v.policy_id"
                    + " where p.code = ? and v.version = ?")
            .params(code, version)
            .query(String.class)
            .single();
    if (status.equals("PUBLISHED")) {
      throw new InvalidValueException("talent.policy.invalid.published-version", code, version);
    }
    List<PolicyDocument> published = published();
    for (Clause c : doc.clauses()) {
      if (c.overrides() == null) {
        continue;
      }
      String[] ref = c.overrides().split("/", 2);
      boolean generalClause =
          published.stream()
              .anyMatch(
                  p ->
                      p.code().equals(ref[0])
                          && p.kind() == PolicyKind.GENERAL
                          && p.overlaps(doc)
                          && p.clauses().stream().anyMatch(x -> x.id().equals(ref[1])));
      if (!generalClause) {
        throw new InvalidValueException(
            "talent.policy.invalid.override-target", Clause.reference(code, c.id()), c.overrides());
      }
    }
    List<OverrideConflicts.Conflict> conflicts = OverrideConflicts.find(published, doc);
    if (!conflicts.isEmpty()) {
      OverrideConflicts.Conflict first = conflicts.getFirst();
      throw new InvalidValueException(
          "talent.policy.invalid.override-conflict",
          first.first(),
          first.second(),
          first.general());
    }
    List<PolicyDocument> after =
        new ArrayList<>(published.stream().filter(p -> !p.code().equals(code)).toList());
    after.add(doc);
    CompiledRules.compile(after, doc.effectiveFrom());
    for (PolicyDocument earlier : published) {
      if (earlier.code().equals(code) && earlier.overlaps(doc)) {
        if (!earlier.effectiveFrom().isBefore(doc.effectiveFrom())) {
          throw new InvalidValueException(
              "talent.policy.invalid.version-overlap", code, earlier.version());
        }
        jdbc.sql(
                "update talent_policy_version set effective_to = ? where version = ?"
                    + " and policy_id = (select id from talent_policy where code = ?)")
            .params(doc.effectiveFrom().minusDays(1), earlier.version(), code)
            .update();
      }
    }
    String path =
        jdbc.sql(
                """
                update talent_policy_version set status = 'PUBLISHED', published_by = ?, published_at = ?
                where version = ? and policy_id = (select id from talent_policy where code = ?)
                returning scope_path
                """)
            .params(Talents.actor(), OffsetDateTime.now(clock), version, code)
            .query(String.class)
            .single();
    events.publishEvent(
        new RecordChanged(
            "talent-policy",
            code + "/" + version,
            "publish",
            path,
            Map.of("status", new RecordChanged.Change("DRAFT", "PUBLISHED"))));
  }

  /** One version as a JSON file. */
  @Transactional(readOnly = true)
  public Optional<String> export(String code, int version) {
    return document(code, version).map(PolicyDocuments::write);
  }

  private static ScopePath scope() {
    ScopePath s = DataScope.current();
    if (s == null) {
      throw new IllegalStateException("No scope");
    }
    return s;
  }

  private static PolicyDocument document(java.sql.ResultSet rs, int n)
      throws java.sql.SQLException {
    List<Clause> clauses = PolicyDocuments.readClauses(rs.getString(10));
    @Nullable LocalDate to = rs.getObject(9, LocalDate.class);
    return new PolicyDocument(
        rs.getString(1),
        PolicyKind.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getObject(8, LocalDate.class),
        to,
        clauses);
  }
}
