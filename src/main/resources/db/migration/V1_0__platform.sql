-- Platform: settings, demo-data progress, the data scope, and the event publication registry.

-- The scope of the current connection, set by the application from the signed-in user with
-- set_config('zugong.scope', ?, false). Missing or empty means no scope: such a connection sees no
-- scoped row.
create function app_scope() returns text
  language sql stable
  as $$ select nullif(current_setting('zugong.scope', true), '') $$;

-- True where a tree path lies in the current scope's subtree. Written as a range on a "C"-collated
-- path so that a btree index on the path serves it.
create function in_scope(path text) returns boolean
  language sql stable
  as $$ select path collate "C" >= app_scope() collate "C" and path collate "C" < (app_scope() || '~') collate "C" $$;

create table platform_setting (
  key   text primary key,
  value text not null
);

create table platform_demo_part (
  part      text primary key,
  loaded_at timestamptz not null
);

-- Spring Modulith's JDBC event publication registry (schema v2 for PostgreSQL).
create table event_publication (
  id                     uuid not null primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Convention: foreign keys are DEFERRABLE INITIALLY DEFERRED, checked at commit. Bulk loads copy
-- each table in batches, and a child table's batch may reach the database before the last batch of
-- its parent table within the same transaction.
