-- The member tally: how many members each organization's subtree holds, by status and, for current
-- members, by stage, gender, education, ethnicity, occupation, new employment group, mobility and
-- month of birth (age bands are worked out from the months on the day they are asked for). The
-- statistics of a subtree read the rows of its top organization instead of counting a million
-- member rows.
--
-- Exactness rests on two facts: a scope is a region path, and an organization's region lies within
-- its parent's (OrganizationRules.regionWithinParent). So whoever may see an organization may see
-- every member below it, and the rows of an organization count exactly the members that the member
-- table would show that user below it.
--
-- Triggers keep it right in the transaction that changes members, whatever the statement (page,
-- import, bulk load, transfer, merge, the move of an organization): each statement appends its net
-- change per (organization, dimension, value) to member_tally_change, never updating a shared row,
-- so writers never wait on each other. MemberTally folds the changes into member_tally in the
-- background; readers add the two.

create table member_tally (
  organization_id bigint not null,
  -- The organization's own path: who may see the organization may see these figures.
  scope_path      text collate "C" not null,
  dimension       text not null,
  value           text not null,
  members         bigint not null,
  primary key (organization_id, dimension, value) include (members)
);
create index member_tally_scope_idx on member_tally (scope_path);
create index member_tally_zero_idx on member_tally (organization_id) where members = 0;

create table member_tally_change (
  id              bigint generated always as identity primary key,
  organization_id bigint not null,
  -- The path of a member whose change this is: a member below the organization, so visible to
  -- whoever may see the organization, and within the scope of whoever made the change.
  scope_path      text collate "C" not null,
  dimension       text not null,
  value           text not null,
  members         bigint not null
);
create index member_tally_change_org_idx on member_tally_change (organization_id) include (dimension, value, members);
create index member_tally_change_scope_idx on member_tally_change (scope_path);

alter table member_tally enable row level security;
alter table member_tally force row level security;
create policy member_tally_in_scope on member_tally using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_tally_change enable row level security;
alter table member_tally_change force row level security;
create policy member_tally_change_in_scope on member_tally_change using (in_scope(scope_path)) with check (in_scope(scope_path));

-- The statement that appends the tally rows of a set of member rows (sign +1 or -1), summed per
-- ancestor organization. The organizations are read off org_path (/o1/o5/o77/); the member's own
-- organization is the last. (The trigger runs it itself: transition tables are seen only there.)
create function member_tally_append_sql(source text) returns text
  language sql immutable
  as $fn$
  select format($sql$
    insert into member_tally_change (organization_id, scope_path, dimension, value, members)
    select cast(substr(a.segment, 2) as bigint), min(f.scope_path), f.dimension, f.value, sum(f.n)
    from (
      select c.org_path, min(c.scope_path) as scope_path, d.dimension, d.value, sum(c.sign) as n
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
      group by c.org_path, d.dimension, d.value
    ) f
    cross join lateral unnest(string_to_array(trim(both '/' from f.org_path), '/')) a(segment)
    group by 1, 3, 4
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
    -- Only the rows whose counted facts changed: other updates (names, dues, paths of scope) cost a join.
    execute member_tally_append_sql(
      'select o.org_path, o.scope_path, o.status, o.stage, o.gender, o.education, o.ethnicity, o.category,'
      || ' o.new_employment_group, o.mobile, o.birth_date, -1 as sign'
      || ' from member_tally_old o join member_tally_new n on n.id = o.id'
      || ' where (o.org_path, o.status, o.stage, o.gender, o.education, o.ethnicity, o.category,'
      || ' o.new_employment_group, o.mobile, o.birth_date) is distinct from (n.org_path, n.status, n.stage,'
      || ' n.gender, n.education, n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date)'
      || ' union all '
      || 'select n.org_path, n.scope_path, n.status, n.stage, n.gender, n.education, n.ethnicity, n.category,'
      || ' n.new_employment_group, n.mobile, n.birth_date, 1 as sign'
      || ' from member_tally_old o join member_tally_new n on n.id = o.id'
      || ' where (o.org_path, o.status, o.stage, o.gender, o.education, o.ethnicity, o.category,'
      || ' o.new_employment_group, o.mobile, o.birth_date) is distinct from (n.org_path, n.status, n.stage,'
      || ' n.gender, n.education, n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date)');
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
