package org.zugong.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.shared.ScopePath;

/**
 * The division tree, read within the caller's data scope: a district admin of 海曙区 finds nothing of
 * 江北区 here, because PostgreSQL filters the rows before they leave the database.
 */
@Service
@Transactional(readOnly = true)
public class Regions {

  private static final String COLUMNS =
      "r.code, r.name, r.parent_code, r.level, r.kind, r.path,"
          + " (select count(*) from region c where c.parent_code = r.code) as child_count";

  private final JdbcClient jdbc;

  Regions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Region> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from region r where r.code = ?")
        .param(code)
        .query(Regions::map)
        .optional();
  }

  /** The topmost regions the caller may see: their scope's own node. */
  public List<Region> roots() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from region r where r.parent_code is null"
                + " or not exists (select 1 from region p where p.code = r.parent_code)"
                + " order by r.sort_order")
        .query(Regions::map)
        .list();
  }

  public List<Region> children(String parentCode) {
    return jdbc.sql(
            "select " + COLUMNS + " from region r where r.parent_code = ? order by r.sort_order")
        .param(parentCode)
        .query(Regions::map)
        .list();
  }

  /**
   * The ancestors of a region that lie in the caller's scope, top first, then the region itself.
   */
  public List<Region> trail(String code) {
    Optional<Region> region = find(code);
    if (region.isEmpty()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (String part : region.get().path().value().split("/")) {
      if (!part.isEmpty()) {
        codes.add(part);
      }
    }
    return jdbc.sql(
            "select " + COLUMNS + " from region r where r.code in (:codes) order by length(r.path)")
        .param("codes", codes)
        .query(Regions::map)
        .list();
  }

  /**
   * Searches names and codes within the caller's scope.
   *
   * @param query part of a name, or the start of a code
   * @param level only this level, or all where null
   */
  public RegionPage search(String query, @Nullable RegionLevel level, int page, int size) {
    String q = query.trim();
    String like = "%" + escapeLike(q) + "%";
    String codePrefix = escapeLike(q) + "%";
    String levelName = level == null ? null : level.name();
    String where =
        " from region r where (r.name like :like escape '\\' or r.code like :prefix escape '\\')"
            + " and (cast(:level as text) is null or r.level = cast(:level as text))";
    long total =
        jdbc.sql("select count(*)" + where)
            .param("like", like)
            .param("prefix", codePrefix)
            .param("level", levelName)
            .query(Long.class)
            .single();
    List<RegionPage.RegionMatch> matches =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + ", (select string_agg(a.name, ' › ' order by length(a.path)) from region a"
                    + " where starts_with(r.path, a.path)) as trail"
                    + where
                    + " order by r.path limit :size offset :offset")
            .param("like", like)
            .param("prefix", codePrefix)
            .param("level", levelName)
            .param("size", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> new RegionPage.RegionMatch(map(rs, n), rs.getString("trail")))
            .list();
    return new RegionPage(matches, page, size, total);
  }

  /** How many regions of each level lie in the caller's scope. */
  public long count(RegionLevel level) {
    return jdbc.sql("select count(*) from region where level = ?")
        .param(level.name())
        .query(Long.class)
        .single();
  }

  /** The names of the given regions that lie in the caller's scope, by code. */
  public java.util.Map<String, String> names(java.util.Collection<String> codes) {
    if (codes.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, String> names = new java.util.HashMap<>();
    jdbc.sql("select code, name from region where code in (:codes)")
        .param("codes", List.copyOf(codes))
        .query(
            rs -> {
              names.put(rs.getString(1), rs.getString(2));
            });
    return names;
  }

  /** The path of a region in the caller's scope, used to place records and users in the tree. */
  public Optional<ScopePath> pathOf(String code) {
    return jdbc.sql("select path from region where code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .map(ScopePath::new);
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Region(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("parent_code"),
        RegionLevel.valueOf(rs.getString("level")),
        RegionKind.valueOf(rs.getString("kind")),
        new ScopePath(rs.getString("path")),
        rs.getInt("child_count"));
  }
}
