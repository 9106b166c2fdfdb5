-- The member tally: how many members each subtree holds, by status and, for current members, by
-- stage, gender, education, ethnicity, occupation, new employment group, mobility and month of birth
-- (age bands are worked out from the months on the day they are asked for). The statistics of a
-- subtree read its rows instead of counting a million member rows.
--
-- A subtree is either an organization with everything below it in the tree ('o77', the segment of
-- tree_path) or a region with every member placed in it (its path, '/330200/330203/'): the scope of
-- an administrator, whose statistics of "everything I may see" are that one subtree.
--
-- Exactness rests on two facts: a scope is a region path, and an organization's region lies within
-- its parent's (OrganizationRules.regionWithinParent). So whoever may see an organization may see
-- every member below it, and the rows of an organization count exactly the members that the member
-- table would show that user below it. The region of a member is the region part of its
-- scope_path, which is its organization's region and does not change when organizations move.
--
-- Triggers keep it right in the transaction that changes members, whatever the statement (page,
-- import, bulk load, transfer, merge, the move of an organization): each statement appends its net
-- change per (subtree, dimension, value) to member_tally_change, never updating a shared row, so
-- writers never wait on each other. MemberTally folds the changes into member_tally in the
-- background; readers add the two.

create table member_tally (
  subtree    text collate "C" not null,
  -- The organization's own path, or the region's: who may see it may see these figures.
  scope_path text collate "C" not null,
  dimension  text not null,
  value      text not null,
  members    bigint not null,
  primary key (subtree, dimension, value) include (members)
);
create index member_tally_scope_idx on member_tally (scope_path);
create index member_tally_zero_idx on member_tally (subtree) where members = 0;

create table member_tally_change (
  id         bigint generated always as identity primary key,
  subtree    text collate "C" not null,
  -- The path of a member whose change this is: a member within the subtree, so visible to whoever
  -- may see the subtree, and within the scope of whoever made the change.
  scope_path text collate "C" not null,
  dimension  text not null,
  value      text not null,
  members    bigint not null
);
create index member_tally_change_subtree_idx on member_tally_change (subtree) include (dimension, value, members);
create index member_tally_change_scope_idx on member_tally_change (scope_path);

alter table member_tally enable row level security;
alter table member_tally force row level security;
create policy member_tally_in_scope on member_tally using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_tally_change enable row level security;
alter table member_tally_change force row level security;
create policy member_tally_change_in_scope on member_tally_change using (in_scope(scope_path)) with check (in_scope(scope_path));

-- The region part of a member's scope_path ('/330200/330203/330203001/o77/o78/' ->
-- '/330200/330203/330203001/').
create function member_tally_region(scope_path text) returns text
  language sql immutable
  as $$ select case when position('/o' in scope_path) > 0
              then substr(scope_path, 1, position('/o' in scope_path)) else scope_path end $$;

-- The subtrees a member counts in: every organization of its org_path, and its region with every
-- region above it ('/', '/330200/', '/330200/330203/', ...).
create function member_tally_subtrees(org_path text, scope_path text) returns setof text
  language sql immutable
  as $$
    select s from unnest(string_to_array(trim(both '/' from org_path), '/')) s
    union all
    select '/'
    union all
    select '/' || array_to_string(r[1:k], '/') || '/'
    from (select string_to_array(trim(both '/' from member_tally_region(scope_path)), '/') as r) a,
         generate_series(1, coalesce(array_length(a.r, 1), 0)) k
  $$;

-- The statement that appends the tally rows of a set of member rows (sign +1 or -1), summed per
-- subtree. (The trigger runs it itself: transition tables are seen only there.)
create function member_tally_append_sql(source text) returns text
  language sql immutable
  as $fn$
  select format($sql$
    with f as materialized (
      select c.org_path, member_tally_region(c.scope_path) as region, min(c.scope_path) as scope_path,
        d.dimension, d.value, sum(c.sign) as n
      from (%s) c
      cross join lateral (
        select c.status in ('NORMAL', 'LOST_CONTACT', 'STOPPED') as cur
      ) s
      cross join lateral (values
        ('STATUS', c.status),
        ('STAGE', case when s.cur then c.stage end),
        ('GENDER', case when s.cur then c.gender end),
        ('EDUCATION', case when s.cur then c.education end),
        ('ETHNICITY', case when s.cur then c.ethnicity end),
        ('OCCUPATION', case when s.cur then c.category end),
        ('NEW_EMPLOYMENT', case when s.cur then c.new_employment_group end),
        ('MOBILE', case when s.cur then cast(c.mobile as text) end),
        ('BIRTH_MONTH', case when s.cur then to_char(c.birth_date, 'YYYY-MM') end)
      ) d(dimension, value)
      where d.value is not null
      group by c.org_path, member_tally_region(c.scope_path), d.dimension, d.value
    ),
    -- The subtrees of each organization and region once, not of each of their values.
    a as (
      select p.org_path, p.region, t.subtree
      from (select distinct org_path, region from f) p
      cross join lateral member_tally_subtrees(p.org_path, p.region) t(subtree)
    )
    insert into member_tally_change (subtree, scope_path, dimension, value, members)
    select a.subtree, min(f.scope_path), f.dimension, f.value, sum(f.n)
    from f join a on a.org_path = f.org_path and a.region = f.region
    group by a.subtree, f.dimension, f.value
    having sum(f.n) <> 0
  $sql$, source)
$fn$;

create function member_tally_track() returns trigger
  language plpgsql
  as $fn$
begin
  if tg_op = 'INSERT' then
    execute member_tally_append_sql('select n.org_path, n.scope_path, n.status, n.stage, n.gender, n.education,'
      || ' n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date, 1 as sign from member_tally_new n');
  elsif tg_op = 'DELETE' then
    execute member_tally_append_sql('select o.org_path, o.scope_path, o.status, o.stage, o.gender, o.education,'
      || ' o.ethnicity, o.category, o.new_employment_group, o.mobile, o.birth_date, -1 as sign from member_tally_old o');
  else
    -- Only the rows whose counted facts changed: other updates (names, dues) cost a join.
    execute member_tally_append_sql(
      'select o.org_path, o.scope_path, o.status, o.stage, o.gender, o.education, o.ethnicity, o.category,'
      || ' o.new_employment_group, o.mobile, o.birth_date, -1 as sign'
      || ' from member_tally_old o join member_tally_new n on n.id = o.id'
      || ' where (o.org_path, member_tally_region(o.scope_path), o.status, o.stage, o.gender, o.education,'
      || ' o.ethnicity, o.category, o.new_employment_group, o.mobile, o.birth_date) is distinct from'
      || ' (n.org_path, member_tally_region(n.scope_path), n.status, n.stage, n.gender, n.education,'
      || ' n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date)'
      || ' union all '
      || 'select n.org_path, n.scope_path, n.status, n.stage, n.gender, n.education, n.ethnicity, n.category,'
      || ' n.new_employment_group, n.mobile, n.birth_date, 1 as sign'
      || ' from member_tally_old o join member_tally_new n on n.id = o.id'
      || ' where (o.org_path, member_tally_region(o.scope_path), o.status, o.stage, o.gender, o.education,'
      || ' o.ethnicity, o.category, o.new_employment_group, o.mobile, o.birth_date) is distinct from'
      || ' (n.org_path, member_tally_region(n.scope_path), n.status, n.stage, n.gender, n.education,'
      || ' n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date)');
  end if;
  return null;
end
$fn$;

create trigger member_tally_insert after insert on member
  referencing new table as member_tally_new
  for each statement execute function member_tally_track();
create trigger member_tally_update after update on member
  referencing old table as member_tally_old new table as member_tally_new
  for each statement execute function member_tally_track();
create trigger member_tally_delete after delete on member
  referencing old table as member_tally_old
  for each statement execute function member_tally_track();

-- Members already in the register (an existing database): their tally, as changes that the
-- background folding moves into member_tally.
select set_config('zugong.scope', '/', true);
do $$ begin
  execute member_tally_append_sql('select c.org_path, c.scope_path, c.status, c.stage, c.gender,'
    || ' c.education, c.ethnicity, c.category, c.new_employment_group, c.mobile, c.birth_date, 1 as sign'
    || ' from member c');
end $$;
select set_config('zugong.scope', '', true);

-- Age bands split a month of birth on the day they are asked for: the members born in such a month
-- are counted one by one.
create index member_birth_current_idx on member (birth_date, org_path) include (scope_path)
  where status in ('NORMAL', 'LOST_CONTACT', 'STOPPED');
