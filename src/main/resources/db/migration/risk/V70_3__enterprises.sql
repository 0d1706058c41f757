-- The enterprise registry (生产经营单位): the risk module's profile of a directory organisation of kind ENTERPRISE.
-- The organisation (name, credit code, place) stays the directory's; this row holds what risk prevention needs.

-- Industries as data: the codes are those of the 三管三必须 matrix (responsibility.supervision), so the supervising
-- department of an enterprise is found through the matrix.
create table risk.industries
(
    code     text primary key,
    name_zh  text not null,
    name_en  text not null,
    position int  not null
);

insert into risk.industries (code, name_zh, name_en, position)
values ('HAZARDOUS_CHEMICALS', '危险化学品', 'Hazardous chemicals', 10),
       ('MINING', '非煤矿山', 'Non-coal mining', 20),
       ('FIREWORKS', '烟花爆竹', 'Fireworks', 30),
       ('METALLURGY', '冶金', 'Metallurgy', 40),
       ('INDUSTRIAL_TRADE', '其他工贸行业', 'Other industry and trade', 50),
       ('CONSTRUCTION', '建筑施工', 'Construction', 60),
       ('GAS', '城镇燃气', 'Town gas', 70),
       ('ROAD_TRANSPORT', '道路运输', 'Road transport', 80),
       ('SPECIAL_EQUIPMENT', '特种设备使用', 'Special equipment', 90),
       ('TOURISM', '文化旅游', 'Culture and tourism', 100),
       ('EDUCATION', '教育', 'Education', 110),
       ('WATER_CONSERVANCY', '水利', 'Water conservancy', 120);

create table risk.enterprises
(
    organisation_id     uuid primary key,
    credit_code         text        not null unique,
    name                text        not null,
    industry            text        not null references risk.industries (code),
    size                text        not null check (size in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    employees           int check (employees >= 0),
    status              text        not null check (status in ('OPERATING', 'SUSPENDED', 'CLOSED')),
    address             text,
    lon                 double precision,
    lat                 double precision,
    division_path       text        not null,
    grid_code           text,
    safety_officer      text,
    safety_officer_phone text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             int         not null,
    check ((lon is null) = (lat is null))
);

create index enterprises_path_idx on risk.enterprises (division_path text_pattern_ops);
create index enterprises_industry_idx on risk.enterprises (industry);
create index enterprises_name_idx on risk.enterprises (name);
