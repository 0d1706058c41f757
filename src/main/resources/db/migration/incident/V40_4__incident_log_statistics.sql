-- Every intake appends to the timeline, the grade changes and the obligations (six rows). At the default statistics
-- target each automatic ANALYZE of the obligations under duty-desk load (500 intakes/s) read about 15,000 pages and
-- took 2.4 s of a core once a minute, and intake slowed down meanwhile. Their columns are few-valued codes, an
-- event's id and times, which ten histogram buckets describe as well as a hundred.
select public.set_statistics_target('incident.timeline', 10);
select public.set_statistics_target('incident.grade_changes', 10);
select public.set_statistics_target('incident.obligations', 10);
