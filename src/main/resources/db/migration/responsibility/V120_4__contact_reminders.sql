-- Reminders of the yearly contact check: one per district and day while contacts are missing, from a configurable
-- number of days before the deadline (and daily after it, marked overdue).
create table responsibility.reminders (
    id            uuid primary key,
    district_path text not null,
    year          int not null,
    sent_on       date not null,
    missing       int not null,
    deadline      date not null,
    overdue       boolean not null,
    unique (district_path, sent_on)
);
