#!/usr/bin/env bash
# Starts a local PostgreSQL for the gateway's defaults (127.0.0.1:5432, user postgres, database test).
# On Debian/Ubuntu with the postgresql package it starts the installed cluster; elsewhere it uses Docker.
set -euo pipefail

if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is already accepting connections on 127.0.0.1:5432"
elif command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
elif command -v docker >/dev/null 2>&1; then
  docker run -d --name vod-gateway-postgres -p 127.0.0.1:5432:5432 \
    -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16
else
  echo "No PostgreSQL found: install the 'postgresql' package or Docker, or set DB_HOST/DB_PORT to an existing server." >&2
  exit 1
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break
  sleep 1
done
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"
echo "PostgreSQL ready: jdbc:postgresql://127.0.0.1:5432/test (user postgres)"
