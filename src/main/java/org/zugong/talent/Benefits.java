package org.zugong.talent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.talent.rules.BatchResult;
import org.zugong.talent.rules.BenefitDecision;
import org.zugong.talent.rules.CompiledRules;
import org.zugong.talent.rules.FactColumns;
import org.zugong.talent.rules.SqlRules;

/**
 * What the published policies grant, from one engine: one talent's decisions with their reasons,
 * everyone's at once with how many each condition excluded, and the same rules counted in the
 * database.
 */
@Service
@Transactional(readOnly = true)
public class Benefits {

  private final Talents talents;
  private final Policies policies;
  private final BenefitRuns runs;
  private final JdbcClient jdbc;

  Benefits(Talents talents, Policies policies, BenefitRuns runs, JdbcClient jdbc) {
    this.talents = talents;
    this.policies = policies;
    this.runs = runs;
    this.jdbc = jdbc;
  }

  /**
   * Every clause in force on the date, decided for one talent, each naming its clause; followed by
   * the clauses of earlier versions whose schedules, begun by the talent, are carried.
   */
  public List<BenefitDecision> explain(long talentId, LocalDate date) {
    FactColumns facts = talents.facts(talentId);
    CompiledRules rules = policies.compiled(date);
    return rules.explain(facts, 0, rules.carries() ? runs.schedulesOf(talentId) : List.of());
  }

  /** Everyone the caller sees, decided at once. */
  public BatchResult evaluate(LocalDate date) {
    return policies.compiled(date).evaluate(talents.facts());
  }

  /** Per clause, how many talents the caller sees are granted it, counted by the database. */
  public Map<String, Long> countInDatabase(LocalDate date) {
    CompiledRules rules = policies.compiled(date);
    SqlRules sql = rules.sql();
    Map<String, Long> out = new LinkedHashMap<>();
    for (var e : sql.granted().entrySet()) {
      out.put(
          e.getKey(),
          jdbc.sql("select count(*) from talent t where " + e.getValue())
              .params(sql.parameters())
              .query(Long.class)
              .single());
    }
    return out;
  }

  /** The ids of the talents the database finds granted a clause. */
  public List<Long> grantedInDatabase(LocalDate date, String clause) {
    SqlRules sql = policies.compiled(date).sql();
    String where = sql.granted().get(clause);
    if (where == null) {
      throw new IllegalArgumentException("No clause " + clause);
    }
    return jdbc.sql("select t.id from talent t where " + where + " order by t.id")
        .params(sql.parameters())
        .query(Long.class)
        .list();
  }
}
