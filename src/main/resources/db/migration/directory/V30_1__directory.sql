create schema if not exists directory;

create table directory.organisations
(
    id            uuid primary key,
    kind          text        not null check (kind in ('GOVERNMENT_DEPARTMENT', 'ENTERPRISE', 'RESCUE_ORGANISATION', 'OTHER')),
    name          text        not null,
    short_name    text,
    credit_code   text,
    parent_id     uuid references directory.organisations (id),
    division_path text        not null,
    address       text,
    lon           double precision,
    lat           double precision,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int         not null default 0,
    check (kind <> 'ENTERPRISE' or credit_code is not null),
    check ((lon is null) = (lat is null))
);
create unique index organisations_credit_code_uq on directory.organisations (credit_code);
create index organisations_path_idx on directory.organisations (division_path text_pattern_ops);
create index organisations_name_idx on directory.organisations (name);

-- No ID-card number on purpose: the directory only keeps what is needed to reach people.
create table directory.persons
(
    id              uuid primary key,
    name            text        not null,
    gender          text check (gender in ('MALE', 'FEMALE')),
    organisation_id uuid references directory.organisations (id),
    division_path   text        not null,
    title           text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int         not null default 0
);
create index persons_path_idx on directory.persons (division_path text_pattern_ops);
create index persons_org_idx on directory.persons (organisation_id);
create index persons_name_idx on directory.persons (name);

create table directory.contact_channels
(
    person_id  uuid    not null references directory.persons (id) on delete cascade,
    preference int     not null,
    type       text    not null check (type in ('MOBILE', 'LANDLINE', 'EMAIL', 'WECHAT', 'OTHER')),
    value      text    not null,
    verified   boolean not null default false,
    primary key (person_id, preference)
);
create index contact_channels_value_idx on directory.contact_channels (value);

create table directory.positions
(
    id              uuid primary key,
    name            text        not null,
    kind            text        not null,
    division_path   text        not null,
    organisation_id uuid references directory.organisations (id),
    deputy_id       uuid references directory.positions (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int         not null default 0
);
create index positions_path_kind_idx on directory.positions (division_path text_pattern_ops, kind);
create index positions_kind_path_idx on directory.positions (kind, division_path);
create index positions_org_idx on directory.positions (organisation_id);

create table directory.holdings
(
    id          uuid primary key,
    position_id uuid        not null references directory.positions (id),
    person_id   uuid        not null references directory.persons (id),
    kind        text        not null check (kind in ('PRIMARY', 'ACTING')),
    valid_from  timestamptz not null,
    valid_to    timestamptz,
    note        text,
    created_at  timestamptz not null default now(),
    check (valid_to is null or valid_to > valid_from)
);
-- At most one open holding of each kind per position.
create unique index holdings_open_uq on directory.holdings (position_id, kind) where valid_to is null;
create index holdings_position_idx on directory.holdings (position_id, valid_from desc);
create index holdings_person_idx on directory.holdings (person_id);

create table directory.shifts
(
    id              uuid primary key,
    division_path   text        not null,
    organisation_id uuid references directory.organisations (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    role            text        not null check (role in ('LEADER_ON_DUTY', 'DUTY_OFFICER', 'STANDBY')),
    person_id       uuid        not null references directory.persons (id),
    note            text,
    created_at      timestamptz not null default now(),
    version         int         not null default 0,
    check (ends_at > starts_at)
);
create index shifts_path_time_idx on directory.shifts (division_path text_pattern_ops, starts_at);
create index shifts_time_idx on directory.shifts (starts_at, ends_at);
create index shifts_person_idx on directory.shifts (person_id);

create table directory.handover_notes
(
    id        uuid primary key,
    shift_id  uuid        not null references directory.shifts (id) on delete cascade,
    text      text        not null,
    author    text        not null,
    at        timestamptz not null default now()
);
create index handover_notes_shift_idx on directory.handover_notes (shift_id, at);
create index handover_notes_at_idx on directory.handover_notes (at desc);
