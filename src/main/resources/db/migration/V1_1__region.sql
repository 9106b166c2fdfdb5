-- Regions: Ningbo's divisions, reference data loaded from the statistical division codes.
create table region (
  code        text primary key,
  name        text not null,
  parent_code text references region (code) deferrable initially deferred,
  level       text not null check (level in ('CITY', 'DISTRICT', 'TOWN', 'VILLAGE')),
  kind        text not null check (kind in ('CITY', 'DISTRICT', 'COUNTY', 'COUNTY_CITY', 'SUBDISTRICT', 'TOWN', 'TOWNSHIP', 'ZONE', 'VILLAGE', 'COMMUNITY')),
  path        text collate "C" not null unique,
  sort_order  int not null
);
create index region_parent_idx on region (parent_code, sort_order);
create index region_level_idx on region (level);

alter table region enable row level security;
alter table region force row level security;
create policy region_in_scope on region using (in_scope(path)) with check (in_scope(path));
