#!/usr/bin/env bash
# Fengqiao's development system in one command.
#
#   ./temporal-dev.sh            install what is missing, start the Temporal dev server, the worker and the
#                                GraphQL API, restart whichever of them dies; Ctrl-C stops what it started
#   ./temporal-dev.sh install    npm packages and the Temporal CLI only (side by side; log in .data/install.log)
#   ./temporal-dev.sh server     the Temporal dev server only, in the background (idempotent)
#   ./temporal-dev.sh status     is the dev server up?
#   ./temporal-dev.sh stop       stop the dev server started by `server`
#   ./temporal-dev.sh cli-path   print the path of the Temporal CLI (building it if needed)
#
# Ports: TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), PORT for the API (4000).
# Data: FENGQIAO_DATA_DIR (.data): temporal.db (Temporal, SQLite) and fengqiao.db (read model), kept across restarts.
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

say() { printf '[temporal-dev] %s\n' "$*" >&2 || true; }

# shellcheck source=scripts/dev/install.sh
source "$ROOT/scripts/dev/install.sh"
# shellcheck source=scripts/dev/server.sh
source "$ROOT/scripts/dev/server.sh"
# shellcheck source=scripts/dev/supervise.sh
source "$ROOT/scripts/dev/supervise.sh"

up() {
  trap cleanup EXIT
  trap 'say "interrupted: stopping"; exit 130' INT
  trap 'say "terminated: stopping"; exit 143' TERM
  install all
  start_server
  if [[ -n $server_pid ]]; then server_ours=1; fi
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" PORT FENGQIAO_DEV_TOKENS="$DATA/dev-tokens.json"
  export FENGQIAO_DB=${FENGQIAO_DB:-$DATA/fengqiao.db}
  start_child worker
  start_child api
  sleep 1
  say "Temporal UI: http://localhost:$TEMPORAL_UI_PORT   GraphiQL: http://localhost:$PORT/graphql   (Ctrl-C stops)"
  supervise
}

case "${1:-up}" in
  up) up ;;
  install) stop_installs_on_exit; install all ;;
  cli-path) stop_installs_on_exit; find_cli ;;
  server) stop_installs_on_exit; install all; start_server ;;
  stop) stop_server ;;
  status)
    if server_up; then say "Temporal dev server is up on localhost:$TEMPORAL_PORT"; else say "Temporal dev server is not running"; exit 3; fi ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
