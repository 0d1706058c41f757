-- The command centre and the duty desk list the events still open (REPORTED, VERIFIED) by occurrence time. Without
-- an index on the state every such list scanned all events ever recorded (1 M past events: about a second each).
-- Partial, so it holds only the open events (a few dozen in a normal week) and costs an intake one small insert.
-- Queries name the predicate literally ("state <> 'CLOSED'") so the planner can prove it also for generic plans.
create index incidents_open_idx on incident.incidents (state, occurred_at desc, number desc)
    where state <> 'CLOSED';
