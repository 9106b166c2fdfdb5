-- Inserted members whose tally a bulk writer adds itself: the member import inserts its rows in
-- chunks of 2,000 and would expand each chunk's members to their subtrees once per chunk; with
-- zugong.member_tally_deferred set for its transaction it adds all of them in one statement at the
-- end instead (member_tally_add_inserted), which aggregates before expanding.
create or replace function member_tally_track() returns trigger
  language plpgsql
  set enable_nestloop = off
  as $fn$
begin
  -- A bulk writer (the member import) that adds the tally itself once, at its end.
  if tg_op = 'INSERT' and current_setting('zugong.member_tally_deferred', true) = 'on' then
    return null;
  end if;
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


-- Adds the members whose ids a table of the session holds (one column member_id) to the tally, as
-- the insert trigger would have.
create function member_tally_add_inserted(ids regclass) returns void
  language plpgsql
  set enable_nestloop = off
  as $fn$
begin
  execute member_tally_append_sql(format('select n.org_path, n.scope_path, n.status, n.stage, n.gender,'
    || ' n.education, n.ethnicity, n.category, n.new_employment_group, n.mobile, n.birth_date, 1 as sign'
    || ' from member n join %s i on i.member_id = n.id', ids));
end
$fn$;
