-- Yongjiang Talent Program (甬江人才工程): calls, applications and their steps, experts and their
-- scores, publicity (公示) with objections; the think tank (人才战略咨询委员会) and expert liaison.
--
-- Calls, experts and think-tank members belong to the city; an application, its reviews, its
-- objections and its steps belong to the applicant talent's leaf, so that the talent's district and
-- institution see their own applicants only.

-- Days that differ from the Monday-Friday week: public holidays falling on weekdays (working = false)
-- and weekend days worked in exchange (调休, working = true), as the State Council announces them.
create table talent_calendar_day (
  day      date primary key,
  working  boolean not null,
  name     text not null
);

create table talent_program_call (
  id          bigserial primary key,
  year        int not null,
  name_zh     text not null,
  name_en     text not null,
  opens_on    date not null,
  closes_on   date not null,
  scope_path  text collate "C" not null,
  created_at  timestamptz not null,
  check (closes_on >= opens_on)
);

create table talent_expert (
  id                    bigserial primary key,
  name                  text not null,
  employer_name         text not null,
  employer_credit_code  text not null,
  field                 text not null,
  scope_path            text collate "C" not null
);

create table talent_program_application (
  id                    bigserial primary key,
  call_id               bigint not null references talent_program_call (id) deferrable initially deferred,
  talent_id             bigint not null references talent (id) deferrable initially deferred,
  talent_name           text not null,
  employer_name         text not null,
  employer_credit_code  text not null,
  tier_sought           text not null check (tier_sought in ('A', 'B', 'C', 'D', 'E')),
  direct_track          text references talent_direct_track (code) deferrable initially deferred,
  stage                 text not null check (stage in ('APPLIED', 'FORMAL_CHECK', 'EXPERT_REVIEW',
                          'FINAL_REVIEW', 'PUBLICITY', 'CERTIFIED', 'REJECTED')),
  applied_on            date not null,
  publicity_from        date,
  publicity_until       date,
  result                text,
  scope_path            text collate "C" not null,
  updated_at            timestamptz not null,
  unique (call_id, talent_id)
);
create index talent_program_application_scope_idx on talent_program_application (scope_path);

-- Each step taken, kept.
create table talent_program_step (
  id              bigserial primary key,
  application_id  bigint not null references talent_program_application (id) deferrable initially deferred,
  from_stage      text not null,
  to_stage        text not null,
  taken_on        date not null,
  note            text not null,
  actor           text not null,
  scope_path      text collate "C" not null
);
create index talent_program_step_application_idx on talent_program_step (application_id, id);

create table talent_program_review (
  id              bigserial primary key,
  application_id  bigint not null references talent_program_application (id) deferrable initially deferred,
  expert_id       bigint not null references talent_expert (id) deferrable initially deferred,
  expert_name     text not null,
  score           int check (score between 0 and 100),
  opinion         text,
  assigned_at     timestamptz not null,
  scored_at       timestamptz,
  scope_path      text collate "C" not null,
  unique (application_id, expert_id)
);

create table talent_program_objection (
  id              bigserial primary key,
  application_id  bigint not null references talent_program_application (id) deferrable initially deferred,
  received_on     date not null,
  content         text not null,
  handling        text,
  recorded_by     text not null,
  scope_path      text collate "C" not null
);

create table talent_think_tank_member (
  id           bigserial primary key,
  name         text not null,
  category     text not null check (category in ('ACADEMICIAN', 'EXPERT', 'ENTREPRENEUR')),
  affiliation  text not null,
  appointed_on date not null,
  ended_on     date,
  scope_path   text collate "C" not null,
  check (ended_on is null or ended_on > appointed_on)
);

-- A leader assigned to a key talent (专家联系服务), and the visits made.
create table talent_liaison (
  id           bigserial primary key,
  talent_id    bigint not null references talent (id) deferrable initially deferred,
  leader_name  text not null,
  leader_post  text not null,
  assigned_on  date not null,
  scope_path   text collate "C" not null
);

create table talent_liaison_visit (
  id          bigserial primary key,
  liaison_id  bigint not null references talent_liaison (id) deferrable initially deferred,
  visited_on  date not null,
  note        text not null,
  scope_path  text collate "C" not null
);

alter table talent_program_call enable row level security;
alter table talent_program_call force row level security;
-- A call is read by everyone at or below its node (a district follows its applicants to the city's
-- call) and written only at or above it.
create policy talent_program_call_in_scope on talent_program_call
  using (in_scope(scope_path) or starts_with(app_scope(), scope_path))
  with check (in_scope(scope_path));

alter table talent_expert enable row level security;
alter table talent_expert force row level security;
create policy talent_expert_in_scope on talent_expert
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_program_application enable row level security;
alter table talent_program_application force row level security;
create policy talent_program_application_in_scope on talent_program_application
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_program_step enable row level security;
alter table talent_program_step force row level security;
create policy talent_program_step_in_scope on talent_program_step
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_program_review enable row level security;
alter table talent_program_review force row level security;
create policy talent_program_review_in_scope on talent_program_review
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_program_objection enable row level security;
alter table talent_program_objection force row level security;
create policy talent_program_objection_in_scope on talent_program_objection
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_think_tank_member enable row level security;
alter table talent_think_tank_member force row level security;
create policy talent_think_tank_member_in_scope on talent_think_tank_member
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_liaison enable row level security;
alter table talent_liaison force row level security;
create policy talent_liaison_in_scope on talent_liaison
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_liaison_visit enable row level security;
alter table talent_liaison_visit force row level security;
create policy talent_liaison_visit_in_scope on talent_liaison_visit
  using (in_scope(scope_path)) with check (in_scope(scope_path));

-- 国办发明电〔2021〕11号 (2022) and 国办发明电〔2022〕16号 (2023).
insert into talent_calendar_day (day, working, name) values
  ('2022-01-03', false, '元旦'),
  ('2022-01-29', true, '春节调休'), ('2022-01-30', true, '春节调休'),
  ('2022-01-31', false, '春节'), ('2022-02-01', false, '春节'), ('2022-02-02', false, '春节'),
  ('2022-02-03', false, '春节'), ('2022-02-04', false, '春节'),
  ('2022-04-02', true, '清明节调休'), ('2022-04-04', false, '清明节'), ('2022-04-05', false, '清明节'),
  ('2022-04-24', true, '劳动节调休'), ('2022-05-02', false, '劳动节'), ('2022-05-03', false, '劳动节'),
  ('2022-05-04', false, '劳动节'), ('2022-05-07', true, '劳动节调休'),
  ('2022-06-03', false, '端午节'),
  ('2022-09-12', false, '中秋节'),
  ('2022-10-03', false, '国庆节'), ('2022-10-04', false, '国庆节'), ('2022-10-05', false, '国庆节'),
  ('2022-10-06', false, '国庆节'), ('2022-10-07', false, '国庆节'),
  ('2022-10-08', true, '国庆节调休'), ('2022-10-09', true, '国庆节调休'),
  ('2023-01-02', false, '元旦'),
  ('2023-01-23', false, '春节'), ('2023-01-24', false, '春节'), ('2023-01-25', false, '春节'),
  ('2023-01-26', false, '春节'), ('2023-01-27', false, '春节'),
  ('2023-01-28', true, '春节调休'), ('2023-01-29', true, '春节调休'),
  ('2023-04-05', false, '清明节'),
  ('2023-04-23', true, '劳动节调休'), ('2023-05-01', false, '劳动节'), ('2023-05-02', false, '劳动节'),
  ('2023-05-03', false, '劳动节'), ('2023-05-06', true, '劳动节调休'),
  ('2023-06-22', false, '端午节'), ('2023-06-23', false, '端午节'), ('2023-06-25', true, '端午节调休'),
  ('2023-09-29', false, '中秋节'), ('2023-10-02', false, '国庆节'), ('2023-10-03', false, '国庆节'),
  ('2023-10-04', false, '国庆节'), ('2023-10-05', false, '国庆节'), ('2023-10-06', false, '国庆节'),
  ('2023-10-07', true, '国庆节调休'), ('2023-10-08', true, '国庆节调休');
