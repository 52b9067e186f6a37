-- What the service's runtime role (quarkus.datasource.username, given to Flyway as the placeholder
-- runtime_role) may do in this database. The migrations run as the database's owner
-- (quarkus.flyway.username), which owns every table; the service itself logs in as a role that
-- owns nothing, creates nothing and only reads and writes rows.
--
-- Repeatable, and named to sort after R__audit_log and R__outbox: Flyway runs repeatables in
-- order of description, so every table exists when these grants run. Tables that later versioned
-- migrations create are covered by the default privileges below.
grant usage on schema public to "${runtime_role}";
grant select, insert, update, delete on all tables in schema public to "${runtime_role}";
grant usage, select on all sequences in schema public to "${runtime_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${runtime_role}";
alter default privileges in schema public grant usage, select on sequences to "${runtime_role}";

-- Flyway's own bookkeeping is the owner's business alone.
revoke all on flyway_schema_history from "${runtime_role}";

-- The audit log is append-only for the service: it may add entries and read them, never change,
-- delete or truncate one. Revoked after the blanket grant above, which would otherwise include it.
revoke all on audit_log from "${runtime_role}";
grant select, insert on audit_log to "${runtime_role}";
-- ... except the refusal rows past their retention, through the owner's function (R__audit_log),
-- which deletes nothing else and nothing younger than a day.
grant execute on function audit_prune_refusals(bigint) to "${runtime_role}";
