#!/usr/bin/env bash
# The machine's PostgreSQL 15 for the read model's second dialect and the Temporal cluster.
#   ensure   start the cluster if it is down, and make the `fengqiao` role (password login, may create databases)
#   url [DB] print the connection URL of database DB (default: postgres)
#   database DB  make database DB (owned by fengqiao) unless it exists, and print its URL
#   status   say whether it is up
# FENGQIAO_PG_HOST / FENGQIAO_PG_PORT / FENGQIAO_PG_PASSWORD override the defaults (127.0.0.1, 5432, fengqiao):
# the password is a development default, for a server that listens on this machine only.
set -euo pipefail
HOST=${FENGQIAO_PG_HOST:-127.0.0.1}
PORT=${FENGQIAO_PG_PORT:-5432}
PASSWORD=${FENGQIAO_PG_PASSWORD:-fengqiao}
VERSION=${FENGQIAO_PG_VERSION:-15}

as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

up() {
  pg_lsclusters --no-header 2>/dev/null | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .
}

case "${1:-ensure}" in
  ensure)
    if ! command -v pg_ctlcluster >/dev/null; then
      echo "[postgres] PostgreSQL is not installed (apt-get install postgresql-$VERSION)" >&2
      exit 1
    fi
    if ! up; then
      echo "[postgres] starting PostgreSQL $VERSION (pg_ctlcluster)" >&2
      pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start
    fi
    for _ in $(seq 1 50); do
      as_postgres psql -p "$PORT" -qAtc 'select 1' >/dev/null 2>&1 && break
      sleep 0.2
    done
    as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao') THEN
    CREATE ROLE fengqiao LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
    echo "[postgres] up on $HOST:$PORT, role fengqiao" >&2
    ;;
  url) echo "postgres://fengqiao:$PASSWORD@$HOST:$PORT/${2:-postgres}" ;;
  database)
    name=${2:?usage: scripts/postgres.sh database DB}
    [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "[postgres] $name is not a plain database name" >&2; exit 2; }
    if [[ -z $(as_postgres psql -p "$PORT" -qAtc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
      as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $name OWNER fengqiao" >/dev/null
      echo "[postgres] made database $name" >&2
    fi
    echo "postgres://fengqiao:$PASSWORD@$HOST:$PORT/$name"
    ;;
  status) if up; then echo "up"; else echo "down"; exit 1; fi ;;
  *)
    echo "usage: scripts/postgres.sh ensure|url [DB]|database DB|status" >&2
    exit 2
    ;;
esac
