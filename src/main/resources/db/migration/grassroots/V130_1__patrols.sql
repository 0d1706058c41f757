-- Grid patrols: each check-in is where and when a grid worker patrolled, for which duty (一岗多能), with what
-- finding; a check-in whose position lies outside the grid it claims is kept but flagged.
create schema if not exists grassroots;

create table grassroots.check_ins (
    id              uuid primary key,
    grid_code       text not null,
    grid_path       text not null,
    worker          text not null,
    at              timestamptz not null,
    received_at     timestamptz not null,
    lon             double precision not null,
    lat             double precision not null,
    located_grid    text,
    outside         boolean not null,
    duty            text not null check (duty in ('SAFETY', 'FIRE', 'FLOOD', 'INFO')),
    note            text,
    finding         text,
    idempotency_key text,
    unique (worker, idempotency_key)
);
create index check_ins_grid_at on grassroots.check_ins (grid_code, at);
create index check_ins_path on grassroots.check_ins (grid_path text_pattern_ops);
