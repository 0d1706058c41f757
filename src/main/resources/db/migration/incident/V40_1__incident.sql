create schema if not exists incident;

-- ---------------------------------------------------------------------------------------------
-- Configuration kept as data (editable by an administrator through /incidents/admin/rules and
-- /api/v1/incidents/config/...). Rows tagged 'P' were read in the statutory text; 'L' are local
-- practice / sensible defaults; 'U' are unverified and must be checked by the bureau.
-- ---------------------------------------------------------------------------------------------

-- A grading scheme: a set of lower-bound thresholds per (dimension, grade). "N以上" includes N, so a
-- value v reaches grade g on dimension d when v >= min_value; the highest grade reached on any
-- dimension wins. base_grade is the grade of an event of this scheme that reaches no threshold
-- (一般 for Decree 493, which has no lower bound); null means the scheme does not grade (社会安全事件).
create table incident.grading_schemes
(
    code                    text primary key,
    name_zh                 text    not null,
    name_en                 text    not null,
    base_grade              text check (base_grade in ('GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
    count_missing_as_deaths boolean not null default true,
    legal_basis             text    not null,
    tag                     text    not null check (tag in ('P', 'S', 'L', 'U')),
    version                 int     not null default 0
);

create table incident.grading_thresholds
(
    scheme_code text           not null references incident.grading_schemes (code),
    dimension   text           not null check (dimension in ('DEATHS', 'SERIOUSLY_INJURED', 'DIRECT_LOSS',
                                                             'FOREST_AREA', 'TRAPPED')),
    grade       text           not null check (grade in ('GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
    min_value   numeric(20, 2) not null check (min_value >= 0),
    tag         text           not null check (tag in ('P', 'S', 'L', 'U')),
    primary key (scheme_code, dimension, grade)
);

-- Event types (kept as data, not an enum): category per 突发事件应对法 Art. 2, the grading scheme,
-- the reporting chain and the 补报/re-grading window of Decree 493 Art. 13 (30 days; 7 for road
-- traffic and fire).
create table incident.event_types
(
    code                text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,40}$'),
    category            text    not null check (category in ('NATURAL_DISASTER', 'ACCIDENT', 'PUBLIC_HEALTH',
                                                             'SOCIAL_SECURITY')),
    name_zh             text    not null,
    name_en             text    not null,
    grading_scheme      text    not null references incident.grading_schemes (code),
    reporting_chain     text    not null,
    regrade_window_days int     not null check (regrade_window_days between 0 and 3650),
    production_safety   boolean not null default false,
    active              boolean not null default true,
    sort                int     not null default 0,
    version             int     not null default 0
);

-- Reporting obligations per (chain, minimum grade, reporting level): when the level from_level has
-- received the event at time t, it must report to recipient by t + deadline_minutes (wall clock,
-- Asia/Shanghai). The UNIT level's anchor is the time of occurrence.
create table incident.reporting_rules
(
    id               serial primary key,
    chain            text    not null,
    from_level       text    not null check (from_level in ('UNIT', 'COUNTY', 'CITY', 'PROVINCE')),
    recipient        text    not null check (recipient in ('COUNTY_AUTHORITY', 'CITY_AUTHORITY',
                                                           'PROVINCE_AUTHORITY', 'STATE_AUTHORITY', 'POLICE',
                                                           'HRSS', 'TRADE_UNION', 'PROCURATORATE',
                                                           'SAME_LEVEL_GOVERNMENT')),
    min_grade        text check (min_grade in ('GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
    deadline_minutes int     not null check (deadline_minutes between 0 and 43200),
    enabled          boolean not null default true,
    legal_basis      text    not null,
    tag              text    not null check (tag in ('P', 'S', 'L', 'U')),
    version          int     not null default 0,
    unique (chain, from_level, recipient)
);

-- ---------------------------------------------------------------------------------------------
-- Events
-- ---------------------------------------------------------------------------------------------
create sequence incident.incident_number_seq;

create table incident.incidents
(
    id                  uuid primary key,
    number              text           not null unique,
    category            text           not null,
    type_code           text           not null references incident.event_types (code),
    title               text           not null,
    description         text,
    occurred_at         timestamptz    not null,
    reported_at         timestamptz    not null,
    received_level      text           not null check (received_level in ('COUNTY', 'CITY')),
    lon                 double precision not null,
    lat                 double precision not null,
    division_code       text           not null,
    division_path       text           not null,
    grid_code           text,
    address             text,
    reporter_name       text,
    reporter_phone      text,
    channel             text           not null,
    enterprise_name     text,
    enterprise_org_id   uuid,
    deaths              int            not null default 0 check (deaths >= 0),
    missing             int            not null default 0 check (missing >= 0),
    seriously_injured   int            not null default 0 check (seriously_injured >= 0),
    trapped             int            not null default 0 check (trapped >= 0),
    minor_injuries      int            not null default 0 check (minor_injuries >= 0),
    direct_loss         numeric(18, 2) not null default 0 check (direct_loss >= 0),
    forest_area_ha      numeric(14, 4) not null default 0 check (forest_area_ha >= 0),
    grade               text check (grade in ('GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
    grade_dimension     text,
    investigation_level text,
    state               text           not null default 'REPORTED' check (state in ('REPORTED', 'VERIFIED', 'CLOSED')),
    drill               boolean        not null default false,
    idempotency_key     text,
    idempotency_hash    text,
    created_by          text           not null,
    created_at          timestamptz    not null default now(),
    updated_at          timestamptz    not null default now(),
    version             int            not null default 0,
    check (reported_at >= occurred_at)
);
create index incidents_path_idx on incident.incidents (division_path text_pattern_ops);
create index incidents_occurred_idx on incident.incidents (occurred_at desc);
create index incidents_type_idx on incident.incidents (type_code, occurred_at desc);
create unique index incidents_idempotency_uq on incident.incidents (created_by, idempotency_key)
    where idempotency_key is not null;

create table incident.grade_changes
(
    id                        bigserial primary key,
    incident_id               uuid        not null references incident.incidents (id),
    at                        timestamptz not null,
    actor                     text        not null,
    old_grade                 text,
    new_grade                 text,
    deciding_dimension        text,
    deciding_value            numeric(20, 4),
    old_investigation         text,
    new_investigation         text,
    investigation_changed     boolean     not null default false,
    reason                    text        not null
);
create index grade_changes_incident_idx on incident.grade_changes (incident_id, at);

create table incident.casualty_updates
(
    id                bigserial primary key,
    incident_id       uuid           not null references incident.incidents (id),
    at                timestamptz    not null,
    actor             text           not null,
    deaths            int            not null,
    missing           int            not null,
    seriously_injured int            not null,
    trapped           int            not null,
    minor_injuries    int            not null,
    direct_loss       numeric(18, 2) not null,
    forest_area_ha    numeric(14, 4) not null,
    inside_window     boolean        not null,
    regraded          boolean        not null,
    note              text
);
create index casualty_updates_incident_idx on incident.casualty_updates (incident_id, at);

create table incident.obligations
(
    id             uuid primary key,
    incident_id    uuid        not null references incident.incidents (id),
    rule_id        int         not null,
    from_level     text        not null,
    recipient      text        not null,
    anchor_at      timestamptz not null,
    due_at         timestamptz not null,
    met_at         timestamptz,
    report_id      uuid,
    overdue_at     timestamptz,
    waived_at      timestamptz,
    division_path  text        not null,
    drill          boolean     not null,
    created_at     timestamptz not null default now(),
    unique (incident_id, from_level, recipient)
);
create index obligations_open_due_idx on incident.obligations (due_at)
    where met_at is null and waived_at is null and overdue_at is null;
create index obligations_path_idx on incident.obligations (division_path text_pattern_ops);

create table incident.reports
(
    id              uuid primary key,
    incident_id     uuid           not null references incident.incidents (id),
    kind            text           not null check (kind in ('INITIAL', 'FOLLOW_UP', 'VERIFIED', 'FINAL')),
    from_level      text           not null,
    recipients      text[]         not null,
    sent_at         timestamptz    not null,
    unit_overview   text           not null,
    time_place      text           not null,
    course          text           not null,
    casualties_text text           not null,
    measures        text           not null,
    other           text           not null,
    grade           text,
    deaths          int            not null,
    missing         int            not null,
    seriously_injured int          not null,
    direct_loss     numeric(18, 2) not null,
    author          text           not null,
    division_path   text           not null,
    created_at      timestamptz    not null default now()
);
create index reports_incident_idx on incident.reports (incident_id, sent_at);

create table incident.instructions
(
    id               uuid primary key,
    incident_id      uuid        not null references incident.incidents (id),
    author_name      text        not null,
    author_title     text,
    text             text        not null,
    issued_at        timestamptz not null,
    addressee        text        not null,
    addressee_user   text,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    recorded_by      text        not null,
    division_path    text        not null,
    created_at       timestamptz not null default now()
);
create index instructions_incident_idx on incident.instructions (incident_id, issued_at);

create table incident.instruction_notes
(
    id             bigserial primary key,
    instruction_id uuid        not null references incident.instructions (id),
    at             timestamptz not null,
    author         text        not null,
    text           text        not null
);

-- Photos and files: stored in PostgreSQL (bytea) so that web nodes stay stateless; limits enforced
-- in code (yingji.incident.attachments.*).
create table incident.attachments
(
    id            uuid primary key,
    incident_id   uuid        not null references incident.incidents (id),
    filename      text        not null,
    content_type  text        not null,
    size_bytes    int         not null,
    sha256        text        not null,
    content       bytea       not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null
);
create index attachments_incident_idx on incident.attachments (incident_id);

-- One time axis per event: every action, update, grade change, report, instruction, overdue flag.
create table incident.timeline
(
    id          bigserial primary key,
    incident_id uuid        not null references incident.incidents (id),
    at          timestamptz not null,
    kind        text        not null,
    actor       text        not null,
    args        text[]      not null default '{}',
    ref_id      text
);
create index timeline_incident_idx on incident.timeline (incident_id, at, id);
