-- Transition tables carry no statistics, so for a statement that touches tens of thousands of
-- members (an organization moved with its subtree, a bulk load) the planner may join the old and
-- new rows by nested loop, quadratic in their number (a 93,000-member update ran for minutes).
-- Inside these trigger functions only hash and merge joins are used.
alter function member_mobile_follow_member() set enable_nestloop = off;
alter function member_tally_track() set enable_nestloop = off;
