-- Party members: the member facts, with copies of the person's facts that lists and statistics need.
create table member (
  id                   bigint primary key,
  person_id            bigint not null unique,
  organization_id      bigint not null,
  scope_path           text collate "C" not null,
  org_path             text collate "C" not null,
  name                 text not null,
  gender               text not null,
  ethnicity            text not null,
  birth_date           date not null,
  id_number_index      text not null,
  id_number_masked     text not null,
  education            text not null,
  category             text not null,
  new_employment_group text,
  stage                text not null check (stage in ('PROBATIONARY', 'FULL')),
  status               text not null check (status in ('NORMAL', 'LOST_CONTACT', 'STOPPED', 'REMOVED', 'DECEASED')),
  joined_on            date not null,
  full_on              date,
  dues_category        text not null default 'SALARIED',
  monthly_income_fen   bigint,
  mobile               boolean not null default false,
  created_at           timestamptz not null,
  updated_at           timestamptz not null
);
create sequence member_id_seq owned by member.id;
create index member_scope_idx on member (scope_path, id);
create index member_org_idx on member (organization_id);
create index member_org_path_idx on member (org_path, id);
-- Names are found from their start; "C" order lets one index serve both the match and the order.
create index member_name_idx on member ((name collate "C"), id);
create index member_id_index_idx on member (id_number_index);

-- What happened to a member: joined, converted, status changes, moves between organizations.
create table member_event (
  id              bigserial primary key,
  member_id       bigint not null references member (id) deferrable initially deferred,
  kind            text not null,
  effective_on    date not null,
  organization_id bigint,
  detail          text,
  scope_path      text collate "C" not null,
  recorded_by     text not null,
  recorded_at     timestamptz not null
);
create index member_event_member_idx on member_event (member_id, id);

alter table member enable row level security;
alter table member force row level security;
create policy member_in_scope on member using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_event enable row level security;
alter table member_event force row level security;
create policy member_event_in_scope on member_event using (in_scope(scope_path)) with check (in_scope(scope_path));
