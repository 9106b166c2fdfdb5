-- The talent policy system as documents (政策体系): the articles (条) of a policy version and the
-- supporting policies (配套政策) issued with the general policy. The clauses of V6_1 are the part of a
-- policy that the rules engine evaluates; articles are the policy's text as published, counted by
-- the review ("人才新政30条"), whether or not an article grants money.

create table talent_policy_article (
  id                bigserial primary key,
  policy_version_id bigint not null references talent_policy_version (id) deferrable initially deferred,
  number            int not null check (number > 0),
  title_zh          text not null,
  title_en          text not null,
  scope_path        text collate "C" not null,
  unique (policy_version_id, number)
);

-- A supporting policy names the general policy it supports; where its rules are evaluated by the
-- engine it also names that policy (rules_policy_code).
create table talent_supporting_policy (
  id                 bigserial primary key,
  general_policy_id  bigint not null references talent_policy (id) deferrable initially deferred,
  rules_policy_code  text references talent_policy (code) deferrable initially deferred,
  name_zh            text not null,
  name_en            text not null,
  issuer             text not null,
  issued_on          date not null,
  repealed_on        date,
  scope_path         text collate "C" not null,
  check (repealed_on is null or repealed_on > issued_on)
);

alter table talent_policy_article enable row level security;
alter table talent_policy_article force row level security;
create policy talent_policy_article_in_scope on talent_policy_article
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_supporting_policy enable row level security;
alter table talent_supporting_policy force row level security;
create policy talent_supporting_policy_in_scope on talent_supporting_policy
  using (in_scope(scope_path)) with check (in_scope(scope_path));

-- The day an institution was given self-management of talent projects (自主管理权).
alter table talent_institution add column self_managing_from date;
update talent_institution set self_managing_from = date '2022-01-01';
alter table talent_institution alter column self_managing_from set not null;
