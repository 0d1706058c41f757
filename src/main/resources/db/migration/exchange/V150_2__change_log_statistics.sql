-- The change log grows by one row per shared change and is read by position (a consumer's cursor) or by entity. At
-- the default statistics target each automatic ANALYZE under duty-desk load (500 intakes/s) read about 14,000
-- pages and took 3.2 s of a core once a minute, and intake slowed down meanwhile; 3,000 sampled rows serve the same
-- plans.
select public.set_statistics_target('exchange.change_log', 10);
