-- Requests for support between districts (跨区域调度): a district asks for a capability for one of its events; an
-- officer with jurisdiction over a fitting team approves by dispatching it (or rejects). The row carries the
-- event's division path, so the requesting district and the wider levels above it see it.
create table resource.dispatch_requests
(
    id            uuid primary key,
    incident_id   uuid        not null,
    division_path text        not null,
    capability    text        not null references resource.capabilities (code),
    quantity      int         not null check (quantity between 1 and 20),
    note          text,
    status        text        not null default 'REQUESTED' check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    team_id       uuid references resource.teams (id),
    dispatch_id   uuid,
    version       int         not null default 0
);
create index dispatch_requests_incident on resource.dispatch_requests (incident_id, requested_at);
create index dispatch_requests_path on resource.dispatch_requests (division_path text_pattern_ops);
