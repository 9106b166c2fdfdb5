-- Talent policies (人才政策) as rules: a policy has versions with effective periods; a version's
-- clauses are a JSON document checked against the schema of known facts when saved.
--
-- A policy belongs to its issuer's node: the city's general and special policies to the city, an
-- institution's custom policy to the institution. It is read by everyone at or below that node
-- (a district reads the city's policies) and by those above it; it is written only at or above it.

create table talent_policy (
  id          bigserial primary key,
  code        text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  kind        text not null check (kind in ('GENERAL', 'SPECIAL', 'CUSTOM')),
  name_zh     text not null,
  name_en     text not null,
  issuer      text not null,
  source      text not null,
  scope_path  text collate "C" not null,
  created_at  timestamptz not null
);

create table talent_policy_version (
  id              bigserial primary key,
  policy_id       bigint not null references talent_policy (id) deferrable initially deferred,
  version         int not null check (version > 0),
  status          text not null check (status in ('DRAFT', 'PUBLISHED')),
  effective_from  date not null,
  effective_to    date,
  clauses         jsonb not null,
  saved_by        text not null,
  saved_at        timestamptz not null,
  published_by    text,
  published_at    timestamptz,
  scope_path      text collate "C" not null,
  unique (policy_id, version),
  check (effective_to is null or effective_to >= effective_from),
  check ((status = 'PUBLISHED') = (published_at is not null))
);

alter table talent_policy enable row level security;
alter table talent_policy force row level security;
create policy talent_policy_in_scope on talent_policy
  using (in_scope(scope_path) or starts_with(app_scope(), scope_path))
  with check (in_scope(scope_path));

alter table talent_policy_version enable row level security;
alter table talent_policy_version force row level security;
create policy talent_policy_version_in_scope on talent_policy_version
  using (in_scope(scope_path) or starts_with(app_scope(), scope_path))
  with check (in_scope(scope_path));
