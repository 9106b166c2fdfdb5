-- Imports of organizations from a spreadsheet: one job per uploaded workbook, seen within the uploader's scope.
create table organization_import_job (
  id              bigserial primary key,
  file_name       text not null,
  status          text not null check (status in ('QUEUED', 'CHECKING', 'WRITING', 'DONE', 'REFUSED', 'FAILED')),
  total_rows      int not null default 0,
  checked_rows    int not null default 0,
  written_rows    int not null default 0,
  error_count     int not null default 0,
  progress        int not null default 0 check (progress between 0 and 100),
  -- Why a job failed as a whole (not a workbook, not the template, no rows): a message key.
  failure_key     text,
  failure_args    text[] not null default '{}',
  error_workbook  boolean not null default false,
  locale          text not null,
  uploaded_by     text not null,
  scope_path      text collate "C" not null,
  created_at      timestamptz not null,
  started_at      timestamptz,
  finished_at     timestamptz
);
create index organization_import_job_scope_idx on organization_import_job (scope_path, id desc);

-- The first errors of a refused import, for the page; the error workbook holds all of them.
create table organization_import_error (
  job_id      bigint not null references organization_import_job (id) deferrable initially deferred,
  row_no      int not null,
  column_no   int not null,
  message_key text not null,
  arguments   text[] not null default '{}',
  scope_path  text collate "C" not null,
  primary key (job_id, row_no, column_no)
);

alter table organization_import_job enable row level security;
alter table organization_import_job force row level security;
create policy organization_import_job_in_scope on organization_import_job
  using (in_scope(scope_path)) with check (in_scope(scope_path));

alter table organization_import_error enable row level security;
alter table organization_import_error force row level security;
create policy organization_import_error_in_scope on organization_import_error
  using (in_scope(scope_path)) with check (in_scope(scope_path));
