#!/usr/bin/env bash
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): one database
# per service, each with two login roles and neither of them a superuser:
#   NAME_owner  owns the database and its tables; the service's Flyway migrations run as it
#               (QUARKUS_FLYWAY_USERNAME/_PASSWORD);
#   NAME_app    the service's own login (QUARKUS_DATASOURCE_USERNAME/_PASSWORD): it may read and
#               write rows, and the migrations (db/audit/R__runtime_role.sql) leave it only INSERT
#               and SELECT on the audit log.
# The same as ./stack's PostgresCluster.createServiceDatabase. The passwords come from .env.
set -euo pipefail

service_database() {
  local database="$1" owner_password="$2" app_password="$3"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$database" -v owner="${database}_owner" -v app="${database}_app" \
    -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
create role :"owner" login nosuperuser nocreatedb nocreaterole password :'owner_password';
create role :"app" login nosuperuser nocreatedb nocreaterole password :'app_password';
create database :"db" owner :"owner";
-- By default every role may connect to every database: only this service's roles may.
revoke connect, temporary on database :"db" from public;
grant connect on database :"db" to :"app";
SQL
}

service_database intake "$HOTLINE_INTAKE_DB_OWNER_PASSWORD" "$HOTLINE_INTAKE_DB_APP_PASSWORD"
service_database cases "$HOTLINE_CASES_DB_OWNER_PASSWORD" "$HOTLINE_CASES_DB_APP_PASSWORD"
service_database stats "$HOTLINE_STATS_DB_OWNER_PASSWORD" "$HOTLINE_STATS_DB_APP_PASSWORD"
