-- The 叫应 chain: policies per warning level (data), campaigns, one call per person and position, the history of
-- each call, durable timers (due actions claimed with FOR UPDATE SKIP LOCKED) and used answer links.
create schema if not exists callout;

create table callout.policy (
    level text primary key check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
    definition jsonb not null,
    version int not null default 0,
    updated_at timestamptz not null
);

create table callout.campaign (
    id uuid primary key,
    warning_id uuid unique,
    level text not null,
    title text not null,
    message text not null,
    division_path text not null,
    division_paths text[] not null,
    drill boolean not null,
    state text not null check (state in ('OPEN', 'CLOSED')),
    policy jsonb not null,
    started_by text not null,
    started_at timestamptz not null,
    closed_at timestamptz
);
create index campaign_started_idx on callout.campaign (started_at desc);

create table callout.call (
    id uuid primary key,
    campaign_id uuid not null references callout.campaign (id),
    tier_key text not null,
    tier_index int not null,
    position_id uuid,
    position_name text not null,
    position_kind text not null,
    division_path text not null,
    person_id uuid,
    person_name text,
    state text not null check (state in ('CALLING', 'ANSWERED', 'ON_POST', 'CANNOT', 'UNANSWERED', 'VACANT', 'NO_CHANNEL', 'CANCELLED')),
    channels text[] not null default '{}',
    attempts int not null default 0,
    reached_at timestamptz,
    answered_at timestamptz,
    on_post_at timestamptz,
    location text,
    lon double precision,
    lat double precision,
    parent_call uuid references callout.call (id),
    reason text check (reason in ('FIRST', 'SUPERIOR', 'DEPUTY', 'DUTY_OFFICER')),
    escalated boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index call_campaign_idx on callout.call (campaign_id, tier_index);
create index call_person_idx on callout.call (person_id) where state = 'CALLING';
create index call_open_idx on callout.call (campaign_id) where state in ('CALLING', 'ANSWERED');
create index call_parent_idx on callout.call (parent_call) where parent_call is not null;

create table callout.call_event (
    id bigserial primary key,
    call_id uuid not null references callout.call (id),
    at timestamptz not null,
    kind text not null,
    detail text
);
create index call_event_call_idx on callout.call_event (call_id, id);

create table callout.due (
    id bigserial primary key,
    call_id uuid not null references callout.call (id),
    kind text not null check (kind in ('RETRY', 'ESCALATE')),
    due_at timestamptz not null,
    state text not null check (state in ('PENDING', 'FIRED', 'CANCELLED')),
    fired_at timestamptz,
    fired_by text
);
create index due_pending_idx on callout.due (due_at) where state = 'PENDING';
create index due_call_idx on callout.due (call_id) where state = 'PENDING';

create table callout.link_use (
    call_id uuid not null references callout.call (id),
    action text not null,
    used_at timestamptz not null,
    primary key (call_id, action)
);
