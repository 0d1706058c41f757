-- Notification channels: every message handed to a channel (one row per attempt), its receipts, and persons'
-- ordered channel preferences.
create schema if not exists notify;

create table notify.preference (
    person_id uuid primary key,
    channels text[] not null,
    updated_at timestamptz not null
);

create table notify.message (
    id uuid primary key,
    person_id uuid not null,
    person_name text not null,
    division_path text not null,
    channel text not null check (channel in ('IN_APP', 'SMS', 'VOICE', 'EMAIL')),
    address text,
    subject text not null,
    body text not null,
    link text,
    source text not null,
    correlation text not null,
    state text not null check (state in ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'REPLIED')),
    error text,
    reply text,
    created_at timestamptz not null,
    sent_at timestamptz,
    delivered_at timestamptz,
    failed_at timestamptz,
    replied_at timestamptz
);
create index message_failed_idx on notify.message (created_at desc) where state = 'FAILED';
create index message_person_idx on notify.message (person_id, created_at desc);
create index message_correlation_idx on notify.message (correlation);

create table notify.receipt (
    id bigserial primary key,
    message_id uuid not null references notify.message (id),
    kind text not null check (kind in ('SENT', 'DELIVERED', 'FAILED', 'REPLY')),
    detail text,
    at timestamptz not null
);
create index receipt_message_idx on notify.receipt (message_id);
