-- Administrative divisions and grids with their geometry. Geometry is WGS-84 lon/lat stored as WKB; the
-- in-memory index (JTS STRtree of prepared polygons) answers point lookups. The native `outline` polygon
-- (outer ring of the largest part) with its GiST index exists for the benchmark baseline and coarse
-- database-side filtering only.
create schema if not exists geo;

create table geo.divisions
(
    code         char(12)    primary key,
    name         text        not null,
    level        text        not null check (level in ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code  char(12)    references geo.divisions (code),
    path         text        not null unique,
    depth        smallint    not null,
    geometry_wkb bytea,
    min_lon      double precision,
    min_lat      double precision,
    max_lon      double precision,
    max_lat      double precision,
    outline      polygon,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check ((level = 'CITY') = (parent_code is null))
);
create index divisions_parent_idx on geo.divisions (parent_code);
create index divisions_path_idx on geo.divisions (path text_pattern_ops);
create index divisions_level_idx on geo.divisions (level);
create index divisions_outline_gist on geo.divisions using gist (outline);

create table geo.grids
(
    code         char(15)         primary key,
    name         text             not null,
    village_code char(12)         not null references geo.divisions (code),
    path         text             not null unique,
    geometry_wkb bytea            not null,
    min_lon      double precision not null,
    min_lat      double precision not null,
    max_lon      double precision not null,
    max_lat      double precision not null,
    outline      polygon          not null,
    created_at   timestamptz      not null default now(),
    updated_at   timestamptz      not null default now()
);
create index grids_village_idx on geo.grids (village_code);
create index grids_path_idx on geo.grids (path text_pattern_ops);
create index grids_outline_gist on geo.grids using gist (outline);

-- One row: bumped by every write so every node can tell cheaply whether its in-memory index is stale.
create table geo.state
(
    id      smallint primary key check (id = 1),
    version bigint not null
);
insert into geo.state (id, version) values (1, 0);
