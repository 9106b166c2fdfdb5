-- Talent housing (人才安居房), Golden Phoenix finance (金凤凰) requests, and employers' postings for the
-- talent map. Units and postings belong to their district; an application for housing and a finance
-- request belong to the talent's leaf.

create table talent_housing_unit (
  id           bigserial primary key,
  project      text not null,
  unit_no      text not null,
  region_code  text not null,
  area_m2      numeric(7, 2) not null check (area_m2 > 0),
  built_on     date not null,
  scope_path   text collate "C" not null,
  unique (project, unit_no)
);
create index talent_housing_unit_scope_idx on talent_housing_unit (scope_path, built_on);

-- The waiting list: an application waits in its district until a unit is allocated to it.
create table talent_housing_application (
  id           bigserial primary key,
  talent_id    bigint not null references talent (id) deferrable initially deferred,
  talent_name  text not null,
  tier         text not null check (tier in ('A', 'B', 'C', 'D', 'E')),
  region_code  text not null,
  applied_on   date not null,
  status       text not null check (status in ('WAITING', 'ALLOCATED', 'WITHDRAWN')),
  unit_id      bigint unique references talent_housing_unit (id) deferrable initially deferred,
  allocated_on date,
  scope_path   text collate "C" not null,
  check ((status = 'ALLOCATED') = (unit_id is not null))
);
create index talent_housing_application_waiting_idx
  on talent_housing_application (region_code, tier, applied_on, id) where status = 'WAITING';

create table talent_finance_request (
  id           bigserial primary key,
  talent_id    bigint not null references talent (id) deferrable initially deferred,
  talent_name  text not null,
  kind         text not null check (kind in ('LOAN', 'GUARANTEE')),
  amount_yuan  numeric(14, 2) not null check (amount_yuan > 0),
  institution  text not null,
  status       text not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'DISBURSED')),
  submitted_on date not null,
  decided_on   date,
  scope_path   text collate "C" not null
);

-- Demand for talent posted by an employer (人才需求).
create table talent_posting (
  id                    bigserial primary key,
  employer_name         text not null,
  employer_credit_code  text not null,
  industry              text not null,
  region_code           text not null,
  title                 text not null,
  positions             int not null check (positions > 0),
  posted_on             date not null,
  closed_on             date,
  scope_path            text collate "C" not null
);

alter table talent_housing_unit enable row level security;
alter table talent_housing_unit force row level security;
create policy talent_housing_unit_in_scope on talent_housing_unit
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_housing_application enable row level security;
alter table talent_housing_application force row level security;
create policy talent_housing_application_in_scope on talent_housing_application
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_finance_request enable row level security;
alter table talent_finance_request force row level security;
create policy talent_finance_request_in_scope on talent_finance_request
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_posting enable row level security;
alter table talent_posting force row level security;
create policy talent_posting_in_scope on talent_posting
  using (in_scope(scope_path)) with check (in_scope(scope_path));
