-- Benefits granted without application (免申即享): a run matches every talent the starter sees
-- against every policy in force on its date, proposes one grant per talent x benefit x period
-- instalment (its idempotency key unique here, across all runs), flags risks, waits for approval,
-- then writes the payment ledger; its results are published (公示) and archived.
--
-- Resuming: a run is cut into chunks of talent ids. A worker claims a pending chunk with
-- "for update skip locked", decides its talents, inserts the grants with "on conflict do nothing"
-- and marks the chunk done in the same transaction. A worker killed mid-chunk leaves the chunk
-- pending (its transaction rolls back); two workers never hold one chunk; a grant already proposed
-- for the same key is never proposed again.

-- A fund pool per policy: its balance and the two levels under which a run is warned and stopped.
create table benefit_fund_pool (
  policy_code    text primary key,
  balance        bigint not null check (balance >= 0),
  warning_level  bigint not null check (warning_level >= 0),
  stop_level     bigint not null check (stop_level >= 0 and stop_level <= warning_level),
  scope_path     text collate "C" not null
);

create table benefit_run (
  id              bigserial primary key,
  run_date        date not null,
  status          text not null check (status in ('PROPOSING', 'PROPOSED', 'PAID', 'PUBLISHED', 'ARCHIVED')),
  chunks_total    int not null,
  chunks_done     int not null default 0,
  talents_total   int not null,
  talents_done    int not null default 0,
  grants          int not null default 0,
  amount          bigint not null default 0,
  started_by      text not null,
  started_at      timestamptz not null,
  proposed_at     timestamptz,
  approved_by     text,
  paid_at         timestamptz,
  published_by    text,
  published_at    timestamptz,
  publicity_until date,
  archived_at     timestamptz,
  scope_path      text collate "C" not null
);

create table benefit_run_chunk (
  run_id       bigint not null references benefit_run (id) deferrable initially deferred,
  chunk_no     int not null,
  first_id     bigint not null,
  last_id      bigint not null,
  done         boolean not null default false,
  worker       text,
  done_at      timestamptz,
  scope_path   text collate "C" not null,
  primary key (run_id, chunk_no)
);

-- One grant per talent x benefit x period (the key: talent:BENEFIT:periodStart).
create table benefit_grant (
  id               bigserial primary key,
  idempotency_key  text not null unique,
  run_id           bigint not null references benefit_run (id) deferrable initially deferred,
  talent_id        bigint not null references talent (id) deferrable initially deferred,
  person_id        bigint not null,
  policy_code      text not null,
  policy_version   int not null,
  clause_id        text not null,
  benefit          text not null,
  instalment       int not null,
  period_start     date not null,
  period_end       date,
  amount           bigint not null check (amount >= 0),
  clause_amount    bigint not null,
  status           text not null check (status in ('PROPOSED', 'HELD', 'PAID')),
  risks            text[] not null default '{}',
  scope_path       text collate "C" not null
);
create index benefit_grant_run_idx on benefit_grant (run_id, id);
create index benefit_grant_talent_idx on benefit_grant (talent_id, benefit);
create index benefit_grant_person_idx on benefit_grant (person_id, benefit, instalment);

-- The latest decision per talent and clause where it granted, or where it changed since: matches and
-- changed decisions, never a why-not row for every pair (reasons are recomputed by the engine).
create table benefit_decision (
  talent_id    bigint not null references talent (id) deferrable initially deferred,
  policy_code  text not null,
  clause_id    text not null,
  outcome      text not null,
  amount       bigint not null,
  run_id       bigint not null references benefit_run (id) deferrable initially deferred,
  decided_on   date not null,
  scope_path   text collate "C" not null,
  primary key (talent_id, policy_code, clause_id)
);

-- The payment ledger: one payment per grant, written when the run is approved.
create table benefit_payment (
  id                  bigserial primary key,
  grant_id            bigint not null unique references benefit_grant (id) deferrable initially deferred,
  run_id              bigint not null references benefit_run (id) deferrable initially deferred,
  talent_id           bigint not null references talent (id) deferrable initially deferred,
  policy_code         text not null,
  amount              bigint not null,
  bank_account_masked text not null,
  paid_on             date not null,
  scope_path          text collate "C" not null
);
create index benefit_payment_talent_idx on benefit_payment (talent_id);

alter table benefit_fund_pool enable row level security;
alter table benefit_fund_pool force row level security;
-- A run approved in a district draws on the city's pool of a city policy: the pool is read and its
-- balance lowered at, below and above its node (only approval writes it).
create policy benefit_fund_pool_in_scope on benefit_fund_pool
  using (in_scope(scope_path) or starts_with(app_scope(), scope_path))
  with check (in_scope(scope_path) or starts_with(app_scope(), scope_path));

-- A run belongs to the node of the officer who started it; those below see it (and only their own
-- talents' grants), as with policies.
alter table benefit_run enable row level security;
alter table benefit_run force row level security;
create policy benefit_run_in_scope on benefit_run
  using (in_scope(scope_path) or starts_with(app_scope(), scope_path)) with check (in_scope(scope_path));

alter table benefit_run_chunk enable row level security;
alter table benefit_run_chunk force row level security;
create policy benefit_run_chunk_in_scope on benefit_run_chunk
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table benefit_grant enable row level security;
alter table benefit_grant force row level security;
create policy benefit_grant_in_scope on benefit_grant using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table benefit_decision enable row level security;
alter table benefit_decision force row level security;
create policy benefit_decision_in_scope on benefit_decision
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table benefit_payment enable row level security;
alter table benefit_payment force row level security;
create policy benefit_payment_in_scope on benefit_payment
  using (in_scope(scope_path)) with check (in_scope(scope_path));
