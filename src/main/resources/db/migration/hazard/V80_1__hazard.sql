-- Hidden hazards (隐患排查治理): from a report (resident, grid worker, enterprise self-inspection, inspector) through
-- verification, assignment with the five implementations (五落实), rectification with evidence, acceptance by
-- someone other than the rectifier, to closure (销号); or rejection / merge as a duplicate.
create schema if not exists hazard;

create sequence hazard.number_seq;

create table hazard.hazards
(
    id                uuid primary key,
    number            text        not null unique,
    title             text        not null,
    description       text,
    grade             text        not null check (grade in ('GENERAL', 'MAJOR')),
    industry          text        not null,
    source            text        not null check (source in ('RESIDENT', 'GRID_WORKER', 'ENTERPRISE', 'INSPECTOR')),
    state             text        not null check (state in ('REPORTED', 'VERIFIED', 'ASSIGNED', 'RECTIFYING',
                                                            'RECTIFIED', 'ACCEPTED', 'CLOSED', 'REJECTED', 'MERGED')),
    division_path     text        not null,
    grid_code         text,
    lon               double precision,
    lat               double precision,
    address           text,
    enterprise_id     uuid,
    enterprise_name   text,
    reporter_name     text,
    reporter_phone    text,
    reported_by       text        not null,
    reported_by_user  uuid,
    idempotency_key   text,
    follow_up_hash    text unique,
    client_hash       text,
    reported_at       timestamptz not null,
    verified_at       timestamptz,
    responsible       text,
    measures          text,
    funds             numeric(14, 2),
    deadline          date,
    deadline_at       timestamptz,
    contingency_plan  text,
    assigned_at       timestamptz,
    rectified_by      text,
    rectified_by_user uuid,
    rectified_at      timestamptz,
    accepted_by       text,
    accepted_at       timestamptz,
    closed_at         timestamptz,
    merged_into       uuid references hazard.hazards (id),
    reason            text,
    supervised        boolean     not null default false,
    supervising_path  text,
    card              text        not null default 'NONE' check (card in ('NONE', 'YELLOW', 'RED')),
    card_at           timestamptz,
    escalated_path    text,
    version           int         not null default 0,
    updated_at        timestamptz not null
);

create index hazards_path on hazard.hazards (division_path text_pattern_ops);
create index hazards_state on hazard.hazards (state, deadline_at);
-- The ledger's default order (newest first), so its first page does not sort the whole table.
create index hazards_reported on hazard.hazards (reported_at desc, id);
create index hazards_enterprise on hazard.hazards (enterprise_id) where enterprise_id is not null;
create index hazards_client on hazard.hazards (client_hash, reported_at) where client_hash is not null;
-- A retry with the same key by the same reporter (anonymous reporters share one key space) never duplicates.
create unique index hazards_idempotency on hazard.hazards (coalesce(reported_by_user::text, ''), idempotency_key)
    where idempotency_key is not null;

-- Photos of reports and of every later step (evidence), stored in the database.
create table hazard.photos
(
    id           uuid primary key,
    hazard_id    uuid        not null references hazard.hazards (id),
    content_type text        not null,
    size_bytes   int         not null,
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index photos_hazard on hazard.photos (hazard_id);

-- Every step after the report (the report itself is the hazard row): who, when, where, note, photo.
create table hazard.steps
(
    id            uuid primary key,
    hazard_id     uuid        not null references hazard.hazards (id),
    at            timestamptz not null,
    action        text        not null,
    from_state    text        not null,
    to_state      text        not null,
    actor         text        not null,
    actor_user    uuid,
    note          text,
    lon           double precision,
    lat           double precision,
    photo_id      uuid references hazard.photos (id),
    division_path text        not null
);
create index steps_hazard on hazard.steps (hazard_id, at);
