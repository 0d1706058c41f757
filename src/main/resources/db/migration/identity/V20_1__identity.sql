create schema if not exists identity;

create table identity.users
(
    id            uuid primary key,
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null default '{}',
    enabled       boolean     not null default true,
    -- the person record in the directory this account belongs to, if any
    person_id     uuid,
    -- the division where the account is managed (scopes who may administer it)
    home_path     text        not null,
    locale        text,
    demo          boolean     not null default false,
    failed_logins int         not null default 0,
    locked_until  timestamptz,
    last_login_at timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int         not null default 0
);
create unique index users_username_uq on identity.users (lower(username));
create index users_home_path_idx on identity.users (home_path text_pattern_ops);

create table identity.user_scopes
(
    user_id       uuid not null references identity.users (id) on delete cascade,
    kind          text not null check (kind in ('CAPTURE', 'VIEW')),
    division_path text not null,
    primary key (user_id, kind, division_path)
);

create table identity.api_tokens
(
    id           uuid primary key,
    user_id      uuid        not null references identity.users (id) on delete cascade,
    name         text        not null,
    token_prefix text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on identity.api_tokens (user_id);

-- Append-only: the application role only inserts; the chain makes edits detectable.
create table identity.audit_log
(
    seq           bigint generated always as identity primary key,
    at            timestamptz not null,
    actor         text        not null,
    action        text        not null,
    entity_type   text        not null,
    entity_id     text        not null,
    division_path text,
    before_json   text,
    after_json    text,
    prev_hash     text        not null,
    hash          text        not null
);
create index audit_log_entity_idx on identity.audit_log (entity_type, entity_id);
create index audit_log_path_idx on identity.audit_log (division_path text_pattern_ops);
create index audit_log_at_idx on identity.audit_log (at);

create function identity.audit_log_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'identity.audit_log is append-only';
end;
$$;
create trigger audit_log_no_update
    before update or delete
    on identity.audit_log
    for each row
execute function identity.audit_log_immutable();
