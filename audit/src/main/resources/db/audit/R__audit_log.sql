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
    -- Dropped at the end of this file: the words of a reason are no longer kept (see there).
    reason      text,
    -- What came of it: ok, erased, refused-401, refused-403, refused-429, ...
    outcome     text        not null
);

create index if not exists audit_log_recorded_at on audit_log (recorded_at);
create index if not exists audit_log_actor on audit_log (actor, recorded_at);
create index if not exists audit_log_subject on audit_log (subject, recorded_at);

-- A reason's fact and length, never its words. An officer's access reason may name the man or his
-- family, and this log is never rewritten, so his erasure could not reach it: the length is enough
-- for an auditor to see that a reason was given (and that it was more than a token "x"), and the
-- entry's time, actor and subject say what to ask him about. Null where no reason is asked for.
alter table audit_log add column if not exists reason_length integer;

-- Entries written while the words were kept: each keeps its reason's length, the words are cleared
-- and the column goes. The one time the log is rewritten, by its owner, to take personal data out
-- of it. (Cleared before the drop, so that the live rows no longer carry the words on disk either;
-- the old row versions go with the next vacuum.) Guarded, because repeatable migrations run again.
do $$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'audit_log' and column_name = 'reason') then
        update audit_log set reason_length = char_length(reason), reason = null where reason is not null;
        alter table audit_log drop column reason;
    end if;
end
$$;

-- Refusals are pruned, the rest of the log never. A refused request (http.refused, and the summary
-- rows of the ones past a source's rate, http.refused.suppressed) says that someone knocked, not
-- what was done to a man's data; kept for ever, a client could fill the database by knocking. The
-- service's role may delete nothing from this table, so it calls this function, which runs as its
-- owner (security definer) and deletes refusal rows only, none younger than a day whatever the
-- service asks: a compromised service can make the refusals of the last day disappear no sooner.
create or replace function audit_prune_refusals(retention_seconds bigint) returns bigint
    language plpgsql security definer set search_path from current as $$
declare
    pruned bigint;
begin
    delete from audit_log
    where action in ('http.refused', 'http.refused.suppressed')
      and recorded_at < clock_timestamp() - make_interval(secs => greatest(retention_seconds, 86400));
    get diagnostics pruned = row_count;
    return pruned;
end
$$;
-- Functions are executable by everyone unless said otherwise; R__runtime_role grants it to the service.
revoke all on function audit_prune_refusals(bigint) from public;
