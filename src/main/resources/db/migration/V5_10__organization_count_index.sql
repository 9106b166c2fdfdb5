-- The organizations of a scope counted by kind (party statistics) read only this index: the path
-- the row-level security policy tests, the tree path a subtree is chosen by, and the kind.
create index organization_standing_kind_idx on organization (path) include (tree_path, kind)
  where dissolved_on is null;
