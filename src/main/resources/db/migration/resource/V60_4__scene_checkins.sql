-- On-scene coordination of social forces (社会应急力量现场协调): teams register at the scene (check-in with people
-- and capabilities), report while there, and check out. The row carries the event's division path.
create table resource.scene_checkins
(
    id             uuid primary key,
    incident_id    uuid        not null,
    team_id        uuid        not null references resource.teams (id),
    division_path  text        not null,
    people         int         not null check (people > 0),
    capabilities   text[]      not null default '{}',
    contact        text,
    checked_in_at  timestamptz not null,
    checked_in_by  text        not null,
    checked_out_at timestamptz,
    checked_out_by text
);
create unique index scene_checkins_active on resource.scene_checkins (team_id) where checked_out_at is null;
create index scene_checkins_incident on resource.scene_checkins (incident_id, checked_in_at);

create table resource.scene_reports
(
    id         uuid primary key,
    checkin_id uuid        not null references resource.scene_checkins (id) on delete cascade,
    text       text        not null,
    at         timestamptz not null,
    by_user    text        not null
);
create index scene_reports_checkin on resource.scene_reports (checkin_id, at);
