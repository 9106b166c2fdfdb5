-- Membership dues (党费): one row per month paid, and the approved exemptions and reductions (减免).
-- Each row carries its member's tree path, kept equal to member.scope_path by the trigger below.

-- One month's dues paid. The primary key is the ledger's rule that a month is paid once. The category
-- and income basis are those the due was computed on when it was paid, so that the statement can
-- explain a paid month as it stood then; due_fen is that due, kept for sums.
create table member_dues_payment (
  member_id     bigint not null references member (id) deferrable initially deferred,
  for_month     date not null check (extract(day from for_month) = 1),
  paid_on       date not null,
  fen           bigint not null check (fen >= 0),
  due_fen       bigint not null check (due_fen >= 0),
  dues_category text not null check (dues_category in ('SALARIED', 'RETIRED', 'FARMER', 'STUDENT', 'UNEMPLOYED', 'OTHER')),
  basis_fen     bigint check (basis_fen >= 0),
  scope_path    text collate "C" not null,
  recorded_by   text not null,
  recorded_at   timestamptz not null,
  primary key (member_id, for_month)
);
-- Pages open on the latest month with payments; everything else reads a member's months by the key.
create index member_dues_payment_month_idx on member_dues_payment (for_month);

-- An approved 免交 (payable_fen 0) or 少交 for the months from_month to until_month inclusive.
create table member_dues_exemption (
  id          bigserial primary key,
  member_id   bigint not null references member (id) deferrable initially deferred,
  from_month  date not null check (extract(day from from_month) = 1),
  until_month date not null check (extract(day from until_month) = 1),
  payable_fen bigint not null check (payable_fen >= 0),
  reason      text not null check (reason <> ''),
  scope_path  text collate "C" not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  check (until_month >= from_month)
);
create index member_dues_exemption_member_idx on member_dues_exemption (member_id);
create index member_dues_exemption_scope_idx on member_dues_exemption (scope_path);

alter table member_dues_payment enable row level security;
alter table member_dues_payment force row level security;
create policy member_dues_payment_in_scope on member_dues_payment
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_dues_exemption enable row level security;
alter table member_dues_exemption force row level security;
create policy member_dues_exemption_in_scope on member_dues_exemption
  using (in_scope(scope_path)) with check (in_scope(scope_path));

-- A member's path changes by a transfer, a move of their organization or a merge, each written by
-- different code; following it here keeps every path of the dues rows right whichever wrote it. It
-- runs as the caller, so row-level security checks the new path as it checked the member's.
create function member_dues_follow_member() returns trigger
  language plpgsql
  as $$
begin
  update member_dues_payment set scope_path = new.scope_path where member_id = new.id;
  update member_dues_exemption set scope_path = new.scope_path where member_id = new.id;
  return null;
end
$$;

create trigger member_dues_follow_member
  after update of scope_path on member
  for each row when (old.scope_path is distinct from new.scope_path)
  execute function member_dues_follow_member();
