-- Risk prevention: risk points (LEC / LS, four colours), banding configuration, control measures,
-- and GB 18218-2018 units (major hazard sources) with inventories and grading history.
create schema if not exists risk;

-- Allowed factor values of each method (configuration; seeded with the standard sets, domain-rules.md §4.1/§4.2).
create table risk.factor_values
(
    method text    not null check (method in ('LEC', 'LS')),
    factor text    not null check (factor in ('L', 'E', 'C', 'S')),
    value  numeric not null check (value > 0),
    primary key (method, factor, value)
);

insert into risk.factor_values (method, factor, value)
select 'LEC', 'L', v from unnest(array [10, 6, 3, 1, 0.5, 0.2, 0.1]::numeric[]) v
union all
select 'LEC', 'E', v from unnest(array [10, 6, 3, 2, 1, 0.5]::numeric[]) v
union all
select 'LEC', 'C', v from unnest(array [100, 40, 15, 7, 3, 1]::numeric[]) v
union all
select 'LS', 'L', v from unnest(array [1, 2, 3, 4, 5]::numeric[]) v
union all
select 'LS', 'S', v from unnest(array [1, 2, 3, 4, 5]::numeric[]) v;

-- Banding (configuration, editable by an administrator). Bands of a method are contiguous from low to high.
create table risk.bands
(
    method          text    not null check (method in ('LEC', 'LS')),
    position        int     not null,
    colour          text    not null check (colour in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    label           text    not null,
    lower_bound     numeric,
    lower_inclusive boolean not null,
    upper_bound     numeric,
    upper_inclusive boolean not null,
    primary key (method, position)
);

-- LEC defaults, domain-rules.md §4.1 (Graham–Kinney): >320 red / 160–320 orange / 70–160 yellow / 20–70 and <20 blue.
-- The source table writes "> 320" and "< 20" explicitly: 320 stays orange and 20 is 一般危险. The inner edges 160
-- and 70 follow the document-wide convention "N以上 includes N" (closed lower edge). With the standard factor
-- values no product equals 160 or 320; 70 (e.g. 1×10×7) and 20 (e.g. 10×2×1) do occur.
insert into risk.bands (method, position, colour, label, lower_bound, lower_inclusive, upper_bound, upper_inclusive)
values ('LEC', 1, 'BLUE', 'lec.slight', null, false, 20, false),
       ('LEC', 2, 'BLUE', 'lec.possible', 20, true, 70, false),
       ('LEC', 3, 'YELLOW', 'lec.significant', 70, true, 160, false),
       ('LEC', 4, 'ORANGE', 'lec.high', 160, true, 320, true),
       ('LEC', 5, 'RED', 'lec.extreme', 320, false, null, false);

-- LS defaults, domain-rules.md §4.2 variant (b) (cited [S]): 20–25 red / 10–16 orange / 4–9 yellow / 1–3 blue, as
-- closed-lower / open-upper intervals (R = L×S only takes the values 1…25 listed in the matrix).
insert into risk.bands (method, position, colour, label, lower_bound, lower_inclusive, upper_bound, upper_inclusive)
values ('LS', 1, 'BLUE', 'ls.low', null, false, 4, false),
       ('LS', 2, 'YELLOW', 'ls.general', 4, true, 10, false),
       ('LS', 3, 'ORANGE', 'ls.large', 10, true, 20, false),
       ('LS', 4, 'RED', 'ls.major', 20, true, null, false);

create table risk.points
(
    id                uuid primary key,
    name              text        not null,
    category          text,
    description       text,
    organisation_id   uuid,
    organisation_name text,
    division_path     text        not null,
    grid_code         text,
    location          text,
    lon               double precision,
    lat               double precision,
    method            text check (method in ('LEC', 'LS')),
    score             numeric,
    colour            text check (colour in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    severity          int         not null default 0,
    assessed_at       timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int         not null default 0,
    check ((lon is null) = (lat is null)),
    check ((organisation_id is null) = (organisation_name is null))
);
create index points_path_idx on risk.points (division_path text_pattern_ops);
create index points_org_idx on risk.points (organisation_id);
create index points_colour_idx on risk.points (colour);

create table risk.assessments
(
    id              uuid primary key,
    point_id        uuid        not null references risk.points (id),
    division_path   text        not null,
    method          text        not null check (method in ('LEC', 'LS')),
    l               numeric     not null,
    e               numeric,
    c               numeric,
    s               numeric,
    score           numeric     not null,
    colour          text        not null check (colour in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    band_label      text        not null,
    previous_colour text check (previous_colour in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    note            text,
    assessed_by     text        not null,
    assessed_at     timestamptz not null
);
create index assessments_point_idx on risk.assessments (point_id, assessed_at desc);
create index assessments_path_idx on risk.assessments (division_path text_pattern_ops, assessed_at);

create table risk.control_measures
(
    id            uuid primary key,
    point_id      uuid        not null references risk.points (id) on delete cascade,
    measure       text        not null,
    control_level text        not null check (control_level in ('COMPANY', 'WORKSHOP', 'TEAM', 'POST')),
    position_id   uuid        not null,
    position_name text        not null,
    created_at    timestamptz not null
);
create index control_measures_point_idx on risk.control_measures (point_id);
create index control_measures_position_idx on risk.control_measures (position_id);

-- GB 18218-2018 identification units (a major hazard source when major).
create table risk.hazard_sources
(
    id                 uuid primary key,
    name               text        not null,
    unit_kind          text        not null check (unit_kind in ('PRODUCTION', 'STORAGE')),
    organisation_id    uuid        not null,
    organisation_name  text        not null,
    division_path      text        not null,
    exposed_population int         not null check (exposed_population >= 0),
    s                  numeric     not null,
    major              boolean     not null,
    alpha              numeric     not null,
    r                  numeric     not null,
    grade              int check (grade between 1 and 4),
    unverified_data    boolean     not null,
    graded_at          timestamptz not null,
    created_at         timestamptz not null default now(),
    version            int         not null default 0,
    check (major = (grade is not null))
);
create index hazard_sources_path_idx on risk.hazard_sources (division_path text_pattern_ops);
create index hazard_sources_org_idx on risk.hazard_sources (organisation_id);

create table risk.hazard_inventory
(
    source_id          uuid    not null references risk.hazard_sources (id) on delete cascade,
    line_no            int     not null,
    chemical_code      text,
    name               text    not null,
    cas                text,
    hazard_class       text,
    quantity           numeric not null check (quantity >= 0),
    threshold          numeric not null check (threshold > 0),
    beta               numeric not null check (beta > 0),
    ratio              numeric not null,
    threshold_verified boolean not null,
    beta_verified      boolean not null,
    primary key (source_id, line_no)
);

create table risk.hazard_gradings
(
    id                 uuid primary key,
    source_id          uuid        not null references risk.hazard_sources (id),
    division_path      text        not null,
    reason             text        not null,
    s                  numeric     not null,
    major              boolean     not null,
    exposed_population int         not null,
    alpha              numeric     not null,
    r                  numeric     not null,
    grade              int,
    previous_grade     int,
    items              jsonb       not null,
    graded_by          text        not null,
    graded_at          timestamptz not null
);
create index hazard_gradings_source_idx on risk.hazard_gradings (source_id, graded_at desc);
