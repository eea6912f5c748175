#!/bin/sh
# Runs once, when the database volume is first created (docker-entrypoint-initdb.d), as the image's superuser.
# Creates the two roles TrustFund needs and its database:
#   trustfund_owner  owns the database and the schema; only the `migrate` step connects as it
#   trustfund_app    what the web replicas and the worker connect as: no superuser, owns nothing; the migrations grant
#                    it rows to read and write, and on the journal and the audit trail only INSERT and SELECT
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$TRUSTFUND_OWNER_PASSWORD" -v app_password="$TRUSTFUND_APP_PASSWORD" <<'SQL'
CREATE ROLE trustfund_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE trustfund_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE trustfund OWNER trustfund_owner;
\connect trustfund
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
