-- Until this version an event's statistics fact counted no casualties from intake (deaths, missing, injured and
-- loss came only with a later casualty update). Accident facts and their rollups are derived data: they are
-- emptied here, and the start-up backfill (StatsBackfill) derives every fact again from the incident module,
-- with each event's current casualties and grade. Historical figures (accident_history) are not derived and stay.
delete from stats.accident_delta;
delete from stats.accident_month;
delete from stats.accident_rollup;
delete from stats.accident_fact;
