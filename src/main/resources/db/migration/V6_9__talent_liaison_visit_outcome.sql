-- A leader's visit to a key talent records what was discussed (note) and, apart from it, what came
-- of it (成效: a problem solved, a project helped), as the visit form of the liaison page asks.
alter table talent_liaison_visit add column outcome text;
