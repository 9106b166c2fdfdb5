-- The offices of a party organization's committee (支部委员会、党委): who holds which post, from
-- when until when. Holders are members of the organization's subtree; the organization's
-- secretary name and committee list are kept in step with the open offices.
create table member_office (
  id              bigserial primary key,
  organization_id bigint not null references organization (id) deferrable initially deferred,
  member_id       bigint not null references member (id) deferrable initially deferred,
  post            text not null check (post in ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER')),
  duty            text,
  from_on         date not null,
  until_on        date,
  end_reason      text,
  scope_path      text collate "C" not null,
  recorded_by     text not null,
  recorded_at     timestamptz not null,
  check (until_on is null or until_on >= from_on)
);
create index member_office_org_idx on member_office (organization_id, until_on);
create index member_office_member_idx on member_office (member_id);
-- One open office per member and organization, and one open secretary per organization.
create unique index member_office_open_idx on member_office (organization_id, member_id) where until_on is null;
create unique index member_office_secretary_idx on member_office (organization_id) where until_on is null and post = 'SECRETARY';

alter table member_office enable row level security;
alter table member_office force row level security;
create policy member_office_in_scope on member_office using (in_scope(scope_path)) with check (in_scope(scope_path));
