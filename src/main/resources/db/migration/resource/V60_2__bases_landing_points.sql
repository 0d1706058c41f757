-- Rescue bases (基地) housing teams, and aviation landing points (直升机起降点); fixed-wing aircraft as a category.
create table resource.bases
(
    id            uuid primary key,
    name          text             not null,
    kind          text             not null check (kind in ('COMPREHENSIVE', 'PROFESSIONAL', 'AVIATION', 'REGIONAL')),
    address       text,
    area_m2       numeric check (area_m2 >= 0),
    lon           double precision not null,
    lat           double precision not null,
    division_path text             not null,
    version       int              not null default 0,
    created_at    timestamptz      not null
);
create index bases_path on resource.bases (division_path text_pattern_ops);

create table resource.landing_points
(
    id            uuid primary key,
    name          text             not null,
    kind          text             not null check (kind in ('HELIPORT', 'HELIPAD', 'TEMPORARY', 'AIRPORT')),
    night         boolean          not null default false,
    max_weight_t  numeric check (max_weight_t >= 0),
    address       text,
    lon           double precision not null,
    lat           double precision not null,
    division_path text             not null,
    version       int              not null default 0,
    created_at    timestamptz      not null
);
create index landing_points_path on resource.landing_points (division_path text_pattern_ops);

insert into resource.equipment_categories (code, name_zh, name_en, capability, vehicle, sort)
values ('FIXED_WING', '固定翼飞机', 'Fixed-wing aircraft', 'AVIATION', true, 135);
