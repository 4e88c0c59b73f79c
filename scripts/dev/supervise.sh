# shellcheck shell=bash
# Sourced by temporal-dev.sh: the children of `up` (the worker and the API, and the dev server if this run
# started it), restarted when one dies, and all of them stopped when the script ends, however it ends.
#
# The state is global, not local to a function: the EXIT trap runs after `up` has returned, under `set -u`.

# A child that dies more often than this is broken, not unlucky: restarting it again would only hide why.
MAX_RESTARTS=${FENGQIAO_MAX_RESTARTS:-3}
RESTART_WINDOW=60

declare -A child_pid=()      # worker | api -> pid, also its process group
declare -A child_restarts=() # worker | api | server -> when (SECONDS) it was restarted, space-separated
server_ours=0

# Node with tsx's loader rather than the tsx command: one process per child, so its pid is the worker or the API
# itself, and a signal to it is not relayed (or lost) by a wrapper.
start_child() { # worker | api | ui-proxy
  local main="$ROOT/$1/main.ts"
  if [[ $1 == ui-proxy ]]; then main="$ROOT/scripts/dev/ui-proxy.ts"; fi
  (cd "$ROOT" && export TEMPORAL_UI_PORT TEMPORAL_UI_INTERNAL_PORT TEMPORAL_UI_WRITE FENGQIAO_API_URL &&
    exec setsid node --import tsx "$main") &
  child_pid[$1]=$!
}

# The UI's proxy in front of the dev server's UI (./ui-proxy.ts: read-only unless TEMPORAL_UI_WRITE=1, the codec
# for signed-in testers), unless something answers on TEMPORAL_UI_PORT already (the proxy `server` started).
start_ui_proxy() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_UI_PORT") 2>/dev/null; then
    say "something answers on localhost:$TEMPORAL_UI_PORT already: no UI proxy started"
    return 0
  fi
  start_child ui-proxy
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
    case $name in server) label="the Temporal dev server" ;; api) label="the API" ;; ui-proxy) label="the UI's read-only proxy" ;; *) label="the $name" ;; esac
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
