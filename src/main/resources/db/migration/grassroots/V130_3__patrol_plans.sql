-- Patrol plans: how often each grid must be patrolled per week and for which duties; coverage counts against it
-- (a grid without a plan must be patrolled once a week).
create table grassroots.patrol_plans (
    grid_code      text primary key,
    grid_path      text not null,
    times_per_week int not null check (times_per_week between 1 and 21),
    duties         text[] not null,
    updated_by     text not null,
    updated_at     timestamptz not null
);
create index patrol_plans_path on grassroots.patrol_plans (grid_path text_pattern_ops);
