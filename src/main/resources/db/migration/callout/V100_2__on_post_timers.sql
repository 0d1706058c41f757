-- On-post watch: a person who answered "received" but is not "on post" in time is reminded once, then their superior
-- is called. Two more timer kinds.
alter table callout.due drop constraint due_kind_check;
alter table callout.due add constraint due_kind_check
    check (kind in ('RETRY', 'ESCALATE', 'ONPOST_REMIND', 'ONPOST_ESCALATE'));
