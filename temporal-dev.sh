#!/usr/bin/env bash
# Fengqiao's development system in one command.
#
#   ./temporal-dev.sh            install what is missing, start the Temporal dev server, the worker and the
#                                GraphQL API, restart whichever of them dies; Ctrl-C stops what it started
#   ./temporal-dev.sh cluster    the same on the deployment's parts: Fengqiao's own Temporal cluster
#                                (deploy/cluster.sh up, left running) and the read model on PostgreSQL
#                                (database FENGQIAO_PG_DATABASE, fengqiao; or DATABASE_URL)
#   ./temporal-dev.sh install    npm packages and the Temporal CLI only (side by side; log in .data/install.log)
#   ./temporal-dev.sh server     the Temporal dev server and its UI's proxy only, in the background (idempotent)
#   ./temporal-dev.sh status     is the dev server up?
#   ./temporal-dev.sh stop       stop the dev server started by `server`
#   ./temporal-dev.sh cli-path   print the path of the Temporal CLI (building it if needed)
#
# Ports: TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), PORT for the API (4000). The UI is behind
# scripts/dev/ui-proxy.ts (the UI itself on TEMPORAL_UI_INTERNAL_PORT): read-only unless TEMPORAL_UI_WRITE=1, and
# payloads decoded for a tester signed in at http://localhost:$TEMPORAL_UI_PORT/codec/login.
# Data: FENGQIAO_DATA_DIR (.data, mode 0700): temporal.db (Temporal, SQLite), fengqiao.db (read model) and
# codec-keys/ (the payload encryption keys), kept across restarts.
# A child of `up` that dies is started again, FENGQIAO_MAX_RESTARTS (3) times a minute at most; then all stop.

# This file holds the settings and the subcommands; the machinery behind them is in scripts/dev/, a file per
# concern so that each can be read on its own: install.sh, server.sh and supervise.sh.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=${FENGQIAO_DATA_DIR:-$ROOT/.data}
[[ $DATA == /* ]] || DATA="$PWD/$DATA"
TEMPORAL_PORT=${TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8233}
PORT=${PORT:-4000}
# The Temporal UI is read-only unless TEMPORAL_UI_WRITE=1: the dev server's UI listens on an internal port and
# scripts/dev/ui-proxy.ts on TEMPORAL_UI_PORT turns its write actions off and refuses writes (405).
TEMPORAL_UI_WRITE=${TEMPORAL_UI_WRITE:-0}
# Where the UI's proxy sends a signed-in tester's codec requests.
FENGQIAO_API_URL=${FENGQIAO_API_URL:-http://127.0.0.1:$PORT}
if ((TEMPORAL_UI_PORT > 55535)); then ui_internal_default=$((TEMPORAL_UI_PORT - 10000)); else ui_internal_default=$((TEMPORAL_UI_PORT + 10000)); fi
TEMPORAL_UI_INTERNAL_PORT=${TEMPORAL_UI_INTERNAL_PORT:-$ui_internal_default}

# .data/ holds petitioners' personal data (the Temporal and read-model databases, the codec keys, the tokens):
# only this user may read it, whatever the caller's umask. Files made before this rule are tightened too.
umask 077
mkdir -p "$DATA"
chmod 700 "$DATA"
find "$DATA" -maxdepth 1 -type f -perm /077 -exec chmod 600 {} + 2>/dev/null || true

say() { printf '[temporal-dev] %s\n' "$*" >&2 || true; }

# shellcheck source=scripts/dev/install.sh
source "$ROOT/scripts/dev/install.sh"
# shellcheck source=scripts/dev/server.sh
source "$ROOT/scripts/dev/server.sh"
# shellcheck source=scripts/dev/supervise.sh
source "$ROOT/scripts/dev/supervise.sh"
# shellcheck source=scripts/dev/console.sh
source "$ROOT/scripts/dev/console.sh"

up() {
  trap cleanup EXIT
  trap 'say "interrupted: stopping"; exit 130' INT
  trap 'say "terminated: stopping"; exit 143' TERM
  install all
  ensure_console_build
  start_server
  if [[ -n $server_pid ]]; then server_ours=1; fi
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" PORT FENGQIAO_DEV_TOKENS="$DATA/dev-tokens.json"
  export FENGQIAO_DB=${FENGQIAO_DB:-$DATA/fengqiao.db}
  # The Web UI decodes payloads through the API's codec endpoint, which answers the UI's origin only.
  export FENGQIAO_CODEC_CORS_ORIGINS=${FENGQIAO_CODEC_CORS_ORIGINS:-http://localhost:$TEMPORAL_UI_PORT,http://127.0.0.1:$TEMPORAL_UI_PORT}
  start_child worker
  start_child api
  start_ui_proxy
  sleep 1
  local ui_mode="read-only"
  if [[ $TEMPORAL_UI_WRITE == 1 ]]; then ui_mode="write actions on"; fi
  say "Temporal UI ($ui_mode; testers sign in at /codec/login): http://localhost:$TEMPORAL_UI_PORT   console: http://localhost:$PORT/   GraphiQL: http://localhost:$PORT/graphql   (Ctrl-C stops)"
  supervise
}

# The worker and the API against the cluster and PostgreSQL; the cluster is a service of its own and stays up
# (`deploy/cluster.sh down` stops it). The dev server's UI proxy is not started: the cluster has its UI.
up_cluster() {
  trap cleanup EXIT
  trap 'say "interrupted: stopping"; exit 130' INT
  trap 'say "terminated: stopping"; exit 143' TERM
  install all
  bash "$ROOT/deploy/cluster.sh" install
  ensure_console_build
  bash "$ROOT/scripts/postgres.sh" ensure
  bash "$ROOT/deploy/cluster.sh" up
  TEMPORAL_ADDRESS=$(bash "$ROOT/deploy/cluster.sh" address)
  DATABASE_URL=${DATABASE_URL:-$(bash "$ROOT/scripts/postgres.sh" database "${FENGQIAO_PG_DATABASE:-fengqiao}")}
  export TEMPORAL_ADDRESS DATABASE_URL PORT FENGQIAO_DEV_TOKENS="$DATA/dev-tokens-cluster.json"
  start_child worker
  start_child api
  sleep 1
  say "on the cluster at $TEMPORAL_ADDRESS, read model ${DATABASE_URL%%://*}://…@${DATABASE_URL##*@}   console: http://localhost:$PORT/   GraphiQL: http://localhost:$PORT/graphql   (Ctrl-C stops the worker and the API; deploy/cluster.sh down stops the cluster)"
  supervise
}

case "${1:-up}" in
  up) up ;;
  cluster) up_cluster ;;
  install) stop_installs_on_exit; install all ;;
  cli-path) stop_installs_on_exit; find_cli ;;
  server) stop_installs_on_exit; install all; start_server; start_background_ui_proxy ;;
  stop) stop_server ;;
  status)
    if server_up; then say "Temporal dev server is up on localhost:$TEMPORAL_PORT"; else say "Temporal dev server is not running"; exit 3; fi ;;
  *) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
