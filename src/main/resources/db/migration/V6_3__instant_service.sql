-- 码上秒享: each talent's QR code opens the talent's benefits on a phone. The token in the code is
-- random (128 bits) and only identifies; the page opens for the talent signed in as themself (or an
-- officer who sees the talent), never for the token alone.
create table talent_qr (
  talent_id   bigint primary key references talent (id) deferrable initially deferred,
  token       text not null unique,
  created_at  timestamptz not null,
  scope_path  text collate "C" not null
);

-- Every use of the service (a page opened): the figure "uses of 码上秒享" is counted from these rows.
create table instant_service_use (
  talent_id   bigint not null,
  used_at     timestamptz not null,
  scope_path  text collate "C" not null
);
-- No index: the figure is one scan of narrow rows, and the demo copies 1.3 million of them.

-- 意愿确认: a talent confirms the wish to receive and the account to be paid into.
create table benefit_intent (
  id                  bigserial primary key,
  talent_id           bigint not null references talent (id) deferrable initially deferred,
  confirmed_at        timestamptz not null,
  bank_account_masked text not null,
  benefits            text not null,
  scope_path          text collate "C" not null
);
create index benefit_intent_talent_idx on benefit_intent (talent_id, id);

alter table talent_qr enable row level security;
alter table talent_qr force row level security;
create policy talent_qr_in_scope on talent_qr using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table instant_service_use enable row level security;
alter table instant_service_use force row level security;
create policy instant_service_use_in_scope on instant_service_use
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table benefit_intent enable row level security;
alter table benefit_intent force row level security;
create policy benefit_intent_in_scope on benefit_intent
  using (in_scope(scope_path)) with check (in_scope(scope_path));
