-- How far this service has applied the erasure ledger (Topics.ERASURES, hotline.erasures.v1): per
-- partition, the offset of the next record to apply. Written in the transaction of the erasures it
-- covers, so that a database restored from a backup holds the position of that backup, and the
-- erasures after it are applied again when the service starts (inbox's ErasureLedger).
--
-- Repeatable (create ... if not exists), like the outbox's and audit's tables: no number is taken
-- from the service's own migrations. Sorts before R__runtime_role (audit), whose grants cover it.
create table if not exists erasure_ledger_position (
    topic       text        not null,
    partition   integer     not null,
    next_offset bigint      not null,
    updated_at  timestamptz not null,
    primary key (topic, partition)
);
