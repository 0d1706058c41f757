-- Exchange: open API for departments, change log for incremental sync, webhooks, import centre.
create schema if not exists exchange;

-- API clients of other departments. The key is shown once; only its SHA-256 is stored.
create table exchange.api_clients (
    id uuid primary key,
    department text not null,
    name text not null,
    key_prefix text not null unique,
    key_hash text not null,
    scopes text[] not null,
    jurisdiction text[] not null,
    rate_per_minute int not null check (rate_per_minute between 1 and 100000),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    created_by text not null,
    rotated_at timestamptz,
    revoked_at timestamptz,
    last_used_at timestamptz
);

-- One row per open-API request.
create table exchange.usage_log (
    id bigserial primary key,
    client_id uuid not null references exchange.api_clients (id),
    at timestamptz not null default now(),
    method text not null,
    path text not null,
    status int not null,
    rows_returned int
);
create index usage_log_client_at on exchange.usage_log (client_id, at desc);

-- The change log: one row per change of a shared resource, written by listeners inside the publishing
-- transaction. Sync reads it ordered by (tx_id, seq) and only rows whose transaction is older than every running
-- transaction (tx_id < pg_snapshot_xmin), so a cursor never skips a row that commits late.
create table exchange.change_log (
    seq bigserial primary key,
    tx_id xid8 not null default pg_current_xact_id(),
    resource text not null,
    entity_id uuid not null,
    change text not null,
    division_path text not null,
    division_paths text[] not null,
    lon double precision,
    lat double precision,
    snapshot jsonb not null,
    changed_at timestamptz not null default now()
);
create index change_log_sync on exchange.change_log (resource, tx_id, seq);
create index change_log_entity on exchange.change_log (resource, entity_id, seq desc);

-- Webhook subscriptions, of an API client (its jurisdiction applies) or of a receiver an administrator defined.
create table exchange.webhook_subscriptions (
    id uuid primary key,
    client_id uuid references exchange.api_clients (id),
    name text not null,
    url text not null,
    secret text not null,
    event_types text[] not null,
    jurisdiction text[] not null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    created_by text not null
);

-- The durable delivery queue; claimed with FOR UPDATE SKIP LOCKED under a lease.
create table exchange.webhook_deliveries (
    id uuid primary key,
    subscription_id uuid not null references exchange.webhook_subscriptions (id),
    event_type text not null,
    change_seq bigint,
    division_path text not null,
    payload text not null,
    state text not null check (state in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts int not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    last_status int,
    last_error text,
    created_at timestamptz not null default now(),
    delivered_at timestamptz
);
create index webhook_deliveries_due on exchange.webhook_deliveries (next_attempt_at) where state = 'PENDING';
create index webhook_deliveries_sub on exchange.webhook_deliveries (subscription_id, created_at desc);

-- The delivery log: one row per attempt.
create table exchange.webhook_attempts (
    id bigserial primary key,
    delivery_id uuid not null references exchange.webhook_deliveries (id),
    attempt int not null,
    at timestamptz not null default now(),
    status int,
    error text,
    duration_ms int not null
);
create index webhook_attempts_delivery on exchange.webhook_attempts (delivery_id, attempt);
