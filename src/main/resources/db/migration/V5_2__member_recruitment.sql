-- Recruitment of party members (发展党员): one person's path from the application to full membership,
-- held by the branch that received the application. The stage is a copy of what the steps lead to,
-- kept for lists; the steps are the record, replayed under the rules before each new step.
create table member_recruitment (
  id               bigint primary key,
  person_id        bigint not null,
  organization_id  bigint not null,
  scope_path       text collate "C" not null,
  org_path         text collate "C" not null,
  name             text not null,
  birth_date       date not null,
  id_number_masked text not null,
  stage            text not null check (stage in ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL', 'STOPPED')),
  applied_on       date not null,
  member_id        bigint references member (id) deferrable initially deferred,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create sequence member_recruitment_id_seq owned by member_recruitment.id;
-- A person is on one path at a time; after a stop they may apply again.
create unique index member_recruitment_open_person_idx on member_recruitment (person_id) where stage <> 'STOPPED';
create index member_recruitment_person_idx on member_recruitment (person_id);
create index member_recruitment_scope_idx on member_recruitment (scope_path);
create index member_recruitment_org_path_idx on member_recruitment (org_path, applied_on);
create index member_recruitment_member_idx on member_recruitment (member_id);

-- Each step as recorded, in the order it was recorded: its date, the deciding body, the people
-- (member ids: talkers, contact persons, introducers) and the details some kinds carry.
create table member_recruitment_step (
  id                bigserial primary key,
  recruitment_id    bigint not null references member_recruitment (id) deferrable initially deferred,
  seq               int not null,
  kind              text not null check (kind in ('APPLICATION', 'TALK', 'ACTIVIST_DESIGNATION', 'ACTIVIST_REVIEW',
                      'CANDIDATE_DESIGNATION', 'INTRODUCERS', 'POLITICAL_REVIEW', 'TRAINING', 'BRANCH_ADMISSION',
                      'COMMITTEE_APPROVAL', 'PROBATION_EXTENSION', 'CONVERSION', 'STOP')),
  taken_on          date not null,
  decided_by        text not null,
  people            bigint[] not null default '{}',
  -- The introducers' stage on the day they were named and the persons they are, in the order of people.
  introducer_stages text[],
  introducer_persons bigint[],
  training_days     int,
  training_hours    int,
  special_reason    text,
  extension_months  int,
  stop_reason       text,
  note              text,
  scope_path        text collate "C" not null,
  recorded_by       text not null,
  recorded_at       timestamptz not null,
  unique (recruitment_id, seq)
);
create index member_recruitment_step_scope_idx on member_recruitment_step (scope_path);

-- The steps each recruitment has due next, with their deadline (the to-do list); rewritten with
-- every step. Whether a step is due, due soon or overdue depends on the day it is looked at.
create table member_recruitment_todo (
  recruitment_id bigint not null references member_recruitment (id) deferrable initially deferred,
  step           text not null,
  due_on         date not null,
  scope_path     text collate "C" not null,
  org_path       text collate "C" not null,
  primary key (recruitment_id, step)
);
create index member_recruitment_todo_org_path_idx on member_recruitment_todo (org_path, due_on);
create index member_recruitment_todo_scope_idx on member_recruitment_todo (scope_path);

alter table member_recruitment enable row level security;
alter table member_recruitment force row level security;
create policy member_recruitment_in_scope on member_recruitment
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_recruitment_step enable row level security;
alter table member_recruitment_step force row level security;
create policy member_recruitment_step_in_scope on member_recruitment_step
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table member_recruitment_todo enable row level security;
alter table member_recruitment_todo force row level security;
create policy member_recruitment_todo_in_scope on member_recruitment_todo
  using (in_scope(scope_path)) with check (in_scope(scope_path));
