-- Monitoring and early warning (监测预警): monitoring points, sensors with their rules, readings (time-partitioned),
-- alarms (报警) and warnings (预警), our own and imported ones.
create schema if not exists monitoring;

create table monitoring.point
(
    id            uuid primary key,
    code          text        not null unique,
    name          text        not null,
    link_kind     text        not null check (link_kind in ('ENTERPRISE', 'HAZARD_SOURCE', 'RESERVOIR', 'PLACE')),
    link_id       uuid,
    link_name     text,
    lon           double precision not null,
    lat           double precision not null,
    division_code text,
    division_path text        not null,
    grid_code     text,
    created_at    timestamptz not null,
    version       int         not null default 0
);
create index point_division on monitoring.point (division_path text_pattern_ops);

create table monitoring.sensor
(
    id               uuid primary key,
    code             text        not null unique,
    point_id         uuid        not null references monitoring.point (id),
    name             text        not null,
    kind             text        not null,
    unit             text        not null,
    interval_seconds int         not null check (interval_seconds > 0),
    direction        text        not null check (direction in ('ABOVE', 'BELOW')),
    blue             double precision,
    yellow           double precision,
    orange           double precision,
    red              double precision,
    hysteresis       double precision not null default 0 check (hysteresis >= 0),
    rate_per_minute  double precision check (rate_per_minute > 0),
    duration_minutes int         not null default 0 check (duration_minutes >= 0),
    division_path    text        not null,
    -- last evaluated state (flushed from memory by the sweep and on every state change)
    state            text        not null default 'NORMAL',
    last_value       double precision,
    last_at          timestamptz,
    created_at       timestamptz not null,
    version          int         not null default 0
);
create index sensor_point on monitoring.sensor (point_id);
create index sensor_division on monitoring.sensor (division_path text_pattern_ops);

-- Readings: range partitions by day (created ahead by the application, dropped after the retention period).
-- The default partition catches readings outside the prepared range instead of failing the batch.
create table monitoring.reading
(
    sensor_id   uuid             not null,
    at          timestamptz      not null,
    value       double precision not null,
    received_at timestamptz      not null,
    primary key (sensor_id, at)
) partition by range (at);
create table monitoring.reading_default partition of monitoring.reading default;

create table monitoring.alarm
(
    id            uuid primary key,
    sensor_id     uuid             not null references monitoring.sensor (id),
    point_id      uuid             not null references monitoring.point (id),
    division_path text             not null,
    kind          text             not null check (kind in ('THRESHOLD', 'RATE', 'OFFLINE')),
    level         text check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
    value         double precision,
    reading_at    timestamptz      not null,
    raised_at     timestamptz      not null,
    status        text             not null default 'OPEN' check (status in ('OPEN', 'DISMISSED', 'WARNED')),
    handled_by    text,
    handled_at    timestamptz,
    note          text,
    warning_id    uuid,
    version       int              not null default 0
);
create index alarm_open on monitoring.alarm (status, raised_at desc);
create index alarm_division on monitoring.alarm (division_path text_pattern_ops);

create table monitoring.warning
(
    id             uuid primary key,
    identifier     text        not null unique,
    sender         text        not null,
    sender_name    text        not null,
    external       boolean     not null default false,
    drill          boolean     not null default false,
    status         text        not null check (status in ('ACTIVE', 'CANCELLED')),
    msg_type       text        not null check (msg_type in ('Alert', 'Update', 'Cancel')),
    level          text        not null check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
    event_type     text        not null,
    category       text        not null default 'Safety',
    title          text        not null,
    content        text        not null,
    measures       text        not null default '',
    area_desc      text        not null,
    division_codes text[]      not null default '{}',
    division_paths text[]      not null default '{}',
    -- CAP polygon: whitespace-separated lat,lon pairs, closed; null when the area is given by divisions
    polygon        text,
    effective      timestamptz not null,
    expires        timestamptz,
    issued_at      timestamptz not null,
    updated_at     timestamptz not null,
    cancelled_at   timestamptz,
    alarm_id       uuid references monitoring.alarm (id),
    -- previous CAP messages of this warning (sender,identifier,sent triples) for references on Update/Cancel
    references_    text        not null default '',
    cap_sent       timestamptz not null,
    source_xml     text,
    version        int         not null default 0
);
create index warning_status on monitoring.warning (status, issued_at desc);
