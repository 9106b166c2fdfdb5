-- Talent (人才): a person with the facts that talent policy reads, certified into tiers A-E.
--
-- Scope: a talent's scope_path is a leaf of its own, t<id>, under the place that serves the talent:
-- the town or district (/330200/330212/330212001/t42/) or, for a talent of an institution given
-- self-management (自主管理权), the institution's node under its district (/330200/330205/i-nbu/t7/).
-- A district or town administrator sees the talents of the place; an institution's officer, whose
-- account is scoped to the institution's node, sees its talents only; a talent's own account, scoped
-- to the leaf, sees the talent alone.

-- The institutions given self-management: they certify their own talents within a yearly quota.
create table talent_institution (
  code          text primary key check (code ~ '^i-[a-z0-9-]+$'),
  name          text not null,
  credit_code   text not null,
  region_code   text not null,
  quota         int not null check (quota >= 0),
  scope_path    text collate "C" not null
);

-- The "10+10" direct track (直通车): ten kinds certified directly, ten sent straight to the final review.
-- The review names the two tracks of ten kinds but not the kinds: the twenty rows below are illustrative (demo).
create table talent_direct_track (
  code     text primary key,
  track    text not null check (track in ('DIRECT_CERTIFICATION', 'FINAL_REVIEW')),
  tier     text not null check (tier in ('A', 'B', 'C', 'D', 'E')),
  name_zh  text not null,
  name_en  text not null,
  sort     int not null
);

create table talent (
  id                      bigint primary key,
  person_id               bigint not null unique references person (id) deferrable initially deferred,
  name                    text not null,
  gender                  text not null,
  birth_date              date not null,
  id_number_masked        text not null,
  region_code             text not null,
  institution_code        text references talent_institution (code) deferrable initially deferred,
  degree                  text not null check (degree in ('NONE', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')),
  title                   text not null check (title in ('NONE', 'JUNIOR', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR')),
  employer_name           text not null,
  employer_credit_code    text not null,
  -- A code failing the GB 32100 check digit is kept when an officer accepts it; who did is recorded.
  employer_code_accepted_by text,
  industry                text not null,
  arrival_date            date not null,
  social_insurance_months int not null check (social_insurance_months >= 0),
  first_home              boolean not null,
  bank_account_cipher     bytea,
  bank_account_masked     text,
  tier                    text check (tier in ('A', 'B', 'C', 'D', 'E')),
  tier_certified_on       date,
  tier_basis              text,
  tier_certifier          text,
  tier_direct_track       text references talent_direct_track (code) deferrable initially deferred,
  scope_path              text collate "C" not null,
  created_at              timestamptz not null,
  updated_at              timestamptz not null,
  check ((tier is null) = (tier_certified_on is null))
);
create sequence talent_id_seq owned by talent.id;
create index talent_scope_idx on talent (scope_path);
create index talent_name_idx on talent ((name collate "C"));
create index talent_institution_idx on talent (institution_code, tier_certified_on);

-- Every certification, kept: tier, date, basis, certifying body.
create table talent_certification (
  id               bigserial primary key,
  talent_id        bigint not null references talent (id) deferrable initially deferred,
  tier             text not null check (tier in ('A', 'B', 'C', 'D', 'E')),
  certified_on     date not null,
  basis            text not null,
  certifier        text not null,
  direct_track     text references talent_direct_track (code) deferrable initially deferred,
  institution_code text references talent_institution (code) deferrable initially deferred,
  recorded_by      text not null,
  recorded_at      timestamptz not null,
  scope_path       text collate "C" not null
);
create index talent_certification_talent_idx on talent_certification (talent_id, id);

alter table talent_institution enable row level security;
alter table talent_institution force row level security;
create policy talent_institution_in_scope on talent_institution
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent enable row level security;
alter table talent force row level security;
create policy talent_in_scope on talent using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table talent_certification enable row level security;
alter table talent_certification force row level security;
create policy talent_certification_in_scope on talent_certification
  using (in_scope(scope_path)) with check (in_scope(scope_path));

insert into talent_direct_track (code, track, tier, name_zh, name_en, sort) values
  ('D01', 'DIRECT_CERTIFICATION', 'A', '中国科学院院士、中国工程院院士', 'Member of the Chinese Academy of Sciences or of Engineering', 1),
  ('D02', 'DIRECT_CERTIFICATION', 'A', '国家最高科学技术奖获得者', 'Laureate of the State Preeminent Science and Technology Award', 2),
  ('D03', 'DIRECT_CERTIFICATION', 'B', '国家级重大人才工程入选者', 'Selected by a national major talent program', 3),
  ('D04', 'DIRECT_CERTIFICATION', 'B', '国家杰出青年科学基金获得者', 'Recipient of the National Science Fund for Distinguished Young Scholars', 4),
  ('D05', 'DIRECT_CERTIFICATION', 'C', '国家科学技术奖一等奖主要完成人', 'Principal contributor to a first-class national science and technology award', 5),
  ('D06', 'DIRECT_CERTIFICATION', 'C', '浙江省特级专家', 'Zhejiang Special-Grade Expert', 6),
  ('D07', 'DIRECT_CERTIFICATION', 'C', '国家级技能大师、中华技能大奖获得者', 'National skill master or China Skills Award laureate', 7),
  ('D08', 'DIRECT_CERTIFICATION', 'D', '省级重大人才工程入选者', 'Selected by a provincial major talent program', 8),
  ('D09', 'DIRECT_CERTIFICATION', 'D', '世界技能大赛奖牌获得者', 'Medallist of the WorldSkills Competition', 9),
  ('D10', 'DIRECT_CERTIFICATION', 'E', '正高级专业技术职称人员', 'Holder of a full senior professional title', 10),
  ('F01', 'FINAL_REVIEW', 'B', '世界500强企业研发机构负责人', 'Head of research of a Fortune Global 500 company', 11),
  ('F02', 'FINAL_REVIEW', 'B', '国际知名高校、科研机构正教授', 'Full professor of a renowned university or research institute abroad', 12),
  ('F03', 'FINAL_REVIEW', 'C', '国家级重点实验室学术带头人', 'Academic leader of a national key laboratory', 13),
  ('F04', 'FINAL_REVIEW', 'C', '甬江实验室、宁波东方理工大学引进的首席科学家', 'Chief scientist recruited by Yongjiang Laboratory or Eastern Institute of Technology', 14),
  ('F05', 'FINAL_REVIEW', 'C', '上市公司、独角兽企业技术负责人', 'Chief technology officer of a listed or unicorn company', 15),
  ('F06', 'FINAL_REVIEW', 'D', '国家级创新创业大赛一等奖项目负责人', 'Leader of a first-prize project of a national innovation contest', 16),
  ('F07', 'FINAL_REVIEW', 'D', '“大优强”企业市场化认定的高端人才', 'High-end talent certified by a large, excellent and strong enterprise', 17),
  ('F08', 'FINAL_REVIEW', 'D', '获得风险投资500万元以上的创业团队带头人', 'Leader of a start-up team funded with 5 million CNY or more of venture capital', 18),
  ('F09', 'FINAL_REVIEW', 'E', '海外知名高校博士毕业五年内来甬人员', 'Doctor of a renowned university abroad, arrived within five years of graduation', 19),
  ('F10', 'FINAL_REVIEW', 'E', '省级以上工程技术中心负责人', 'Head of a provincial or national engineering centre', 20);
