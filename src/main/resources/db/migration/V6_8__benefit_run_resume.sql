-- A run left proposing by a crash resumes by itself: at the application's start and by a periodic
-- sweep, a run that no live worker holds (each worker holds the run's advisory lock in shared mode
-- while it works; the sweep takes it in exclusive mode only when nobody does) gets a worker. The run
-- keeps how often that happened and when, for its page.
alter table benefit_run add column auto_resumes int not null default 0;
alter table benefit_run add column resumed_at timestamptz;
