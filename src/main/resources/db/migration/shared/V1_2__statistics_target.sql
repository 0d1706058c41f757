-- ANALYZE samples 300 rows for each unit of the largest statistics target among a table's columns: 30,000 rows at
-- PostgreSQL's default of 100, spread over as many pages. Append-only logs read by key or by a time range plan as
-- well with ten histogram buckets, so their modules lower the target of every column with this function (a column
-- added later starts at the default again, and must be lowered by its own migration).
create function public.set_statistics_target(t regclass, target int) returns void
    language plpgsql as
$$
declare
    col name;
begin
    for col in select attname from pg_attribute where attrelid = t and attnum > 0 and not attisdropped
        loop
            execute format('alter table %s alter column %I set statistics %s', t, col, target);
        end loop;
end
$$;
