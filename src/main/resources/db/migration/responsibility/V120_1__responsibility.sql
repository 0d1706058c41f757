-- Responsibility system: duty and work lists bound to positions (never to persons, so they survive turnover),
-- the 三管三必须 supervision matrix, and chiefs / 包保 persons with the yearly contact check.
create schema if not exists responsibility;

create table responsibility.lists (
    id            uuid primary key,
    -- the lineage: every version of one list shares it
    lineage_id    uuid not null,
    version_no    int not null check (version_no > 0),
    kind          text not null check (kind in ('DUTY', 'WORK')),
    position_id   uuid not null,
    position_name text not null,
    division_path text not null,
    title         text not null,
    basis         text,
    state         text not null check (state in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    created_by    text not null,
    created_at    timestamptz not null,
    approved_by   text,
    published_at  timestamptz,
    version       int not null default 0,
    unique (lineage_id, version_no)
);
-- one published version per lineage
create unique index lists_one_published on responsibility.lists (lineage_id) where state = 'PUBLISHED';
create index lists_position on responsibility.lists (position_id);
create index lists_path on responsibility.lists (division_path text_pattern_ops);

create table responsibility.items (
    id               uuid primary key,
    list_id          uuid not null references responsibility.lists (id) on delete cascade,
    seq              int not null,
    principle        text not null check (principle in ('PARTY_GOV_SAME', 'ONE_POST_TWO_DUTIES', 'JOINT_MANAGEMENT',
                                                         'ACCOUNTABILITY', 'THREE_MUSTS', 'OTHER')),
    content          text not null,
    due_on           date,
    evidence_required boolean not null default false,
    status           text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_by          text,
    done_at          timestamptz,
    done_note        text,
    evidence_name    text,
    evidence_type    text,
    evidence         bytea,
    unique (list_id, seq)
);

-- 三管三必须: which department supervises which industry or domain, and on which ground.
create table responsibility.supervision (
    id          uuid primary key,
    industry    text not null,
    department  text not null,
    ground      text not null check (ground in ('INDUSTRY', 'BUSINESS', 'PRODUCTION')),
    note        text,
    updated_by  text not null,
    updated_at  timestamptz not null,
    unique (industry, department)
);

insert into responsibility.supervision (id, industry, department, ground, note, updated_by, updated_at) values
 (gen_random_uuid(), 'HAZARDOUS_CHEMICALS', '应急管理局', 'INDUSTRY', '危险化学品生产、储存、使用、经营企业安全生产综合监管和直接监管', 'system', now()),
 (gen_random_uuid(), 'MINING', '应急管理局', 'INDUSTRY', '非煤矿山', 'system', now()),
 (gen_random_uuid(), 'FIREWORKS', '应急管理局', 'INDUSTRY', '烟花爆竹生产经营', 'system', now()),
 (gen_random_uuid(), 'METALLURGY', '应急管理局', 'INDUSTRY', '冶金等工贸行业', 'system', now()),
 (gen_random_uuid(), 'INDUSTRIAL_TRADE', '应急管理局', 'INDUSTRY', '工贸行业', 'system', now()),
 (gen_random_uuid(), 'CONSTRUCTION', '住房城乡建设局', 'INDUSTRY', '房屋建筑和市政工程施工安全', 'system', now()),
 (gen_random_uuid(), 'GAS', '住房城乡建设局', 'INDUSTRY', '城镇燃气', 'system', now()),
 (gen_random_uuid(), 'ROAD_TRANSPORT', '交通运输局', 'INDUSTRY', '道路运输、公路水运工程', 'system', now()),
 (gen_random_uuid(), 'ROAD_TRAFFIC', '公安局', 'BUSINESS', '道路交通安全管理', 'system', now()),
 (gen_random_uuid(), 'SPECIAL_EQUIPMENT', '市场监督管理局', 'BUSINESS', '特种设备安全监察', 'system', now()),
 (gen_random_uuid(), 'WATER_CONSERVANCY', '水务局', 'INDUSTRY', '水利工程、防汛设施', 'system', now()),
 (gen_random_uuid(), 'EDUCATION', '教育局', 'BUSINESS', '学校安全', 'system', now()),
 (gen_random_uuid(), 'TOURISM', '文化和旅游局', 'INDUSTRY', '旅游景区、文化娱乐场所', 'system', now()),
 (gen_random_uuid(), 'FIRE', '消防救援支队', 'BUSINESS', '消防安全监督检查', 'system', now());

-- Chiefs (行政首长负责制) per division and 包保 persons for places, bound to positions.
create table responsibility.assignments (
    id            uuid primary key,
    kind          text not null check (kind in ('FLOOD_CHIEF', 'DROUGHT_CHIEF', 'FOREST_FIRE_CHIEF', 'BAOBAO')),
    object_kind   text not null check (object_kind in ('DIVISION', 'RESERVOIR', 'GEO_HAZARD_POINT', 'DANGEROUS_SLOPE',
                                                        'LOW_LYING_AREA', 'DIKE', 'OTHER')),
    object_name   text not null,
    division_path text not null,
    position_id   uuid not null,
    position_name text not null,
    verified_at   timestamptz,
    verified_by   text,
    verified_phone text,
    created_by    text not null,
    created_at    timestamptz not null,
    version       int not null default 0
);
create index assignments_path on responsibility.assignments (division_path text_pattern_ops);
