-- Identity: accounts, their roles and scope.
create table identity_account (
  id                  bigserial primary key,
  username            text not null unique check (username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
  display_name        text not null,
  password_hash       text not null,
  scope_code          text not null,
  scope_path          text collate "C" not null,
  locale              text not null default 'zh-CN',
  enabled             boolean not null default true,
  failed_attempts     int not null default 0,
  locked_until        timestamptz,
  id_number_cipher    bytea,
  id_number_index     text,
  id_number_masked    text,
  demo                boolean not null default false,
  created_at          timestamptz not null,
  updated_at          timestamptz not null
);
create index identity_account_scope_idx on identity_account (scope_path);
create index identity_account_id_index_idx on identity_account (id_number_index);

create table identity_account_role (
  account_id bigint not null references identity_account (id) on delete cascade deferrable initially deferred,
  role       text not null check (role in ('CITY_ADMIN', 'DISTRICT_ADMIN', 'TOWN_ADMIN', 'BRANCH_SECRETARY', 'MEMBER', 'TALENT', 'INSTITUTION_OFFICER', 'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR')),
  primary key (account_id, role)
);

alter table identity_account enable row level security;
alter table identity_account force row level security;
create policy identity_account_in_scope on identity_account
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table identity_account_role enable row level security;
alter table identity_account_role force row level security;
create policy identity_account_role_in_scope on identity_account_role
  using (exists (select 1 from identity_account a where a.id = account_id))
  with check (exists (select 1 from identity_account a where a.id = account_id));
