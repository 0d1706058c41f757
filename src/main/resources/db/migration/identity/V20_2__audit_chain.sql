-- The audit chain moves out of the hot path: writers append entries without taking a global lock, and a single
-- chainer (one node at a time, under an advisory lock) links committed entries in the order it sees them. The
-- chain is its own append-only table, so the log itself stays insert-only.
create table identity.audit_chain
(
    pos       bigint primary key,
    seq       bigint not null unique references identity.audit_log (seq),
    prev_hash text   not null,
    hash      text   not null
);

-- Entries written before this migration were chained in seq order already.
insert into identity.audit_chain (pos, seq, prev_hash, hash)
select row_number() over (order by seq), seq, prev_hash, hash
from identity.audit_log;

alter table identity.audit_log
    alter column prev_hash drop not null,
    alter column hash drop not null;

create trigger audit_chain_no_update
    before update or delete
    on identity.audit_chain
    for each row
execute function identity.audit_log_immutable();
