package org.zugong.member.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.organization.Organizations;
import org.zugong.platform.DataScope;
import org.zugong.shared.ScopePath;

/**
 * The member tally (V5_5__member_tally.sql): per subtree (an organization with everything below it,
 * or a region, the scope of an administrator), how many members it holds by status and, for current
 * members, by every dimension of the statistics and by month of birth. Triggers on the member table
 * append each statement's net change; {@link #fold()} folds the changes into one row per subtree,
 * dimension and value in the background. Reading adds both, so a figure is exact at every moment,
 * in the reader's transaction.
 */
@Component
public class MemberTally {

  /** The dimension of the month of birth (yyyy-MM) of current members. */
  public static final String BIRTH_MONTH = "BIRTH_MONTH";

  private static final Logger log = LoggerFactory.getLogger(MemberTally.class);
  private static final int FOLD_BATCH = 50_000;

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final TransactionTemplate tx;

  MemberTally(JdbcClient jdbc, Organizations organizations, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.tx = tx;
  }

  /**
   * The figures of the subtree of an organization, or (if null) of the caller's whole scope, by
   * dimension and value; values counting no member are left out. Runs in the caller's transaction.
   */
  public Map<String, Map<String, Long>> figures(@Nullable Long organizationId) {
    return figures(organizationId, null);
  }

  /** The figures of one dimension (or of all, if null). */
  public Map<String, Map<String, Long>> figures(
      @Nullable Long organizationId, @Nullable String dimension) {
    Map<String, Map<String, Long>> figures = new HashMap<>();
    // A scope is a region path, and a region's subtree is keyed by its path: the connection's own
    // scope is the subtree of everything the caller may see.
    String subtree = organizationId == null ? "app_scope()" : ":subtree";
    String which = dimension == null ? "" : " and dimension = :dimension";
    jdbc.sql(
            "select dimension, value, sum(members) from (select dimension, value, members"
                + " from member_tally where subtree = "
                + subtree
                + which
                + " union all select dimension, value, members from member_tally_change"
                + " where subtree = "
                + subtree
                + which
                + ") t group by dimension, value having sum(members) <> 0")
        .param("subtree", organizationId == null ? "" : "o" + organizationId)
        .param("dimension", dimension == null ? "" : dimension)
        .query(
            rs -> {
              figures
                  .computeIfAbsent(rs.getString(1), d -> new LinkedHashMap<>())
                  .put(rs.getString(2), rs.getLong(3));
            });
    return figures;
  }

  /** Folds the changes every few seconds. */
  @Scheduled(
      initialDelayString = "${zugong.member.tally.fold-every:5s}",
      fixedDelayString = "${zugong.member.tally.fold-every:5s}")
  void foldInBackground() {
    try {
      fold();
    } catch (RuntimeException e) {
      // The changes stay where they are and the next run tries again; figures are right meanwhile.
      log.warn("Folding the member tally failed: {}", e.toString());
    }
  }

  /**
   * Folds the appended changes into one row per organization, dimension and value, batch by batch,
   * each in a transaction of its own. Returns the number of change rows folded.
   */
  public long fold() {
    long started = System.nanoTime();
    long folded = 0;
    while (true) {
      Integer n = DataScope.asSystem(() -> tx.execute(status -> foldBatch()));
      folded += n == null ? 0 : n;
      if (n != null && n == FOLD_BATCH) {
        log.info("Folded {} member tally changes, more to come", folded);
      }
      if (n == null || n < FOLD_BATCH) {
        if (folded > 0) {
          log.info(
              "Folded {} member tally changes in {} ms",
              folded,
              (System.nanoTime() - started) / 1_000_000);
        }
        return folded;
      }
    }
  }

  private int foldBatch() {
    // One folder at a time; a second one would find nothing to do meanwhile anyway.
    Boolean locked =
        jdbc.sql("select pg_try_advisory_xact_lock(hashtext('member_tally_fold'))")
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    record Sum(String subtree, String dimension, String value, long members) {}
    int[] rows = {0};
    List<Sum> sums = new ArrayList<>();
    jdbc.sql(
            "with moved as (delete from member_tally_change where id in"
                + " (select id from member_tally_change order by id limit :batch)"
                + " returning subtree, dimension, value, members)"
                + " select subtree, dimension, value, sum(members), count(*) from moved"
                + " group by subtree, dimension, value order by subtree, dimension, value")
        .param("batch", FOLD_BATCH)
        .query(
            rs -> {
              rows[0] += rs.getInt(5);
              if (rs.getLong(4) != 0) {
                sums.add(new Sum(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
              }
            });
    if (sums.isEmpty()) {
      return rows[0];
    }
    // An organization's rows lie in its path; a region's (a key that is a path) in the region.
    Set<Long> ids = new HashSet<>();
    sums.forEach(
        s -> {
          if (!s.subtree().startsWith("/")) {
            ids.add(Long.parseLong(s.subtree().substring(1)));
          }
        });
    Map<Long, ScopePath> paths = organizations.paths(ids);
    int n = sums.size();
    String[] subtrees = new String[n];
    String[] scopes = new String[n];
    String[] dimensions = new String[n];
    String[] values = new String[n];
    Long[] members = new Long[n];
    for (int i = 0; i < n; i++) {
      Sum s = sums.get(i);
      String scope = s.subtree();
      if (!scope.startsWith("/")) {
        ScopePath path = paths.get(Long.parseLong(scope.substring(1)));
        if (path == null) {
          throw new IllegalStateException("No organization " + scope + " for the member tally");
        }
        scope = path.value();
      }
      subtrees[i] = s.subtree();
      scopes[i] = scope;
      dimensions[i] = s.dimension();
      values[i] = s.value();
      members[i] = s.members();
    }
    jdbc.sql(
            "insert into member_tally (subtree, scope_path, dimension, value, members)"
                + " select * from unnest(cast(:subtrees as text[]), cast(:scopes as text[]),"
                + " cast(:dimensions as text[]), cast(:values as text[]), cast(:members as bigint[]))"
                + " on conflict (subtree, dimension, value) do update"
                + " set members = member_tally.members + excluded.members,"
                + " scope_path = excluded.scope_path")
        .param("subtrees", subtrees)
        .param("scopes", scopes)
        .param("dimensions", dimensions)
        .param("values", values)
        .param("members", members)
        .update();
    jdbc.sql("delete from member_tally where members = 0").update();
    return rows[0];
  }
}
