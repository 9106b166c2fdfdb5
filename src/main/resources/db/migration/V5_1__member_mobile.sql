-- Mobile party members (流动党员): one record per period of mobility of a member, and the five steps
-- taken for it (contacts, moves and the return, skills and services) with its placements.
--
-- Every row carries the member's scope_path, so the organizations holding the relationship see it,
-- and placing_path, the path of the organization the member is placed with now, so that
-- organization's subtree sees it too while the placement lasts.

create table member_mobile (
  id                      bigint primary key,
  member_id               bigint not null references member (id) deferrable initially deferred,
  scope_path              text collate "C" not null,
  placing_path            text collate "C",
  member_name             text not null,
  organization_id         bigint not null,
  organization_name       text not null,
  -- The region of the organization holding the relationship when the member was located.
  relationship_region     text collate "C" not null,
  found_by                text not null,
  found_on                date not null,
  -- A place is a region of the city (its path and name) or a place outside (its name only).
  found_region            text collate "C",
  found_place             text not null,
  found_since             date not null,
  found_fixed             boolean not null,
  certificate             text,
  registered_on           date,
  -- Kept from the records below so that lists and coverage need no join.
  current_region          text collate "C",
  current_place           text not null,
  current_since           date not null,
  current_fixed           boolean not null,
  last_contact_on         date not null,
  transfer_due_on         date,
  placing_organization_id bigint,
  placing_code            text,
  placing_name            text,
  placing_route           text check (placing_route in ('WORKPLACE', 'RESIDENCE', 'REGIONAL')),
  placed_on               date,
  returned_on             date,
  version                 integer not null default 0,
  created_at              timestamptz not null,
  updated_at              timestamptz not null,
  check ((certificate is null) = (registered_on is null)),
  check ((placing_organization_id is null) = (placing_path is null))
);
create sequence member_mobile_id_seq owned by member_mobile.id;
-- One open period of mobility per member.
create unique index member_mobile_open_idx on member_mobile (member_id) where returned_on is null;
create index member_mobile_scope_idx on member_mobile (scope_path);
create index member_mobile_placing_idx on member_mobile (placing_path);

create table member_mobile_contact (
  id           bigserial primary key,
  mobile_id    bigint not null references member_mobile (id) deferrable initially deferred,
  contacted_on date not null,
  channel      text not null check (channel in ('VISIT', 'PHONE', 'VIDEO', 'ONLINE_MESSAGE', 'MEETING')),
  note         text not null,
  scope_path   text collate "C" not null,
  placing_path text collate "C",
  recorded_by  text not null,
  recorded_at  timestamptz not null
);
create index member_mobile_contact_mobile_idx on member_mobile_contact (mobile_id, contacted_on);
create index member_mobile_contact_scope_idx on member_mobile_contact (scope_path);
create index member_mobile_contact_placing_idx on member_mobile_contact (placing_path);

-- The TRACK step: moves (with the new place) and the return home.
create table member_mobile_track (
  id           bigserial primary key,
  mobile_id    bigint not null references member_mobile (id) deferrable initially deferred,
  kind         text not null check (kind in ('MOVED', 'RETURNED')),
  effective_on date not null,
  region       text collate "C",
  place        text,
  fixed        boolean,
  scope_path   text collate "C" not null,
  placing_path text collate "C",
  recorded_by  text not null,
  recorded_at  timestamptz not null,
  check ((kind = 'MOVED') = (place is not null and fixed is not null))
);
create index member_mobile_track_mobile_idx on member_mobile_track (mobile_id, effective_on);
create index member_mobile_track_scope_idx on member_mobile_track (scope_path);
create index member_mobile_track_placing_idx on member_mobile_track (placing_path);

-- The ENGAGE step: skills offered (undated) and services given (dated).
create table member_mobile_engagement (
  id           bigserial primary key,
  mobile_id    bigint not null references member_mobile (id) deferrable initially deferred,
  kind         text not null check (kind in ('SKILL', 'SERVICE')),
  served_on    date,
  description  text not null,
  scope_path   text collate "C" not null,
  placing_path text collate "C",
  recorded_by  text not null,
  recorded_at  timestamptz not null,
  check ((kind = 'SERVICE') = (served_on is not null))
);
create index member_mobile_engagement_mobile_idx on member_mobile_engagement (mobile_id, id);
create unique index member_mobile_skill_idx on member_mobile_engagement (mobile_id, description) where kind = 'SKILL';
create index member_mobile_engagement_scope_idx on member_mobile_engagement (scope_path);
create index member_mobile_engagement_placing_idx on member_mobile_engagement (placing_path);

-- Placements (三个一批), the open one without ended_on. organization_path is the placing
-- organization's own path; placing_path, as on every row, the current placement's.
create table member_mobile_placement (
  id                bigserial primary key,
  mobile_id         bigint not null references member_mobile (id) deferrable initially deferred,
  route             text not null check (route in ('WORKPLACE', 'RESIDENCE', 'REGIONAL')),
  organization_id   bigint not null,
  organization_code text not null,
  organization_name text not null,
  organization_path text collate "C" not null,
  placed_on         date not null,
  ended_on          date,
  scope_path        text collate "C" not null,
  placing_path      text collate "C",
  recorded_by       text not null,
  recorded_at       timestamptz not null,
  check (ended_on is null or ended_on >= placed_on)
);
create index member_mobile_placement_mobile_idx on member_mobile_placement (mobile_id, placed_on);
create unique index member_mobile_placement_open_idx on member_mobile_placement (mobile_id) where ended_on is null;
create index member_mobile_placement_scope_idx on member_mobile_placement (scope_path);
create index member_mobile_placement_placing_idx on member_mobile_placement (placing_path);

alter table member_mobile enable row level security;
alter table member_mobile force row level security;
create policy member_mobile_in_scope on member_mobile
  using (in_scope(scope_path) or in_scope(placing_path))
  with check (in_scope(scope_path) or in_scope(placing_path));

alter table member_mobile_contact enable row level security;
alter table member_mobile_contact force row level security;
create policy member_mobile_contact_in_scope on member_mobile_contact
  using (in_scope(scope_path) or in_scope(placing_path))
  with check (in_scope(scope_path) or in_scope(placing_path));

alter table member_mobile_track enable row level security;
alter table member_mobile_track force row level security;
create policy member_mobile_track_in_scope on member_mobile_track
  using (in_scope(scope_path) or in_scope(placing_path))
  with check (in_scope(scope_path) or in_scope(placing_path));

alter table member_mobile_engagement enable row level security;
alter table member_mobile_engagement force row level security;
create policy member_mobile_engagement_in_scope on member_mobile_engagement
  using (in_scope(scope_path) or in_scope(placing_path))
  with check (in_scope(scope_path) or in_scope(placing_path));

alter table member_mobile_placement enable row level security;
alter table member_mobile_placement force row level security;
create policy member_mobile_placement_in_scope on member_mobile_placement
  using (in_scope(scope_path) or in_scope(placing_path))
  with check (in_scope(scope_path) or in_scope(placing_path));

-- The records follow their member: whatever moves a member in the tree (a transfer, a moved or
-- merged organization) or renames them moves and renames their mobile records in the same
-- statement. A statement trigger with transition tables keeps a move of a whole subtree to one
-- join per table.
create function member_mobile_follow_member() returns trigger
  language plpgsql
  as $$
  begin
    update member_mobile mm
      set scope_path = n.scope_path, member_name = n.name, organization_id = n.organization_id
      from new_rows n join old_rows o on o.id = n.id
      where mm.member_id = n.id
        and (o.scope_path is distinct from n.scope_path or o.name is distinct from n.name
             or o.organization_id is distinct from n.organization_id);
    update member_mobile_contact c set scope_path = mm.scope_path
      from member_mobile mm where c.mobile_id = mm.id and c.scope_path <> mm.scope_path
        and mm.member_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                             where o.scope_path is distinct from n.scope_path);
    update member_mobile_track t set scope_path = mm.scope_path
      from member_mobile mm where t.mobile_id = mm.id and t.scope_path <> mm.scope_path
        and mm.member_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                             where o.scope_path is distinct from n.scope_path);
    update member_mobile_engagement e set scope_path = mm.scope_path
      from member_mobile mm where e.mobile_id = mm.id and e.scope_path <> mm.scope_path
        and mm.member_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                             where o.scope_path is distinct from n.scope_path);
    update member_mobile_placement p set scope_path = mm.scope_path
      from member_mobile mm where p.mobile_id = mm.id and p.scope_path <> mm.scope_path
        and mm.member_id in (select n.id from new_rows n join old_rows o on o.id = n.id
                             where o.scope_path is distinct from n.scope_path);
    return null;
  end $$;

create trigger member_mobile_follows_member after update on member
  referencing old table as old_rows new table as new_rows
  for each statement execute function member_mobile_follow_member();
