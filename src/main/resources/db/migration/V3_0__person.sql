-- People: one record per person, shared by the member, cadre and talent modules.

create table person (
  id                   bigint primary key,
  name                 text not null,
  gender               text not null check (gender in ('MALE', 'FEMALE')),
  ethnicity            text not null,
  birth_date           date not null,
  id_number_cipher     bytea not null,
  id_number_index      text not null unique,
  id_number_masked     text not null,
  phone_cipher         bytea,
  phone_masked         text,
  education            text not null,
  occupation           text,
  category             text not null,
  new_employment_group text check (new_employment_group in ('COURIER', 'DELIVERY_RIDER', 'TRUCK_DRIVER')),
  scope_path           text collate "C" not null,
  created_at           timestamptz not null,
  updated_at           timestamptz not null
);
create sequence person_id_seq owned by person.id;
create index person_scope_idx on person (scope_path);
create index person_name_idx on person ((name collate "C"));

-- Further places a person is seen from (a talent's institution, a cadre's unit), added by other modules.
create table person_scope (
  person_id  bigint not null references person (id) on delete cascade deferrable initially deferred,
  source     text not null,
  scope_path text collate "C" not null,
  primary key (person_id, source)
);
create index person_scope_path_idx on person_scope (scope_path);

-- Every change of a field, with its old and new value (personal data masked).
create table person_change (
  id         bigserial primary key,
  person_id  bigint not null references person (id) deferrable initially deferred,
  field      text not null,
  old_value  text,
  new_value  text,
  changed_by text not null,
  changed_at timestamptz not null,
  scope_path text collate "C" not null
);
create index person_change_person_idx on person_change (person_id, id);

alter table person enable row level security;
alter table person force row level security;
create policy person_in_scope on person
  using (in_scope(scope_path) or exists (select 1 from person_scope s where s.person_id = person.id and in_scope(s.scope_path)))
  with check (in_scope(scope_path));

alter table person_scope enable row level security;
alter table person_scope force row level security;
create policy person_scope_in_scope on person_scope using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table person_change enable row level security;
alter table person_change force row level security;
create policy person_change_in_scope on person_change using (in_scope(scope_path)) with check (in_scope(scope_path));
