package org.zugong.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.platform.ZugongPrincipal;
import org.zugong.region.Regions;
import org.zugong.shared.InvalidValueException;
import org.zugong.shared.RecordChanged;
import org.zugong.shared.RecordChanged.Change;
import org.zugong.shared.ScopePath;

/**
 * The organization tree within the caller's scope: reading it now or as it stood on a date, and the
 * effective-dated changes that shape it. Every change keeps the history that the as-of view reads,
 * moves the paths of the subtree in one statement, and tells other modules in the same transaction.
 */
@Service
@Transactional
public class Organizations {

  /** Who may change the tree: administrators of the city, districts and towns. */
  static final String EDITORS = "hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN')";

  private static final String COLUMNS =
      "o.id, o.code, o.name, o.kind, o.category, o.unit_type, o.unit_name, o.trade, o.region_code,"
          + " o.parent_id, o.path, o.tree_path, o.established_on, o.dissolved_on, o.secretary_name,"
          + " (select count(*) from organization c where c.parent_id = o.id and c.dissolved_on is null)"
          + " as child_count";

  private final JdbcClient jdbc;
  private final Regions regions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final List<DissolutionCheck> dissolutionChecks;

  Organizations(
      JdbcClient jdbc,
      Regions regions,
      ApplicationEventPublisher events,
      Clock clock,
      List<DissolutionCheck> dissolutionChecks) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.events = events;
    this.clock = clock;
    this.dissolutionChecks = dissolutionChecks;
  }

  // ---- reading -------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Optional<OrganizationView> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from organization o where o.id = ?")
        .param(id)
        .query(Organizations::view)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<OrganizationView> findByCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from organization o where o.code = ?")
        .param(code)
        .query(Organizations::view)
        .optional();
  }

  /** The names of the given organizations that the caller may see, by id. */
  @Transactional(readOnly = true)
  public Map<Long, String> names(java.util.Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql("select id, name from organization where id in (:ids)")
        .param("ids", List.copyOf(ids))
        .query(
            rs -> {
              names.put(rs.getLong(1), rs.getString(2));
            });
    return names;
  }

  /** The paths (the scope they lie in) of the given organizations that the caller may see. */
  @Transactional(readOnly = true)
  public Map<Long, ScopePath> paths(java.util.Collection<Long> ids) {
    Map<Long, ScopePath> paths = new HashMap<>();
    if (ids.isEmpty()) {
      return paths;
    }
    jdbc.sql("select id, path from organization where id in (:ids)")
        .param("ids", List.copyOf(ids))
        .query(
            rs -> {
              paths.put(rs.getLong(1), new ScopePath(rs.getString(2)));
            });
    return paths;
  }

  /** An organization that may hold members, as the member register places them. */
  public record Holder(
      long id,
      String name,
      ScopePath path,
      ScopePath treePath,
      String regionCode,
      UnitType unitType,
      OrganizationCategory category,
      @Nullable String trade) {}

  /** Every active organization that may hold members (branches and general branches). */
  @Transactional(readOnly = true)
  public List<Holder> memberHolders() {
    return jdbc.sql(
            "select id, name, path, tree_path, region_code, unit_type, category, trade from organization"
                + " where dissolved_on is null and kind in ('BRANCH', 'GENERAL_BRANCH')"
                + " and not (kind = 'GENERAL_BRANCH' and exists (select 1 from organization c"
                + " where c.parent_id = organization.id and c.kind = 'BRANCH' and c.dissolved_on is null))"
                + " order by id")
        .query(
            (rs, n) ->
                new Holder(
                    rs.getLong(1),
                    rs.getString(2),
                    new ScopePath(rs.getString(3)),
                    new ScopePath(rs.getString(4)),
                    rs.getString(5),
                    UnitType.valueOf(rs.getString(6)),
                    OrganizationCategory.valueOf(rs.getString(7)),
                    rs.getString(8)))
        .list();
  }

  /** The highest active organizations the caller may see. */
  @Transactional(readOnly = true)
  public List<OrganizationView> roots() {
    return jdbc.sql(
            // Only the organization that is the scope itself, or one that heads its region's part
            // of
            // the tree, can have a parent the caller may not see (organization_region_top_idx); and
            // the heads share a few hundred parents, each looked up once.
            "with tops as materialized (select id, parent_id from organization where dissolved_on"
                + " is null and path ~ '^(/[0-9]+)*/o[0-9]+/$'),"
                + " hidden as (select p.parent_id from (select distinct parent_id from tops where"
                + " parent_id is not null) p where not exists (select 1 from organization x where"
                + " x.id = p.parent_id)),"
                + " roots as (select id from tops where parent_id is null union all select t.id"
                + " from tops t join hidden h on h.parent_id = t.parent_id union all select id from"
                + " organization where path = app_scope() and dissolved_on is null)"
                + " select "
                + COLUMNS
                + " from organization o where o.id in (select id from roots) order by o.path")
        .query(Organizations::view)
        .list();
  }

  @Transactional(readOnly = true)
  public List<OrganizationView> children(long parentId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from organization o where o.parent_id = ? and o.dissolved_on is null"
                + " order by o.kind, o.name")
        .param(parentId)
        .query(Organizations::view)
        .list();
  }

  /** An organization's place in the tree as it stood on a date. */
  public record Historic(
      long id, String name, OrganizationKind kind, @Nullable Long parentId, int childCount) {
    public boolean hasChildren() {
      return childCount > 0;
    }
  }

  private static final String HISTORIC =
      "select v.organization_id, v.name, v.kind, v.parent_id,"
          + " (select count(*) from organization_version c where c.parent_id = v.organization_id"
          + "   and c.valid_from <= :on and (c.valid_to is null or c.valid_to > :on)) as child_count"
          + " from organization_version v where v.valid_from <= :on"
          + " and (v.valid_to is null or v.valid_to > :on)";

  /** The top of the tree as it stood on a date. */
  @Transactional(readOnly = true)
  public List<Historic> rootsOn(LocalDate on) {
    return jdbc.sql(
            HISTORIC
                + " and (v.parent_id is null or not exists (select 1 from organization_version p"
                + " where p.organization_id = v.parent_id and p.valid_from <= :on"
                + " and (p.valid_to is null or p.valid_to > :on))) order by v.path")
        .param("on", on)
        .query(Organizations::historic)
        .list();
  }

  /** The children of an organization as they stood on a date. */
  @Transactional(readOnly = true)
  public List<Historic> childrenOn(long parentId, LocalDate on) {
    return jdbc.sql(HISTORIC + " and v.parent_id = :parent order by v.kind, v.name")
        .param("on", on)
        .param("parent", parentId)
        .query(Organizations::historic)
        .list();
  }

  /** A page of a search by name or code within the caller's scope. */
  public record Page(List<OrganizationView> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  @Transactional(readOnly = true)
  public Page search(
      String text, @Nullable OrganizationKind kind, @Nullable Long under, int page, int size) {
    String q = text.trim();
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String underPath = null;
    if (under != null) {
      underPath = find(under).map(o -> o.treePath().value()).orElse("~");
    }
    String where =
        " from organization o where o.dissolved_on is null"
            + " and (:q = '' or o.name like :like escape '\\' or o.code = :q)"
            + " and (cast(:kind as text) is null or o.kind = cast(:kind as text))"
            + " and (cast(:under as text) is null or starts_with(o.tree_path, cast(:under as text)))";
    long total =
        jdbc.sql("select count(*)" + where)
            .param("q", q)
            .param("like", like)
            .param("kind", kind == null ? null : kind.name())
            .param("under", underPath)
            .query(Long.class)
            .single();
    List<OrganizationView> rows =
        jdbc.sql("select " + COLUMNS + where + " order by o.path limit :size offset :offset")
            .param("q", q)
            .param("like", like)
            .param("kind", kind == null ? null : kind.name())
            .param("under", underPath)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(Organizations::view)
            .list();
    return new Page(rows, page, size, total);
  }

  @Transactional(readOnly = true)
  public List<OrganizationEvent> history(long id) {
    return jdbc.sql(
            "select id, organization_id, effective_on, kind, old_value, new_value, recorded_by,"
                + " recorded_at from organization_event where organization_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new OrganizationEvent(
                    rs.getLong("id"),
                    rs.getLong("organization_id"),
                    rs.getObject("effective_on", LocalDate.class),
                    OrganizationEvent.Kind.valueOf(rs.getString("kind")),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /**
   * Standing organizations of each kind in the caller's scope, or below one organization the caller
   * may see, read from the organization tally (V6_10): a few rows, however large the scope.
   */
  @Transactional(readOnly = true)
  public Map<OrganizationKind, Long> countByKind(@Nullable Long under) {
    Map<OrganizationKind, Long> counts = noOrganizations();
    jdbc.sql(
            under == null
                ? "select kind, organizations from organization_tally where subtree = app_scope()"
                : "select kind, organizations from organization_tally where subtree = :subtree"
                    + " and exists (select 1 from organization where id = :id)")
        .param("subtree", "o" + under)
        .param("id", under == null ? 0L : under)
        .query(
            (java.sql.ResultSet rs) -> {
              counts.put(OrganizationKind.valueOf(rs.getString(1)), rs.getLong(2));
            });
    return counts;
  }

  /**
   * The same figures counted from the organization rows themselves: the reference that {@link
   * #countByKind} must equal. It reads every organization of the subtree.
   */
  @Transactional(readOnly = true)
  public Map<OrganizationKind, Long> countByKindOfRows(@Nullable Long under) {
    String underPath =
        under == null ? null : find(under).map(o -> o.treePath().value()).orElse("~");
    Map<OrganizationKind, Long> counts = noOrganizations();
    jdbc.sql(
            "select kind, count(*) from organization where dissolved_on is null"
                + " and (cast(:under as text) is null or starts_with(tree_path, cast(:under as text)))"
                + " group by kind")
        .param("under", underPath)
        .query(
            (java.sql.ResultSet rs) -> {
              counts.put(OrganizationKind.valueOf(rs.getString(1)), rs.getLong(2));
            });
    return counts;
  }

  private static Map<OrganizationKind, Long> noOrganizations() {
    Map<OrganizationKind, Long> counts = new EnumMap<>(OrganizationKind.class);
    for (OrganizationKind k : OrganizationKind.values()) {
      counts.put(k, 0L);
    }
    return counts;
  }

  // ---- changing ------------------------------------------------------------------------------

  @PreAuthorize(EDITORS)
  public long establish(Establish cmd) {
    if (cmd.name().isBlank()) {
      throw new InvalidValueException("organization.invalid.name");
    }
    LocalDate today = LocalDate.now(clock);
    if (cmd.on().isAfter(today)) {
      throw new InvalidValueException("organization.rule.no-future-change", today);
    }
    ScopePath regionPath =
        regions
            .pathOf(cmd.regionCode())
            .orElseThrow(
                () -> new InvalidValueException("organization.invalid.region", cmd.regionCode()));
    OrganizationView parent = null;
    if (cmd.parentId() != null) {
      parent = require(cmd.parentId());
      OrganizationRules.active(parent.dissolvedOn()).orThrow();
      OrganizationRules.effectiveDate(cmd.on(), parent.establishedOn(), today).orThrow();
      ScopePath parentRegion = regionPath(parent.regionCode());
      OrganizationRules.regionWithinParent(regionPath, parentRegion).orThrow();
    }
    OrganizationRules.kindFitsParent(cmd.kind(), parent == null ? null : parent.kind()).orThrow();
    long id = jdbc.sql("select nextval('organization_id_seq')").query(Long.class).single();
    ScopePath base =
        parent != null && parent.regionCode().equals(cmd.regionCode()) ? parent.path() : regionPath;
    ScopePath path = base.child("o" + id);
    ScopePath treePath = (parent == null ? ScopePath.ROOT : parent.treePath()).child("o" + id);
    jdbc.sql(
            """
            insert into organization (id, code, name, kind, category, unit_type, unit_name, trade,
              region_code, parent_id, path, tree_path, depth, established_on, secretary_name)
            values (:id, :code, :name, :kind, :category, :unitType, :unitName, :trade, :region,
              :parent, :path, :treePath, :depth, :on, :secretary)
            """)
        .param("id", id)
        .param("code", String.format("O%06d", id))
        .param("name", cmd.name().trim())
        .param("kind", cmd.kind().name())
        .param("category", cmd.category().name())
        .param("unitType", cmd.unitType().name())
        .param("unitName", blankToNull(cmd.unitName()))
        .param("trade", blankToNull(cmd.trade()))
        .param("region", cmd.regionCode())
        .param("parent", cmd.parentId())
        .param("path", path.value())
        .param("treePath", treePath.value())
        .param("depth", path.value().split("/").length - 1)
        .param("on", cmd.on())
        .param("secretary", blankToNull(cmd.secretaryName()))
        .update();
    openVersion(
        id,
        cmd.on(),
        cmd.name().trim(),
        cmd.kind(),
        cmd.category(),
        cmd.parentId(),
        path,
        cmd.regionCode());
    event(id, cmd.on(), OrganizationEvent.Kind.ESTABLISHED, null, cmd.name().trim(), path);
    Map<String, Change> changes = new HashMap<>();
    changes.put("name", new Change(null, cmd.name().trim()));
    changes.put("kind", new Change(null, cmd.kind().name()));
    changes.put(
        "parent", new Change(null, cmd.parentId() == null ? null : cmd.parentId().toString()));
    changes.put("establishedOn", new Change(null, cmd.on().toString()));
    events.publishEvent(
        new RecordChanged("organization", Long.toString(id), "establish", path.value(), changes));
    return id;
  }

  @PreAuthorize(EDITORS)
  public void rename(long id, String name, LocalDate on) {
    if (name.isBlank()) {
      throw new InvalidValueException("organization.invalid.name");
    }
    OrganizationView org = require(id);
    OrganizationRules.active(org.dissolvedOn()).orThrow();
    OrganizationRules.effectiveDate(on, lastChange(id), LocalDate.now(clock)).orThrow();
    jdbc.sql("update organization set name = ?, version = version + 1 where id = ?")
        .params(name.trim(), id)
        .update();
    newVersion(id, on, Map.of("name", name.trim()));
    event(id, on, OrganizationEvent.Kind.RENAMED, org.name(), name.trim(), org.path());
    events.publishEvent(
        new RecordChanged(
            "organization",
            Long.toString(id),
            "rename",
            org.path().value(),
            Map.of(
                "name",
                new Change(org.name(), name.trim()),
                "effectiveOn",
                new Change(null, on.toString()))));
  }

  /** Moves an organization under another (改隶), with its subtree. */
  @PreAuthorize(EDITORS)
  public void move(long id, long newParentId, LocalDate on) {
    OrganizationView org = require(id);
    OrganizationView parent = require(newParentId);
    OrganizationRules.active(org.dissolvedOn()).orThrow();
    OrganizationRules.active(parent.dissolvedOn()).orThrow();
    OrganizationRules.effectiveDate(on, lastChange(id), LocalDate.now(clock)).orThrow();
    OrganizationRules.notUnderItself(org.treePath(), parent.treePath()).orThrow();
    OrganizationRules.kindFitsParent(org.kind(), parent.kind()).orThrow();
    ScopePath region = regionPath(org.regionCode());
    OrganizationRules.regionWithinParent(region, regionPath(parent.regionCode())).orThrow();
    ScopePath base = parent.regionCode().equals(org.regionCode()) ? parent.path() : region;
    ScopePath newPath = base.child("o" + id);
    ScopePath newTreePath = parent.treePath().child("o" + id);
    jdbc.sql("update organization set parent_id = ?, version = version + 1 where id = ?")
        .params(newParentId, id)
        .update();
    movePaths(org.path(), newPath);
    jdbc.sql(
            "update organization set tree_path = :new || substr(tree_path, length(:old) + 1)"
                + " where starts_with(tree_path, :old)")
        .param("new", newTreePath.value())
        .param("old", org.treePath().value())
        .update();
    newVersion(id, on, Map.of("parent_id", newParentId));
    event(id, on, OrganizationEvent.Kind.MOVED, nameOf(org.parentId()), parent.name(), newPath);
    events.publishEvent(
        new OrganizationMoved(
            id, org.path().value(), newPath.value(), org.treePath().value(), newTreePath.value()));
    events.publishEvent(
        new RecordChanged(
            "organization",
            Long.toString(id),
            "move",
            newPath.value(),
            Map.of(
                "parent", new Change(String.valueOf(org.parentId()), Long.toString(newParentId)),
                "path", new Change(org.path().value(), newPath.value()),
                "effectiveOn", new Change(null, on.toString()))));
  }

  /** Merges one organization into another: its children and members go to the target; it ends. */
  @PreAuthorize(EDITORS)
  public void merge(long sourceId, long targetId, LocalDate on) {
    if (sourceId == targetId) {
      throw new InvalidValueException("organization.rule.merge-into-itself");
    }
    OrganizationView source = require(sourceId);
    OrganizationView target = require(targetId);
    OrganizationRules.active(source.dissolvedOn()).orThrow();
    OrganizationRules.active(target.dissolvedOn()).orThrow();
    OrganizationRules.effectiveDate(on, lastChange(sourceId), LocalDate.now(clock)).orThrow();
    OrganizationRules.notUnderItself(source.treePath(), target.treePath()).orThrow();
    for (OrganizationView child : children(sourceId)) {
      move(child.id(), targetId, on);
    }
    events.publishEvent(
        new OrganizationMerged(
            sourceId, targetId, target.path().value(), target.treePath().value(), on));
    end(source, on, targetId);
    event(sourceId, on, OrganizationEvent.Kind.MERGED, null, target.name(), source.path());
    event(targetId, on, OrganizationEvent.Kind.ABSORBED, null, source.name(), target.path());
    events.publishEvent(
        new RecordChanged(
            "organization",
            Long.toString(sourceId),
            "merge",
            source.path().value(),
            Map.of(
                "mergedInto",
                new Change(null, Long.toString(targetId)),
                "effectiveOn",
                new Change(null, on.toString()))));
  }

  /** Dissolves (撤销) an organization with no active children and nothing that still needs it. */
  @PreAuthorize(EDITORS)
  public void dissolve(long id, LocalDate on) {
    OrganizationView org = require(id);
    OrganizationRules.active(org.dissolvedOn()).orThrow();
    OrganizationRules.effectiveDate(on, lastChange(id), LocalDate.now(clock)).orThrow();
    OrganizationRules.noActiveChildren(org.childCount()).orThrow();
    for (DissolutionCheck check : dissolutionChecks) {
      check
          .refusal(id)
          .ifPresent(
              key -> {
                throw new InvalidValueException(key);
              });
    }
    events.publishEvent(new OrganizationDissolved(id, on));
    end(org, on, null);
    event(id, on, OrganizationEvent.Kind.DISSOLVED, org.name(), null, org.path());
    events.publishEvent(
        new RecordChanged(
            "organization",
            Long.toString(id),
            "dissolve",
            org.path().value(),
            Map.of("dissolvedOn", new Change(null, on.toString()))));
  }

  @PreAuthorize(EDITORS)
  public void changeSecretary(long id, String secretaryName, String committee) {
    secretaryFollowsTerms(id, secretaryName, committee);
  }

  /**
   * Records the secretary and committee that the committee's terms name after a term ended by rule
   * rather than by an editor: its holder moved away, left the city or died, recorded by whoever may
   * record that, a branch secretary or the target of a transfer (ADR 0015). Only the member
   * module's terms call this; the organization must be one the caller's transaction can see.
   */
  public void secretaryFollowsTerms(long id, String secretaryName, String committee) {
    OrganizationView org = require(id);
    OrganizationRules.active(org.dissolvedOn()).orThrow();
    jdbc.sql(
            "update organization set secretary_name = ?, committee = ?, version = version + 1 where id = ?")
        .params(blankToNull(secretaryName), blankToNull(committee), id)
        .update();
    if (java.util.Objects.equals(org.secretaryName(), blankToNull(secretaryName))) {
      return; // the committee changed, the secretary did not
    }
    event(
        id,
        LocalDate.now(clock),
        OrganizationEvent.Kind.SECRETARY_CHANGED,
        org.secretaryName(),
        blankToNull(secretaryName),
        org.path());
    events.publishEvent(
        new RecordChanged(
            "organization",
            Long.toString(id),
            "update",
            org.path().value(),
            Map.of("secretary", new Change(org.secretaryName(), blankToNull(secretaryName)))));
  }

  // ---- internals -----------------------------------------------------------------------------

  private OrganizationView require(long id) {
    return find(id).orElseThrow(() -> new OrganizationNotFoundException(id));
  }

  private ScopePath regionPath(String code) {
    return regions
        .pathOf(code)
        .orElseThrow(() -> new InvalidValueException("organization.invalid.region", code));
  }

  private @Nullable String nameOf(@Nullable Long id) {
    return id == null ? null : find(id).map(OrganizationView::name).orElse(null);
  }

  private LocalDate lastChange(long id) {
    return jdbc.sql("select max(valid_from) from organization_version where organization_id = ?")
        .param(id)
        .query(LocalDate.class)
        .single();
  }

  /** Moves every path of the subtree in one statement, versions included. */
  private void movePaths(ScopePath oldPath, ScopePath newPath) {
    for (String table : List.of("organization", "organization_version", "organization_event")) {
      jdbc.sql(
              "update "
                  + table
                  + " set path = :new || substr(path, length(:old) + 1) where starts_with(path, :old)")
          .param("new", newPath.value())
          .param("old", oldPath.value())
          .update();
    }
    jdbc.sql(
            "update organization set depth = array_length(string_to_array(trim(both '/' from path), '/'), 1)"
                + " where starts_with(path, :new)")
        .param("new", newPath.value())
        .update();
  }

  private void end(OrganizationView org, LocalDate on, @Nullable Long mergedInto) {
    jdbc.sql(
            "update organization set dissolved_on = ?, merged_into = ?, version = version + 1 where id = ?")
        .params(on, mergedInto, org.id())
        .update();
    int closed =
        jdbc.sql(
                "update organization_version set valid_to = ? where organization_id = ? and valid_to is null and valid_from < ?")
            .params(on, org.id(), on)
            .update();
    if (closed == 0) {
      // Established and ended on the same day: it never stood in any tree.
      jdbc.sql("delete from organization_version where organization_id = ? and valid_from = ?")
          .params(org.id(), on)
          .update();
    }
  }

  private void openVersion(
      long id,
      LocalDate from,
      String name,
      OrganizationKind kind,
      OrganizationCategory category,
      @Nullable Long parentId,
      ScopePath path,
      String region) {
    jdbc.sql(
            """
            insert into organization_version (organization_id, valid_from, name, kind, category,
              parent_id, path, region_code) values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, from, name, kind.name(), category.name(), parentId, path.value(), region)
        .update();
  }

  /**
   * Closes the current version on {@code on} and opens the next with the changed columns, or
   * changes the current one where it began that same day.
   */
  private void newVersion(long id, LocalDate on, Map<String, Object> changed) {
    OrganizationView now = require(id);
    jdbc.sql("delete from organization_version where organization_id = ? and valid_from = ?")
        .params(id, on)
        .update();
    jdbc.sql(
            "update organization_version set valid_to = ? where organization_id = ? and valid_to is null")
        .params(on, id)
        .update();
    openVersion(
        id,
        on,
        now.name(),
        now.kind(),
        now.category(),
        now.parentId(),
        now.path(),
        now.regionCode());
  }

  private void event(
      long id,
      LocalDate on,
      OrganizationEvent.Kind kind,
      @Nullable String oldValue,
      @Nullable String newValue,
      ScopePath path) {
    jdbc.sql(
            """
            insert into organization_event (organization_id, effective_on, kind, old_value, new_value,
              path, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            on,
            kind.name(),
            oldValue,
            newValue,
            path.value(),
            actor(),
            OffsetDateTime.now(clock))
        .update();
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ZugongPrincipal p
        ? p.username()
        : "system";
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Historic historic(ResultSet rs, int n) throws SQLException {
    return new Historic(
        rs.getLong("organization_id"),
        rs.getString("name"),
        OrganizationKind.valueOf(rs.getString("kind")),
        (Long) rs.getObject("parent_id"),
        rs.getInt("child_count"));
  }

  static OrganizationView view(ResultSet rs, int n) throws SQLException {
    return new OrganizationView(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        OrganizationKind.valueOf(rs.getString("kind")),
        OrganizationCategory.valueOf(rs.getString("category")),
        UnitType.valueOf(rs.getString("unit_type")),
        rs.getString("unit_name"),
        rs.getString("trade"),
        rs.getString("region_code"),
        (Long) rs.getObject("parent_id"),
        new ScopePath(rs.getString("path")),
        new ScopePath(rs.getString("tree_path")),
        rs.getObject("established_on", LocalDate.class),
        rs.getObject("dissolved_on", LocalDate.class),
        rs.getString("secretary_name"),
        rs.getInt("child_count"));
  }
}
