#!/bin/sh
# Runs once, when the PostgreSQL volume is empty: one database per service, each owned by its own role
# (the same layout the Kubernetes overlays declare with CloudNativePG). Migrations are Flyway's job at service start.
set -eu
for service in incident debrief notification wellness; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="haven_$service" --set=password="$HAVEN_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
