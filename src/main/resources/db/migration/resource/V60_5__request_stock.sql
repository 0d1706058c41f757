-- A support request between districts may be met with stock (物资) as well as with a team: the approver reserves a
-- batch of a warehouse they have jurisdiction over for the requesting event.
alter table resource.dispatch_requests
    add column stock_id uuid,
    add column stock_quantity int check (stock_quantity is null or stock_quantity > 0);
