-- A fact change no longer updates the rollups in the writer's transaction: at every ancestor level that meant the
-- city row of the day, which every concurrent intake had to lock until it committed, so intakes queued behind one
-- another. The writer appends its change here instead (no shared row); one folder at a time moves the queued
-- changes into the rollups, every second and before every read, so figures stay exact for whoever reads them.
create table stats.accident_delta (
    day               date    not null,
    division_path     text    not null,
    category          text    not null,
    type_code         text    not null,
    production_safety boolean not null,
    grade             text    not null,
    events            int     not null,
    deaths            int     not null
);

create table stats.hazard_delta (
    day           date not null,
    division_path text not null,
    industry      text not null,
    grade         text not null,
    found         int  not null,
    closed        int  not null,
    overdue       int  not null
);
