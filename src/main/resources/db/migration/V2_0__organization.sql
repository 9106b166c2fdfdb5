-- Party organizations: the tree every member, cadre and figure hangs on, with its history.
create table organization (
  id             bigint primary key,
  code           text not null unique,
  name           text not null,
  kind           text not null check (kind in ('COMMITTEE', 'WORKING_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
  category       text not null check (category in ('REGULAR', 'FUNCTIONAL', 'REGIONAL')),
  unit_type      text not null check (unit_type in ('PARTY_COMMITTEE', 'VILLAGE', 'COMMUNITY', 'AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANIZATION', 'SCHOOL', 'NEW_EMPLOYMENT', 'OTHER')),
  unit_name      text,
  trade          text,
  region_code    text not null,
  parent_id      bigint references organization (id) deferrable initially deferred,
  path           text collate "C" not null unique,
  -- The organization's ancestry alone (/o1/o5/o77/): its subtree, whatever regions it spans.
  tree_path      text collate "C" not null unique,
  depth          int not null,
  established_on date not null,
  dissolved_on   date,
  merged_into    bigint references organization (id) deferrable initially deferred,
  secretary_name text,
  committee      text,
  version        int not null default 0
);
create sequence organization_id_seq owned by organization.id;
create index organization_parent_idx on organization (parent_id) where dissolved_on is null;
create index organization_region_idx on organization (region_code);
create index organization_name_idx on organization (name text_pattern_ops);
create index organization_kind_idx on organization (kind);
create index organization_tree_idx on organization (tree_path);

-- One row per period in which an organization's name, place and kind stayed the same:
-- the tree as it stood on any date is the set of rows valid on that date.
create table organization_version (
  organization_id bigint not null references organization (id) deferrable initially deferred,
  valid_from      date not null,
  valid_to        date,
  name            text not null,
  kind            text not null,
  category        text not null,
  parent_id       bigint,
  path            text collate "C" not null,
  region_code     text not null,
  primary key (organization_id, valid_from),
  check (valid_to is null or valid_to > valid_from)
);
create index organization_version_parent_idx on organization_version (parent_id, valid_from);
create index organization_version_path_idx on organization_version (path);

-- What happened, when it took effect and who recorded it: establish, rename, move, merge, dissolve.
create table organization_event (
  id              bigserial primary key,
  organization_id bigint not null references organization (id) deferrable initially deferred,
  effective_on    date not null,
  kind            text not null check (kind in ('ESTABLISHED', 'RENAMED', 'MOVED', 'MERGED', 'ABSORBED', 'DISSOLVED', 'SECRETARY_CHANGED')),
  old_value       text,
  new_value       text,
  path            text collate "C" not null,
  recorded_by     text not null,
  recorded_at     timestamptz not null
);
create index organization_event_org_idx on organization_event (organization_id, id);

alter table organization enable row level security;
alter table organization force row level security;
create policy organization_in_scope on organization using (in_scope(path)) with check (in_scope(path));

alter table organization_version enable row level security;
alter table organization_version force row level security;
create policy organization_version_in_scope on organization_version using (in_scope(path)) with check (in_scope(path));

alter table organization_event enable row level security;
alter table organization_event force row level security;
create policy organization_event_in_scope on organization_event using (in_scope(path)) with check (in_scope(path));
