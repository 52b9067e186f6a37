-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d):
-- one database per service; each service's Flyway migrations create its tables.
CREATE DATABASE intake;
CREATE DATABASE cases;
CREATE DATABASE stats;
