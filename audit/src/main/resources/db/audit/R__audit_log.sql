-- The audit log, shipped with the audit module and applied in every service that adds db/audit to
-- quarkus.flyway.locations. Repeatable for the reason the outbox's tables are (db/outbox): it takes
-- no version from the service's own sequence. Every statement must stay idempotent, and a change is
-- a new statement added at the end.
--
-- Append-only: this table belongs to the role that runs the migrations (the database's owner), and
-- R__runtime_role.sql leaves the service's own role INSERT and SELECT on it, nothing else. What goes
-- in is pseudonymous by design (ids, references, caller keys, the token's subject), never a name,
-- a phone number or anything else a caller said.
create table if not exists audit_log (
    id          bigint generated always as identity primary key,
    -- The database's clock, not the service's: an entry's time is not the writer's to choose.
    recorded_at timestamptz not null default clock_timestamp(),
    -- The subject of the verified token; "anonymous" for a request without a valid one.
    actor       text        not null,
    -- What was done or tried: personal-data.read, case.transition, http.refused, ...
    action      text        not null,
    -- What it was done to: a contact id, a case reference, a caller key, a path.
    subject     text,
    -- Why, as the actor gave it (a read of personal data needs a reason).
    reason      text,
    -- What came of it: ok, erased, refused-401, refused-403, refused-429, ...
    outcome     text        not null
);

create index if not exists audit_log_recorded_at on audit_log (recorded_at);
create index if not exists audit_log_actor on audit_log (actor, recorded_at);
create index if not exists audit_log_subject on audit_log (subject, recorded_at);
