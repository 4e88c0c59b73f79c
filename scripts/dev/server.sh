# shellcheck shell=bash
# Sourced by temporal-dev.sh: the Temporal dev server, started in the background and stopped by its pid file,
# so that `server` and `stop` work across separate runs of the script.

PID_FILE="$DATA/temporal.pid"
UI_PROXY_PID_FILE="$DATA/ui-proxy.pid"

# The dev server's own UI listens on the internal port, always behind the proxy (ui-proxy.ts) on TEMPORAL_UI_PORT.
ui_server_port() { echo "$TEMPORAL_UI_INTERNAL_PORT"; }

# For `server` alone: the UI's proxy in the background too, so the UI is where it always is and read-only.
start_background_ui_proxy() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_UI_PORT") 2>/dev/null; then return 0; fi
  (cd "$ROOT" && export TEMPORAL_UI_PORT TEMPORAL_UI_INTERNAL_PORT TEMPORAL_UI_WRITE FENGQIAO_API_URL &&
    exec setsid nohup node --import tsx "$ROOT/scripts/dev/ui-proxy.ts" >>"$DATA/ui-proxy.log" 2>&1) &
  echo "$!" >"$UI_PROXY_PID_FILE"
  say "Temporal UI on http://localhost:$TEMPORAL_UI_PORT (testers sign in for decoded payloads at /codec/login)"
}

stop_background_ui_proxy() {
  if [[ -f "$UI_PROXY_PID_FILE" ]]; then
    kill "$(cat "$UI_PROXY_PID_FILE")" 2>/dev/null || true
    rm -f "$UI_PROXY_PID_FILE"
  fi
}

server_up() { (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_PORT") 2>/dev/null; }

# Set when this run started the dev server: `up` owns it then, and the supervisor waits on it.
server_pid=""

# Starts the dev server unless one answers on the port already. Expects the CLI to be installed: a build in a
# $(...) here would run without the traps that stop it.
# shellcheck disable=SC2034 # server_pid is read in supervise.sh
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
  say "starting the Temporal dev server (gRPC localhost:$TEMPORAL_PORT, its UI on port $(ui_server_port), data $DATA/temporal.db)"
  # Its own session: a Ctrl-C meant for `up` must not kill it mid-write; `stop` ends it gracefully.
  setsid nohup "$cli" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$(ui_server_port)" \
    --db-filename "$DATA/temporal.db" --log-level warn --ui-codec-endpoint "http://localhost:$PORT/codec" \
    "${flags[@]}" >>"$DATA/temporal.log" 2>&1 &
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
  stop_background_ui_proxy
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
