-- Every obligation query filters the jurisdiction with "division_path like any (array[...])", which no index can
-- serve, so this index was never read; yet each intake wrote six entries into it (one per obligation).
drop index incident.obligations_path_idx;
