-- The organization tally: how many standing organizations of each kind a subtree holds, so that
-- the statistics of a whole scope read a handful of rows instead of every organization in it (a
-- city administrator's scope holds about 30,000).
--
-- A subtree is, as in the member tally (V5_5), either an organization with everything below it in
-- the tree ('o77', a segment of tree_path) or a region with every organization placed in it (its
-- path, '/330200/330203/'): the scope of an administrator. An organization's region lies within
-- its parent's, so the organizations below one that a user may see are all visible to that user.
--
-- Organizations change seldom (a page's action, an import of a few thousand rows), so a statement
-- trigger adds its net change to the rows directly, in the transaction that makes it: no folding.
-- It writes as the whole city (the writer's scope would refuse the rows of the subtrees above it)
-- and restores the writer's scope at once; rows are read within the reader's scope.

create table organization_tally (
  subtree       text collate "C" not null,
  -- The region's path, or the organization's own: who may see it may see these figures.
  scope_path    text collate "C" not null,
  kind          text not null,
  organizations bigint not null,
  primary key (subtree, kind) include (organizations)
);
create index organization_tally_scope_idx on organization_tally (scope_path);

alter table organization_tally enable row level security;
alter table organization_tally force row level security;
create policy organization_tally_in_scope on organization_tally
  using (in_scope(scope_path)) with check (in_scope(scope_path));

-- The region part of an organization's path ('/330200/330203/o432/o433/' -> '/330200/330203/').
create function organization_tally_region(path text) returns text
  language sql immutable
  as $$ select case when position('/o' in path) > 0 then substr(path, 1, position('/o' in path)) else path end $$;

-- The statement that adds the standing organizations of a set of rows (sign +1 or -1) to the tally
-- of every subtree they lie in: each organization of their tree path, their region and every region
-- above it. (The trigger runs it itself: transition tables are seen only there.)
create function organization_tally_sql(source text) returns text
  language sql immutable
  as $fn$
  select format($sql$
    with c as materialized (
      select tree_path, organization_tally_region(path) as region, kind, sum(sign) as n
      from (%s) s
      group by tree_path, organization_tally_region(path), kind
    ),
    t as (
      -- The organizations of the tree path, with their own paths as they now stand (one deleted
      -- in this statement has none: its region's stands in).
      select seg as subtree, coalesce(a.path, c.region) as scope_path, c.kind, c.n
      from c
      cross join lateral unnest(string_to_array(trim(both '/' from c.tree_path), '/')) seg
      left join organization a on a.id = cast(substr(seg, 2) as bigint)
      union all
      select '/', '/', c.kind, c.n from c
      union all
      select r.subtree, r.subtree, c.kind, c.n
      from c
      cross join lateral (
        select '/' || array_to_string(p[1:k], '/') || '/' as subtree
        from (select string_to_array(trim(both '/' from c.region), '/') as p) x,
             generate_series(1, coalesce(array_length(x.p, 1), 0)) k
      ) r
    )
    insert into organization_tally (subtree, scope_path, kind, organizations)
    select subtree, min(scope_path), kind, sum(n) from t
    group by subtree, kind
    -- (A net change of nought still moves an organization's own row to its new path.)
    order by subtree, kind
    on conflict (subtree, kind) do update
      set organizations = organization_tally.organizations + excluded.organizations,
          scope_path = excluded.scope_path
  $sql$, source)
$fn$;

-- Writes as the whole city, then gives the writer its own scope back.
create function organization_tally_track() returns trigger
  language plpgsql
  as $fn$
declare
  writer text := current_setting('zugong.scope', true);
begin
  perform set_config('zugong.scope', '/', true);
  if tg_op = 'INSERT' then
    execute organization_tally_sql(
      'select tree_path, path, kind, 1 as sign from organization_tally_new where dissolved_on is null');
  elsif tg_op = 'DELETE' then
    execute organization_tally_sql(
      'select tree_path, path, kind, -1 as sign from organization_tally_old where dissolved_on is null');
  else
    -- Only the rows whose place, kind or standing changed: renames and secretaries cost a join.
    execute organization_tally_sql(
      'select o.tree_path, o.path, o.kind, -1 as sign from organization_tally_old o'
      || ' join organization_tally_new n on n.id = o.id'
      || ' where o.dissolved_on is null and (n.dissolved_on is not null or (o.tree_path, o.path, o.kind)'
      || ' is distinct from (n.tree_path, n.path, n.kind))'
      || ' union all '
      || 'select n.tree_path, n.path, n.kind, 1 as sign from organization_tally_old o'
      || ' join organization_tally_new n on n.id = o.id'
      || ' where n.dissolved_on is null and (o.dissolved_on is not null or (o.tree_path, o.path, o.kind)'
      || ' is distinct from (n.tree_path, n.path, n.kind))');
  end if;
  perform set_config('zugong.scope', coalesce(writer, ''), true);
  return null;
end
$fn$;

create trigger organization_tally_insert after insert on organization
  referencing new table as organization_tally_new
  for each statement execute function organization_tally_track();
create trigger organization_tally_update after update on organization
  referencing old table as organization_tally_old new table as organization_tally_new
  for each statement execute function organization_tally_track();
create trigger organization_tally_delete after delete on organization
  referencing old table as organization_tally_old
  for each statement execute function organization_tally_track();

-- The organizations already in the register (an existing database).
select set_config('zugong.scope', '/', true);
do $$ begin
  execute organization_tally_sql(
    'select tree_path, path, kind, 1 as sign from organization where dissolved_on is null');
end $$;
select set_config('zugong.scope', '', true);

-- The tops of the tree within a scope: a scope is a region, and an organization whose parent lies
-- in the same region extends its parent's path, so only an organization that heads its region's
-- part of the tree ('/330200/330203/o432/') can have a parent outside the scope.
create index organization_region_top_idx on organization (path)
  where dissolved_on is null and path ~ '^(/[0-9]+)*/o[0-9]+/$';
