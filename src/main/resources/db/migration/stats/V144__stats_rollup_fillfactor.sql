-- The fold updates the same rollup rows every second (events and deaths, or found/closed/overdue, none of them
-- indexed). With full pages every such update wrote a new row version elsewhere and a new entry into both indexes;
-- room left on each page lets PostgreSQL keep the new version beside the old one (a HOT update, no index entries)
-- and prune the old one in place. A row on a page filled before this migration moves once, to a page with room.
alter table stats.accident_rollup set (fillfactor = 70);
alter table stats.accident_month set (fillfactor = 70);
alter table stats.hazard_rollup set (fillfactor = 70);
alter table stats.hazard_month set (fillfactor = 70);
