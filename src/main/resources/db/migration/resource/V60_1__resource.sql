-- Rescue forces (救援力量体系): teams with capabilities ("一专多能"), members and certified skills, equipment,
-- warehouses with stock by batch, shelters, experts, status history, position pings and dispatches.
create schema if not exists resource;

-- Capabilities (reference data, kept as a table).
create table resource.capabilities
(
    code    text primary key,
    name_zh text not null,
    name_en text not null,
    sort    int  not null
);

insert into resource.capabilities (code, name_zh, name_en, sort)
values ('FIRE_RESCUE', '消防灭火救援', 'Fire fighting and rescue', 10),
       ('HAZCHEM', '危化品救援', 'Hazardous-chemicals rescue', 20),
       ('MINE', '矿山救援', 'Mine rescue', 30),
       ('TUNNEL', '隧道与工程抢险', 'Tunnel and construction rescue', 40),
       ('WATER', '水域与抗洪抢险', 'Water and flood rescue', 50),
       ('POWER', '电力抢修', 'Power repair', 60),
       ('COMMS', '通信保障', 'Communications support', 70),
       ('MEDICAL', '医疗救护', 'Medical rescue', 80),
       ('STRUCTURAL', '地震与建筑物倒塌搜救', 'Earthquake and structural-collapse search and rescue', 90),
       ('FOREST_FIRE', '森林灭火', 'Forest fire fighting', 100),
       ('AVIATION', '航空救援', 'Aviation rescue', 110),
       ('ROAD_RESCUE', '道路交通救援', 'Road traffic rescue', 120),
       ('GEOLOGICAL', '地质灾害救援', 'Geological-hazard rescue', 130),
       ('EVACUATION', '人员转移安置', 'Evacuation and relocation', 140);

-- Capabilities an event type needs (data, editable by SQL; '*' is the fallback for types without rows).
create table resource.event_capabilities
(
    event_type text not null,
    capability text not null references resource.capabilities (code),
    primary key (event_type, capability)
);

insert into resource.event_capabilities (event_type, capability)
values ('HAZARDOUS_CHEMICALS', 'HAZCHEM'), ('HAZARDOUS_CHEMICALS', 'FIRE_RESCUE'), ('HAZARDOUS_CHEMICALS', 'MEDICAL'),
       ('FIRE', 'FIRE_RESCUE'), ('FIRE', 'MEDICAL'),
       ('FLOOD', 'WATER'), ('FLOOD', 'EVACUATION'), ('FLOOD', 'MEDICAL'),
       ('RAINSTORM', 'WATER'), ('RAINSTORM', 'EVACUATION'),
       ('TYPHOON', 'WATER'), ('TYPHOON', 'POWER'), ('TYPHOON', 'COMMS'), ('TYPHOON', 'EVACUATION'),
       ('SNOW_ICE', 'POWER'), ('SNOW_ICE', 'ROAD_RESCUE'), ('SNOW_ICE', 'EVACUATION'),
       ('EARTHQUAKE', 'STRUCTURAL'), ('EARTHQUAKE', 'MEDICAL'), ('EARTHQUAKE', 'COMMS'), ('EARTHQUAKE', 'EVACUATION'),
       ('GEOLOGICAL', 'GEOLOGICAL'), ('GEOLOGICAL', 'STRUCTURAL'), ('GEOLOGICAL', 'MEDICAL'),
       ('FOREST_FIRE', 'FOREST_FIRE'), ('FOREST_FIRE', 'AVIATION'), ('FOREST_FIRE', 'MEDICAL'),
       ('GRASSLAND_FIRE', 'FOREST_FIRE'), ('GRASSLAND_FIRE', 'MEDICAL'),
       ('MINING', 'MINE'), ('MINING', 'MEDICAL'),
       ('CONSTRUCTION', 'TUNNEL'), ('CONSTRUCTION', 'STRUCTURAL'), ('CONSTRUCTION', 'MEDICAL'),
       ('ROAD_TRAFFIC', 'ROAD_RESCUE'), ('ROAD_TRAFFIC', 'FIRE_RESCUE'), ('ROAD_TRAFFIC', 'MEDICAL'),
       ('SPECIAL_EQUIPMENT', 'FIRE_RESCUE'), ('SPECIAL_EQUIPMENT', 'MEDICAL'),
       ('INDUSTRIAL_TRADE', 'FIRE_RESCUE'), ('INDUSTRIAL_TRADE', 'MEDICAL'),
       ('GAS', 'FIRE_RESCUE'), ('GAS', 'HAZCHEM'), ('GAS', 'MEDICAL'),
       ('WATER_TRANSPORT', 'WATER'), ('WATER_TRANSPORT', 'MEDICAL'),
       ('*', 'FIRE_RESCUE'), ('*', 'MEDICAL');

-- Equipment categories; the capability a category supports feeds the recommendation.
create table resource.equipment_categories
(
    code       text primary key,
    name_zh    text    not null,
    name_en    text    not null,
    capability text references resource.capabilities (code),
    vehicle    boolean not null,
    sort       int     not null
);

insert into resource.equipment_categories (code, name_zh, name_en, capability, vehicle, sort)
values ('FIRE_ENGINE', '消防车', 'Fire engine', 'FIRE_RESCUE', true, 10),
       ('HAZMAT_SUIT', '防化服', 'Hazmat suit', 'HAZCHEM', false, 20),
       ('GAS_DETECTOR', '气体检测仪', 'Gas detector', 'HAZCHEM', false, 30),
       ('BREATHING', '正压式空气呼吸器', 'Breathing apparatus', 'MINE', false, 40),
       ('EXCAVATOR', '挖掘机', 'Excavator', 'TUNNEL', true, 50),
       ('BOAT', '冲锋舟', 'Rescue boat', 'WATER', true, 60),
       ('PUMP', '排涝泵', 'Drainage pump', 'WATER', false, 70),
       ('GENERATOR', '应急发电机', 'Generator', 'POWER', false, 80),
       ('SAT_PHONE', '卫星电话', 'Satellite phone', 'COMMS', false, 90),
       ('AMBULANCE', '救护车', 'Ambulance', 'MEDICAL', true, 100),
       ('LIFE_DETECTOR', '生命探测仪', 'Life detector', 'STRUCTURAL', false, 110),
       ('FOREST_TOOL', '风力灭火机', 'Forest fire blower', 'FOREST_FIRE', false, 120),
       ('HELICOPTER', '直升机', 'Helicopter', 'AVIATION', true, 130),
       ('DRONE', '无人机', 'Drone', 'AVIATION', false, 140),
       ('HYDRAULIC_TOOL', '液压破拆工具', 'Hydraulic rescue tool', 'ROAD_RESCUE', false, 150),
       ('OTHER', '其他', 'Other', null, false, 999);

-- Bumped by every write that changes what the recommendation index holds (teams, skills, equipment).
create table resource.state
(
    id      int primary key check (id = 1),
    version bigint not null
);
insert into resource.state (id, version) values (1, 0);

create table resource.teams
(
    id                 uuid primary key,
    name               text             not null,
    kind               text             not null,
    organisation       text,
    base               text,
    headcount          int              not null check (headcount >= 0),
    primary_capability text             not null references resource.capabilities (code),
    capabilities       text[]           not null default '{}',
    readiness          int              not null check (readiness between 1 and 3),
    lon                double precision not null,
    lat                double precision not null,
    division_path      text             not null,
    leader_username    text,
    phone              text,
    status             text             not null default 'STANDBY'
        check (status in ('STANDBY', 'DISPATCHED', 'ON_SCENE', 'RETURNING', 'UNAVAILABLE')),
    status_at          timestamptz      not null,
    current_incident   uuid,
    last_ping_at       timestamptz,
    version            int              not null default 0,
    created_at         timestamptz      not null,
    updated_at         timestamptz      not null
);
create index teams_path on resource.teams (division_path text_pattern_ops);
create index teams_status on resource.teams (status);
create unique index teams_name on resource.teams (division_path, name);

create table resource.team_status_history
(
    id          bigserial primary key,
    team_id     uuid        not null references resource.teams (id) on delete cascade,
    from_status text,
    to_status   text        not null,
    incident_id uuid,
    note        text,
    at          timestamptz not null,
    by_user     text        not null
);
create index team_status_history_team on resource.team_status_history (team_id, at);

create table resource.team_pings
(
    team_id         uuid             not null references resource.teams (id) on delete cascade,
    idempotency_key text             not null,
    lon             double precision not null,
    lat             double precision not null,
    at              timestamptz      not null,
    received_at     timestamptz      not null,
    primary key (team_id, idempotency_key)
);

create table resource.dispatches
(
    id            uuid primary key,
    team_id       uuid        not null references resource.teams (id),
    incident_id   uuid        not null,
    division_path text        not null,
    dispatched_at timestamptz not null,
    dispatched_by text        not null,
    note          text
);
create index dispatches_team on resource.dispatches (team_id, dispatched_at);
create index dispatches_incident on resource.dispatches (incident_id);

create table resource.members
(
    id            uuid primary key,
    team_id       uuid        not null references resource.teams (id) on delete cascade,
    name          text        not null,
    role          text,
    phone         text,
    division_path text        not null,
    created_at    timestamptz not null
);
create index members_team on resource.members (team_id);

-- A skill counts for matching only while its certificate is valid (expires_on is the last valid day).
create table resource.member_skills
(
    id          uuid primary key,
    member_id   uuid not null references resource.members (id) on delete cascade,
    capability  text not null references resource.capabilities (code),
    certificate text,
    expires_on  date
);
create index member_skills_member on resource.member_skills (member_id);

create table resource.equipment
(
    id            uuid primary key,
    team_id       uuid references resource.teams (id) on delete cascade,
    name          text        not null,
    category      text        not null references resource.equipment_categories (code),
    model         text,
    quantity      int         not null check (quantity >= 0),
    state         text        not null check (state in ('IN_SERVICE', 'MAINTENANCE', 'RETIRED')),
    lon           double precision,
    lat           double precision,
    division_path text        not null,
    version       int         not null default 0,
    created_at    timestamptz not null
);
create index equipment_team on resource.equipment (team_id);
create index equipment_path on resource.equipment (division_path text_pattern_ops);

create table resource.warehouses
(
    id            uuid primary key,
    name          text             not null,
    address       text,
    manager       text,
    phone         text,
    lon           double precision not null,
    lat           double precision not null,
    division_path text             not null,
    version       int              not null default 0,
    created_at    timestamptz      not null
);
create index warehouses_path on resource.warehouses (division_path text_pattern_ops);

create table resource.stock
(
    id            uuid primary key,
    warehouse_id  uuid        not null references resource.warehouses (id) on delete cascade,
    item          text        not null,
    unit          text        not null,
    batch         text        not null,
    quantity      int         not null check (quantity >= 0),
    reserved      int         not null default 0 check (reserved >= 0 and reserved <= quantity),
    min_level     int         not null default 0 check (min_level >= 0),
    expires_on    date,
    division_path text        not null,
    version       int         not null default 0,
    created_at    timestamptz not null,
    unique (warehouse_id, item, batch)
);
create index stock_path on resource.stock (division_path text_pattern_ops);

create table resource.reservations
(
    id          uuid primary key,
    stock_id    uuid        not null references resource.stock (id) on delete cascade,
    quantity    int         not null check (quantity > 0),
    incident_id uuid,
    note        text,
    at          timestamptz not null,
    by_user     text        not null
);

create table resource.shelters
(
    id            uuid primary key,
    name          text             not null,
    level         text             not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    duration      text             not null check (duration in ('EMERGENCY', 'SHORT_TERM', 'LONG_TERM')),
    indoor        boolean          not null default false,
    capacity      int              not null check (capacity >= 0),
    occupancy     int              not null default 0 check (occupancy >= 0 and occupancy <= capacity),
    area_m2       numeric,
    address       text,
    lon           double precision not null,
    lat           double precision not null,
    division_path text             not null,
    version       int              not null default 0,
    created_at    timestamptz      not null
);
create index shelters_path on resource.shelters (division_path text_pattern_ops);

create table resource.experts
(
    id            uuid primary key,
    name          text        not null,
    specialty     text        not null references resource.capabilities (code),
    title         text,
    organisation  text,
    phone         text,
    division_path text        not null,
    lon           double precision,
    lat           double precision,
    version       int         not null default 0,
    created_at    timestamptz not null
);
create index experts_path on resource.experts (division_path text_pattern_ops);
