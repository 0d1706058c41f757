-- The audit log and its chain grow by one row per write and are read by entity, by position or by time range. At
-- the default statistics target each automatic ANALYZE under duty-desk load (500 intakes/s) read about 15,000
-- pages of the log, 3.7 s of a core once a minute, and intake slowed down meanwhile; 3,000 sampled rows serve the
-- same plans.
select public.set_statistics_target('identity.audit_log', 10);
select public.set_statistics_target('identity.audit_chain', 10);
