#!/usr/bin/env bash
# Fengqiao's development system in one command.
#
#   ./temporal-dev.sh            install what is missing, start the Temporal dev server, the worker and the
#                                GraphQL API; Ctrl-C stops what it started
#   ./temporal-dev.sh install    npm packages and the Temporal CLI only
#   ./temporal-dev.sh server     the Temporal dev server only, in the background (idempotent)
#   ./temporal-dev.sh status     is the dev server up?
#   ./temporal-dev.sh stop       stop the dev server started by `server`
#   ./temporal-dev.sh cli-path   print the path of the Temporal CLI (building it if needed)
#
# Ports: TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), PORT for the API (4000).
# Data: .data/temporal.db (Temporal, SQLite) and .data/fengqiao.db (read model), both kept across restarts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA="$ROOT/.data"
TEMPORAL_CLI_VERSION=v1.5.1 # the newest tag without a `replace` directive: later ones cannot be go-installed
PROJECT_BIN="$ROOT/.tools/bin"
CACHE_BIN="${XDG_CACHE_HOME:-$HOME/.cache}/fengqiao/temporal-cli-$TEMPORAL_CLI_VERSION"
TEMPORAL_PORT=${TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8233}
PORT=${PORT:-4000}
PID_FILE="$DATA/temporal.pid"

say() { printf '[temporal-dev] %s\n' "$*" >&2 || true; }

# The CLI on PATH, in the project's .tools/bin, or in the per-user cache (a fresh clone on the same machine
# reuses it); otherwise it is built from the Go module proxy into the cache.
find_cli() {
  if [[ -n "${TEMPORAL_CLI:-}" && -x "$TEMPORAL_CLI" ]]; then echo "$TEMPORAL_CLI"; return; fi
  local candidate
  for candidate in "$(command -v temporal || true)" "$PROJECT_BIN/temporal" "$CACHE_BIN/temporal"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return; fi
  done
  command -v go >/dev/null || { say "Go is needed to build the Temporal CLI and was not found"; exit 1; }
  say "building the Temporal CLI $TEMPORAL_CLI_VERSION into $CACHE_BIN (takes a few minutes the first time)"
  mkdir -p "$CACHE_BIN"
  local started=$SECONDS
  GOBIN="$CACHE_BIN" GOFLAGS=-mod=mod go install -x "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" 2>&1 |
    grep --line-buffered -E '^(go: downloading|# |mv )' | sed -u 's/^/[temporal-dev]   /' >&2 || true
  [[ -x "$CACHE_BIN/temporal" ]] || { say "go install failed"; exit 1; }
  say "Temporal CLI built in $((SECONDS - started)) s"
  echo "$CACHE_BIN/temporal"
}

install_npm() {
  if [[ ! -d "$ROOT/node_modules/@temporalio/worker" || "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]]; then
    say "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

server_up() { (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_PORT") 2>/dev/null; }

start_server() {
  mkdir -p "$DATA"
  if server_up; then
    say "Temporal dev server already running on localhost:$TEMPORAL_PORT"
    return 1
  fi
  local cli flags
  cli=$(find_cli)
  read -r -a flags <<<"$("$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/print-search-attribute-flags.ts")"
  say "starting the Temporal dev server (gRPC localhost:$TEMPORAL_PORT, UI http://localhost:$TEMPORAL_UI_PORT, data $DATA/temporal.db)"
  # Its own session: a Ctrl-C meant for `up` must not kill it mid-write; `stop` ends it gracefully.
  setsid nohup "$cli" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$DATA/temporal.db" --log-level warn "${flags[@]}" >"$DATA/temporal.log" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 120); do
    if "$cli" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null 2>&1; then
      say "Temporal dev server is up"
      return 0
    fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { say "the dev server exited; see $DATA/temporal.log"; tail -20 "$DATA/temporal.log" >&2; exit 1; }
    sleep 0.5
  done
  say "the dev server did not answer within 60 s; see $DATA/temporal.log"
  exit 1
}

stop_server() {
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    local pid _
    pid=$(cat "$PID_FILE")
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then say "the dev server did not stop in 30 s; killing it"; kill -KILL "$pid"; fi
    rm -f "$PID_FILE"
    say "Temporal dev server stopped"
  else
    say "no Temporal dev server started by this script is running"
  fi
}

# Children run in their own process groups, so that stopping one stops everything it started (tsx, node).
start_child() {
  setsid "$@" &
  children+=($!)
}

stop_children() {
  local pid _ alive
  for pid in "${children[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${children[@]}"; do if kill -0 -- "-$pid" 2>/dev/null; then alive=1; fi; done
    if [[ $alive == 0 ]]; then return 0; fi
    sleep 0.25
  done
  say "forcing the remaining processes to stop"
  for pid in "${children[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  return 0
}

up() {
  install_npm
  local started_server=0
  start_server && started_server=1
  children=()
  cleanup() {
    trap - INT TERM EXIT
    # Best effort from here: every step runs even if one fails, or if whoever read our output (a `| tee`) is
    # gone already.
    trap '' PIPE
    set +e
    say "stopping the worker and the API"
    stop_children
    if [[ $started_server == 1 ]]; then stop_server; fi
  }
  trap cleanup INT TERM EXIT
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" PORT FENGQIAO_DEV_TOKENS="$DATA/dev-tokens.json"
  start_child "$ROOT/node_modules/.bin/tsx" "$ROOT/worker/main.ts"
  start_child "$ROOT/node_modules/.bin/tsx" "$ROOT/api/main.ts"
  sleep 1
  say "Temporal UI: http://localhost:$TEMPORAL_UI_PORT   GraphiQL: http://localhost:$PORT/graphql   (Ctrl-C stops)"
  # Whichever ends first (a crash, or a signal through the trap) ends the whole system.
  wait -n "${children[@]}" || true
}

case "${1:-up}" in
  up) up ;;
  install) install_npm; find_cli >/dev/null ;;
  server) install_npm; start_server || true ;;
  stop) stop_server ;;
  status)
    if server_up; then say "Temporal dev server is up on localhost:$TEMPORAL_PORT"; else say "Temporal dev server is not running"; exit 3; fi ;;
  cli-path) find_cli ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac
