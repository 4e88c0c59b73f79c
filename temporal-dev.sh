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
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=${FENGQIAO_DATA_DIR:-$ROOT/.data}
[[ $DATA == /* ]] || DATA="$PWD/$DATA"
TEMPORAL_CLI_VERSION=v1.5.1 # the newest tag without a `replace` directive: later ones cannot be go-installed
PROJECT_BIN="$ROOT/.tools/bin"
CACHE_BIN="${XDG_CACHE_HOME:-$HOME/.cache}/fengqiao/temporal-cli-$TEMPORAL_CLI_VERSION"
TEMPORAL_PORT=${TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8233}
PORT=${PORT:-4000}
PID_FILE="$DATA/temporal.pid"
INSTALL_LOG="$DATA/install.log"
# A child that dies more often than this is broken, not unlucky: restarting it again would only hide why.
MAX_RESTARTS=${FENGQIAO_MAX_RESTARTS:-3}
RESTART_WINDOW=60

say() { printf '[temporal-dev] %s\n' "$*" >&2 || true; }

duration() { if (($1 >= 60)); then printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi; }

# ---------------------------------------------------------------------------------------------------------------
# Installing: npm ci and the Temporal CLI build run side by side (the build is ~7 min of compiling, npm ci ~2 min
# of mostly network), each in its own session so that a failure or Ctrl-C can stop all of it, compilers and
# install scripts included. Their output goes to one log, each line prefixed with its phase; the terminal only
# gets a progress line.

phase_labels=()
phase_pids=()
phase_status=()
phase_took=()

start_phase() { # label, then the command
  local label=$1
  shift
  mkdir -p "$DATA"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'log=$1 label=$2; shift 2; "$@" </dev/null 2>&1 | sed -u "s/^/[$label] /" >>"$log"; exit "${PIPESTATUS[0]}"' \
    phase "$INSTALL_LOG" "$label" "$@" &
  phase_labels+=("$label")
  phase_pids+=($!)
  phase_status+=("")
  phase_took+=("")
}

stop_phases() {
  local i
  for i in "${!phase_pids[@]}"; do
    if [[ -z ${phase_status[i]} ]]; then kill -TERM -- "-${phase_pids[i]}" 2>/dev/null || true; fi
  done
}

npm_outdated() {
  [[ ! -d "$ROOT/node_modules/@temporalio/worker" || "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]]
}

# The CLI on PATH, in the project's .tools/bin, or in the per-user cache (a fresh clone on the same machine
# reuses it).
existing_cli() {
  if [[ -n "${TEMPORAL_CLI:-}" && -x "$TEMPORAL_CLI" ]]; then echo "$TEMPORAL_CLI"; return 0; fi
  local candidate
  for candidate in "$(command -v temporal || true)" "$PROJECT_BIN/temporal" "$CACHE_BIN/temporal"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}

phase_progress() { # label: a hint of how far it got, from its lines in the log
  local n
  case $1 in
    'go install')
      n=$(grep -c '^\[go install\] .*/compile -o' "$INSTALL_LOG" 2>/dev/null || true)
      if ((n > 0)); then echo "compiling, $n packages"; return; fi
      n=$(grep -c '^\[go install\] go: downloading' "$INSTALL_LOG" 2>/dev/null || true)
      echo "downloading, $n modules" ;;
    *) echo "running" ;;
  esac
}

phase_name() { case $1 in 'go install') echo "Temporal CLI build" ;; *) echo "$1" ;; esac; }

# Waits for the started phases, with one progress line: rewritten in place on a terminal, every 15 s otherwise
# (a CI log or a pipe must not fill with carriage returns).
wait_phases() {
  local started=$SECONDS tty=0 last_line=-15 i running line sep failed=""
  if [[ -t 2 ]]; then tty=1; fi
  while :; do
    running=0
    line="installing $(duration $((SECONDS - started))): "
    sep=""
    for i in "${!phase_pids[@]}"; do
      if [[ -z ${phase_status[i]} ]] && ! kill -0 "${phase_pids[i]}" 2>/dev/null; then
        phase_status[i]=0
        wait "${phase_pids[i]}" || phase_status[i]=$?
        phase_took[i]=$((SECONDS - started))
        if [[ ${phase_status[i]} != 0 && -z $failed ]]; then failed=$i; fi
        if [[ $tty == 0 && ${phase_status[i]} == 0 ]]; then say "$(phase_name "${phase_labels[i]}") done in $(duration "${phase_took[i]}")"; fi
      fi
      if [[ -z ${phase_status[i]} ]]; then
        running=1
        line+="$sep$(phase_name "${phase_labels[i]}") ($(phase_progress "${phase_labels[i]}"))"
        sep=" | "
      elif [[ ${phase_status[i]} == 0 ]]; then
        line+="$sep$(phase_name "${phase_labels[i]}") done in $(duration "${phase_took[i]}")"
        sep=" | "
      fi
    done
    if [[ -n $failed || $running == 0 ]]; then break; fi
    if [[ $tty == 1 ]]; then
      printf '\r[temporal-dev] %s\033[K' "$line" >&2
    elif ((SECONDS - last_line >= 15)); then
      say "$line"
      last_line=$SECONDS
    fi
    sleep 1
  done
  if [[ $tty == 1 ]]; then printf '\r\033[K' >&2; fi
  if [[ -n $failed ]]; then
    stop_phases
    say "$(phase_name "${phase_labels[failed]}") failed (exit status ${phase_status[failed]}) after $(duration "${phase_took[failed]}"); its last lines (all of it in $INSTALL_LOG):"
    grep -F "[${phase_labels[failed]}] " "$INSTALL_LOG" | tail -n 20 | sed 's/^/    /' >&2 || true
    exit 1
  fi
  local summary="" sep=""
  for i in "${!phase_pids[@]}"; do summary+="$sep$(phase_name "${phase_labels[i]}") $(duration "${phase_took[i]}")"; sep=", "; done
  say "installed in $(duration $((SECONDS - started))) ($summary; log: $INSTALL_LOG)"
  phase_labels=() phase_pids=() phase_status=() phase_took=()
}

new_install_log() { if ((${#phase_pids[@]} == 0)); then mkdir -p "$DATA" && : >"$INSTALL_LOG"; fi; }

# What is missing of the npm packages (node_modules missing or older than the lockfile) and of the CLI.
install() { # all | cli
  if [[ $1 == all ]] && npm_outdated; then
    new_install_log
    say "installing npm packages (npm ci)"
    # shellcheck disable=SC2016 # expanded by the inner bash
    start_phase 'npm ci' bash -c 'cd "$1" && exec npm ci --no-audit --no-fund' npm "$ROOT"
  fi
  if ! existing_cli >/dev/null; then
    command -v go >/dev/null || { say "Go is needed to build the Temporal CLI and was not found"; exit 1; }
    new_install_log
    say "building the Temporal CLI $TEMPORAL_CLI_VERSION into $CACHE_BIN (a few minutes the first time)"
    mkdir -p "$CACHE_BIN"
    start_phase 'go install' env GOBIN="$CACHE_BIN" GOFLAGS=-mod=mod \
      go install -x "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
  fi
  if ((${#phase_pids[@]} > 0)); then wait_phases; fi
  existing_cli >/dev/null || { say "go install succeeded but left no $CACHE_BIN/temporal; see $INSTALL_LOG"; exit 1; }
}

find_cli() {
  existing_cli || { install cli; existing_cli; }
}

# ---------------------------------------------------------------------------------------------------------------
# The dev server.

server_up() { (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_PORT") 2>/dev/null; }

server_pid="" # set when this run started the dev server

# Starts the dev server unless one answers on the port already. Expects the CLI to be installed: a build in a
# $(...) here would run without the traps that stop it.
start_server() {
  mkdir -p "$DATA"
  server_pid=""
  if server_up; then
    say "Temporal dev server already running on localhost:$TEMPORAL_PORT"
    return 0
  fi
  local cli flags pid
  cli=$(existing_cli) || { say "no Temporal CLI found"; exit 1; }
  read -r -a flags <<<"$("$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/print-search-attribute-flags.ts")"
  say "starting the Temporal dev server (gRPC localhost:$TEMPORAL_PORT, UI http://localhost:$TEMPORAL_UI_PORT, data $DATA/temporal.db)"
  # Its own session: a Ctrl-C meant for `up` must not kill it mid-write; `stop` ends it gracefully.
  setsid nohup "$cli" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$DATA/temporal.db" --log-level warn "${flags[@]}" >>"$DATA/temporal.log" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  for _ in $(seq 1 120); do
    if "$cli" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null 2>&1; then
      say "Temporal dev server is up"
      server_pid=$pid
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      say "the dev server exited; see $DATA/temporal.log"
      tail -20 "$DATA/temporal.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  say "the dev server did not answer within 60 s; stopping it (see $DATA/temporal.log)"
  stop_server >/dev/null 2>&1
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

# ---------------------------------------------------------------------------------------------------------------
# `up`: the dev server, the worker and the API, supervised. The state is global, not local to `up`: the EXIT
# trap runs after `up` has returned, under `set -u`.

declare -A child_pid=()      # worker | api -> pid, also its process group
declare -A child_restarts=() # worker | api | server -> when (SECONDS) it was restarted, space-separated
server_ours=0

# Node with tsx's loader rather than the tsx command: one process per child, so its pid is the worker or the API
# itself, and a signal to it is not relayed (or lost) by a wrapper.
start_child() { # worker | api
  (cd "$ROOT" && exec setsid node --import tsx "$ROOT/$1/main.ts") &
  child_pid[$1]=$!
}

stop_children() {
  local pid _ alive=0
  for pid in "${child_pid[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  for _ in $(seq 1 60); do
    alive=0
    for pid in "${child_pid[@]}"; do if kill -0 -- "-$pid" 2>/dev/null; then alive=1; fi; done
    if [[ $alive == 0 ]]; then break; fi
    sleep 0.25
  done
  if [[ $alive == 1 ]]; then
    say "forcing the remaining processes to stop"
    for pid in "${child_pid[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  fi
  child_pid=()
  return 0
}

cleanup() {
  local status=$?
  trap - EXIT
  # A second Ctrl-C must not cut the stop short and leave the dev server behind; each step has its own timeout.
  trap '' INT TERM
  # Best effort from here: every step runs even if one fails, or if whoever read our output (a `| tee`) is gone.
  trap '' PIPE
  set +e
  stop_phases
  if ((${#child_pid[@]} > 0)); then
    say "stopping the worker and the API"
    stop_children
  fi
  if [[ $server_ours == 1 ]]; then stop_server; fi
  exit "$status"
}

# Fewer than MAX_RESTARTS restarts of it within the last RESTART_WINDOW seconds.
may_restart() {
  local t recent="" count=0
  for t in ${child_restarts[$1]:-}; do
    if ((SECONDS - t < RESTART_WINDOW)); then recent+="$t "; count=$((count + 1)); fi
  done
  child_restarts[$1]=$recent
  ((count < MAX_RESTARTS))
}

describe_exit() {
  if (($1 > 128)); then echo "killed by SIG$(kill -l $(($1 - 128)) 2>/dev/null || echo $(($1 - 128)))"; else echo "exit status $1"; fi
}

# Restarts whichever child dies; one that keeps dying stops everything, since restarting it again would only
# bury why it fails.
supervise() {
  local died status name label n
  while :; do
    died=""
    status=0
    wait -n -p died "${child_pid[@]}" ${server_pid:+"$server_pid"} || status=$?
    if [[ -z $died ]]; then
      # Interrupted by a signal: its trap ends the script.
      if ((status == 127)); then say "lost track of the processes it started; stopping everything"; exit 1; fi
      continue
    fi
    name=""
    if [[ $died == "$server_pid" ]]; then name=server; fi
    for n in "${!child_pid[@]}"; do if [[ ${child_pid[$n]} == "$died" ]]; then name=$n; fi; done
    [[ -n $name ]] || continue
    case $name in server) label="the Temporal dev server" ;; api) label="the API" ;; *) label="the $name" ;; esac
    if [[ $name == server ]]; then
      server_pid=""
      rm -f "$PID_FILE"
    else
      # Whatever it started, before a new one takes its port or its files.
      kill -KILL -- "-$died" 2>/dev/null || true
      unset "child_pid[$name]"
    fi
    if ! may_restart "$name"; then
      say "$label exited ($(describe_exit "$status")) again after $MAX_RESTARTS restarts within $RESTART_WINDOW s: it is failing, not crashing now and then; stopping everything (its output is above)"
      exit 1
    fi
    child_restarts[$name]+="$SECONDS "
    say "$label exited ($(describe_exit "$status")); restarting it"
    sleep 1
    if [[ $name == server ]]; then
      start_server
      [[ -n $server_pid ]] || { say "something else answers on localhost:$TEMPORAL_PORT now; stopping everything"; server_ours=0; exit 1; }
    else
      start_child "$name"
    fi
  done
}

stop_installs_on_exit() {
  trap stop_phases EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

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
