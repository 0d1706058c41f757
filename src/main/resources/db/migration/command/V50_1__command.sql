-- Command system: plans (预案) with response actions per level, responses (启动/调整/终止), headquarters (指挥部)
-- with working groups, and tasks (指令) with receipts, feedback and confirmation.
create schema if not exists command;

create table command.plans (
    id            uuid primary key,
    code          text not null unique,
    name          text not null,
    -- GENERAL 总体预案, SPECIAL 专项预案, DEPARTMENT 部门预案, ENTERPRISE 企业预案
    kind          text not null check (kind in ('GENERAL', 'SPECIAL', 'DEPARTMENT', 'ENTERPRISE')),
    -- event type codes the plan covers; empty for a general plan covering every type
    event_types   text[] not null default '{}',
    -- the jurisdiction whose government issued it; it applies to events inside
    division_path text not null,
    issuer        text not null,
    version_label text not null default '1.0',
    effective_on  date,
    status        text not null default 'ACTIVE' check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    summary       text,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int not null default 0
);
create index plans_path on command.plans (division_path text_pattern_ops);

-- Which response level a plan suggests for which grade, and the plan's own trigger wording.
create table command.plan_levels (
    plan_id      uuid not null references command.plans (id) on delete cascade,
    level        text not null check (level in ('I', 'II', 'III', 'IV')),
    -- lowest event grade that triggers this level; null when only the wording decides
    min_grade    text check (min_grade in ('GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
    trigger_text text not null,
    primary key (plan_id, level)
);

-- The checklist: what must be done at each level and who is responsible.
create table command.plan_actions (
    id               uuid primary key,
    plan_id          uuid not null references command.plans (id) on delete cascade,
    level            text not null check (level in ('I', 'II', 'III', 'IV')),
    seq              int not null,
    action           text not null,
    responsible_kind text not null check (responsible_kind in ('POSITION', 'DEPARTMENT', 'TEAM', 'GROUP', 'USER')),
    responsible      text not null,
    -- account that receives the task, when the responsible party has one
    responsible_user text,
    due_minutes      int not null check (due_minutes > 0),
    -- replaced by an edit but kept because tasks refer to it
    retired          boolean not null default false
);
create unique index plan_actions_order on command.plan_actions (plan_id, level, seq) where not retired;

create table command.responses (
    id            uuid primary key,
    incident_id   uuid not null,
    plan_id       uuid references command.plans (id),
    level         text not null check (level in ('I', 'II', 'III', 'IV')),
    state         text not null check (state in ('ACTIVE', 'ENDED')),
    division_path text not null,
    activated_by  text not null,
    activated_at  timestamptz not null,
    ended_by      text,
    ended_at      timestamptz,
    reason        text not null,
    version       int not null default 0
);
-- one running response per event
create unique index responses_one_active on command.responses (incident_id) where state = 'ACTIVE';
create index responses_incident on command.responses (incident_id);

create table command.response_changes (
    id          bigserial primary key,
    response_id uuid not null references command.responses (id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null check (action in ('ACTIVATE', 'RAISE', 'LOWER', 'END')),
    from_level  text,
    to_level    text,
    reason      text not null
);

create table command.headquarters (
    id                     uuid primary key,
    incident_id            uuid not null unique,
    name                   text not null,
    division_path          text not null,
    lead_level             text not null check (lead_level in ('TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE', 'STATE_COUNCIL')),
    post_address           text,
    post_lon               double precision,
    post_lat               double precision,
    on_scene_commander     text,
    on_scene_team          text,
    established_by         text not null,
    established_at         timestamptz not null,
    version                int not null default 0
);

create table command.hq_members (
    id            uuid primary key,
    hq_id         uuid not null references command.headquarters (id) on delete cascade,
    role          text not null check (role in ('COMMANDER', 'DEPUTY', 'GROUP_LEAD', 'GROUP_MEMBER')),
    group_code    text,
    person_id     uuid,
    person_name   text not null,
    organisation  text,
    phone         text,
    username      text,
    added_by      text not null,
    added_at      timestamptz not null
);
create index hq_members_hq on command.hq_members (hq_id);

create table command.tasks (
    id                uuid primary key,
    number            text not null unique,
    incident_id       uuid not null,
    response_id       uuid references command.responses (id),
    plan_action_id    uuid references command.plan_actions (id),
    division_path     text not null,
    title             text not null,
    detail            text,
    assignee_kind     text not null check (assignee_kind in ('POSITION', 'DEPARTMENT', 'TEAM', 'GROUP', 'USER')),
    assignee_name     text not null,
    assignee_user     text,
    assignee_ref      text,
    assigned_by       text not null,
    assigned_at       timestamptz not null,
    due_at            timestamptz not null,
    state             text not null check (state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED', 'COMPLETED', 'CANCELLED')),
    received_by       text,
    received_at       timestamptz,
    done_by           text,
    done_at           timestamptz,
    confirmed_by      text,
    confirmed_at      timestamptz,
    escalated_at      timestamptz,
    source_key        text unique,
    version           int not null default 0
);
create index tasks_incident on command.tasks (incident_id);
create index tasks_open_due on command.tasks (due_at) where state in ('ISSUED', 'RECEIVED', 'DONE_REPORTED');
create index tasks_path on command.tasks (division_path text_pattern_ops);
create index tasks_assignee on command.tasks (assignee_user) where assignee_user is not null;
create sequence command.task_number_seq;

create table command.task_updates (
    id            uuid primary key,
    task_id       uuid not null references command.tasks (id),
    at            timestamptz not null,
    actor         text not null,
    kind          text not null check (kind in ('ISSUED', 'RECEIVED', 'PROGRESS', 'DONE', 'CONFIRMED', 'RETURNED', 'ESCALATED', 'CANCELLED')),
    text          text,
    lon           double precision,
    lat           double precision,
    photo_name    text,
    photo_type    text,
    photo         bytea
);
create index task_updates_task on command.task_updates (task_id, at);
