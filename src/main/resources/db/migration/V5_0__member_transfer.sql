-- Transfers of members' organizational relationships (组织关系转接) within, out of and into the city,
-- and every step of each. A transfer concerns two parts of the tree, so each row keeps both paths and
-- is visible to both subtrees, and to the subtree that now holds the member.
create table member_transfer (
  id                   bigint primary key,
  kind                 text not null check (kind in ('WITHIN_CITY', 'OUT_OF_CITY', 'INTO_CITY')),
  state                text not null check (state in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'CANCELLED', 'LETTER_ISSUED', 'RECEIPT_RETURNED')),
  attempt              int not null default 1 check (attempt >= 1),
  -- The member; empty for a member arriving from outside the city until the target enters them.
  member_id            bigint references member (id) deferrable initially deferred,
  member_name          text not null,
  -- The organization of the city that holds the relationship now (none for INTO_CITY), or the name
  -- on the letter of the organization outside.
  source_id            bigint,
  source_name          text not null,
  -- The organization of the city that acts for the source: the source, or the registrar of a letter
  -- from outside the city.
  source_actor_id      bigint not null,
  source_actor_name    text not null,
  source_path          text collate "C" not null,
  -- The receiving organization of the city (none for OUT_OF_CITY), or the name of the one outside.
  target_id            bigint,
  target_name          text not null,
  target_path          text collate "C",
  -- Where the member is held now: the source until acceptance, then the target.
  scope_path           text collate "C" not null,
  letter_number        text,
  letter_issued_on     date,
  letter_valid_until   date,
  submitted_on         date not null,
  last_step_on         date not null,
  -- INTO_CITY: the arriving member, entered into the register when the target accepts.
  arriving_id_number_cipher bytea,
  arriving_id_number_index  text,
  arriving_id_number_masked text,
  arriving_ethnicity   text,
  arriving_education   text,
  arriving_category    text,
  arriving_stage       text check (arriving_stage in ('PROBATIONARY', 'FULL')),
  arriving_joined_on   date,
  arriving_full_on     date,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  check ((letter_issued_on is null) = (letter_valid_until is null)),
  check ((target_id is null) = (target_path is null)),
  check (member_id is not null or kind = 'INTO_CITY')
);
create sequence member_transfer_id_seq owned by member_transfer.id;
create index member_transfer_source_idx on member_transfer (source_path);
create index member_transfer_target_idx on member_transfer (target_path);
create index member_transfer_scope_idx on member_transfer (scope_path);
create index member_transfer_member_idx on member_transfer (member_id);
create index member_transfer_open_idx on member_transfer (letter_valid_until)
  where state in ('SUBMITTED', 'RETURNED', 'LETTER_ISSUED');
create index member_transfer_arriving_idx on member_transfer (arriving_id_number_index)
  where arriving_id_number_index is not null;

-- Every step of a transfer: who moved it from which state to which, between which ends, and why.
-- The member's path follows the member, so that the subtree holding the member sees every move.
create table member_transfer_event (
  id                   bigserial primary key,
  transfer_id          bigint not null references member_transfer (id) deferrable initially deferred,
  member_id            bigint references member (id) deferrable initially deferred,
  effective_on         date not null,
  actor_id             bigint not null,
  actor_name           text not null,
  from_state           text,
  to_state             text not null,
  source_id            bigint,
  source_name          text not null,
  target_id            bigint,
  target_name          text not null,
  reason               text,
  scope_path           text collate "C" not null,
  source_path          text collate "C" not null,
  target_path          text collate "C",
  recorded_by          text not null,
  recorded_at          timestamptz not null
);
create index member_transfer_event_transfer_idx on member_transfer_event (transfer_id, id);
create index member_transfer_event_member_idx on member_transfer_event (member_id);
create index member_transfer_event_scope_idx on member_transfer_event (scope_path);
create index member_transfer_event_source_idx on member_transfer_event (source_path);
create index member_transfer_event_target_idx on member_transfer_event (target_path);

alter table member_transfer enable row level security;
alter table member_transfer force row level security;
create policy member_transfer_in_scope on member_transfer
  using (in_scope(source_path) or in_scope(target_path) or in_scope(scope_path))
  with check (in_scope(source_path) or in_scope(target_path) or in_scope(scope_path));

alter table member_transfer_event enable row level security;
alter table member_transfer_event force row level security;
create policy member_transfer_event_in_scope on member_transfer_event
  using (in_scope(source_path) or in_scope(target_path) or in_scope(scope_path))
  with check (in_scope(source_path) or in_scope(target_path) or in_scope(scope_path));
