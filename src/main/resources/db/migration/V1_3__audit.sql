-- Audit: an append-only log whose rows are chained by SHA-256, so that a row changed or removed
-- directly in the database is found by verification.
create table audit_event (
  seq         bigint primary key,
  occurred_at timestamptz not null,
  actor       text not null,
  actor_id    bigint,
  action      text not null,
  entity      text,
  entity_id   text,
  scope_path  text collate "C" not null,
  details     jsonb not null default '{}'::jsonb,
  client_ip   text,
  prev_hash   text not null,
  hash        text not null
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc);
create index audit_event_scope_idx on audit_event (scope_path);

-- The newest row's sequence number and hash; its row lock serializes appends to the chain.
create table audit_chain_head (
  id   int primary key check (id = 1),
  seq  bigint not null,
  hash text not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- The one definition of a row's hash, used both when a row is appended and when the chain is verified.
create function audit_row_hash(
    seq bigint, occurred_at timestamptz, actor text, actor_id bigint, action text, entity text,
    entity_id text, scope_path text, details jsonb, client_ip text, prev_hash text) returns text
  language sql immutable
  as $$
    select encode(sha256(convert_to(
      seq::text || chr(31) ||
      (extract(epoch from occurred_at) * 1000000)::bigint::text || chr(31) ||
      actor || chr(31) || coalesce(actor_id::text, '') || chr(31) || action || chr(31) ||
      coalesce(entity, '') || chr(31) || coalesce(entity_id, '') || chr(31) || scope_path || chr(31) ||
      details::text || chr(31) || coalesce(client_ip, '') || chr(31) || prev_hash, 'UTF8')), 'hex')
  $$;

create function audit_refuse_change() returns trigger
  language plpgsql
  as $$ begin raise exception 'audit_event is append-only'; end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_refuse_change();

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_in_scope on audit_event using (in_scope(scope_path)) with check (in_scope(scope_path));
