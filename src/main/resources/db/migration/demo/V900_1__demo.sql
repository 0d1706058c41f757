-- What the demo loader has written, so a restart does not generate the city again.
create schema if not exists demo;

create table demo.state
(
    id                smallint primary key check (id = 1),
    seed              bigint      not null,
    generator_version int         not null,
    divisions         int         not null,
    grids             int         not null,
    persons           int         not null,
    loaded_at         timestamptz not null,
    took_ms           bigint      not null
);
