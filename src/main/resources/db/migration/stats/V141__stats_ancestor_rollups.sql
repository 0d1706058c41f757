-- Rollups are kept at every ancestor level of a fact's division (city, district, township, …): a dashboard reads
-- the rows of exactly the division it shows (or its children) instead of summing every row below it with LIKE.
-- A month rollup beside the day rollup serves whole-month ranges (years, the default dashboard).
truncate stats.accident_rollup, stats.hazard_rollup;
drop index stats.accident_rollup_path;
drop index stats.hazard_rollup_path;
create index accident_rollup_at on stats.accident_rollup (division_path, day);
create index hazard_rollup_at on stats.hazard_rollup (division_path, day);

create table stats.accident_month (like stats.accident_rollup including all);
create table stats.hazard_month (like stats.hazard_rollup including all);

-- every ancestor path of a materialised path, itself included: '/a/b/' → '/a/', '/a/b/'
create function stats.ancestors(path text) returns setof text language sql immutable as $$
    select left(path, pos) from generate_series(2, length(path)) pos where substr(path, pos, 1) = '/'
$$;

-- rebuild from the facts (nothing to do on a fresh install)
insert into stats.accident_rollup (day, division_path, category, type_code, production_safety, grade, events, deaths)
select (f.occurred_at at time zone 'Asia/Shanghai')::date, a, f.category, f.type_code, f.production_safety,
       coalesce(f.grade, ''), count(*), sum(f.deaths)
from stats.accident_fact f cross join lateral stats.ancestors(f.division_path) a
group by 1, 2, 3, 4, 5, 6;
insert into stats.accident_month (day, division_path, category, type_code, production_safety, grade, events, deaths)
select date_trunc('month', day)::date, division_path, category, type_code, production_safety, grade, sum(events),
       sum(deaths)
from stats.accident_rollup group by 1, 2, 3, 4, 5, 6;
insert into stats.hazard_rollup (day, division_path, industry, grade, found, closed, overdue)
select d, a, industry, grade, sum(found), sum(closed), sum(overdue)
from (select (reported_at at time zone 'Asia/Shanghai')::date d, division_path, industry, grade, 1 found, 0 closed,
             0 overdue from stats.hazard_fact
      union all
      select (closed_at at time zone 'Asia/Shanghai')::date, division_path, industry, grade, 0, 1, 0
      from stats.hazard_fact where closed_at is not null
      union all
      select (overdue_at at time zone 'Asia/Shanghai')::date, division_path, industry, grade, 0, 0, 1
      from stats.hazard_fact where overdue_at is not null) x
cross join lateral stats.ancestors(x.division_path) a
group by 1, 2, 3, 4;
insert into stats.hazard_month (day, division_path, industry, grade, found, closed, overdue)
select date_trunc('month', day)::date, division_path, industry, grade, sum(found), sum(closed), sum(overdue)
from stats.hazard_rollup group by 1, 2, 3, 4;
