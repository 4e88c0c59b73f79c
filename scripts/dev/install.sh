# shellcheck shell=bash
# Sourced by temporal-dev.sh: installing what is missing, the npm packages and the Temporal CLI.
#
# npm ci and the Temporal CLI build run side by side (the build is ~7 min of compiling, npm ci ~2 min of mostly
# network), each in its own session so that a failure or Ctrl-C can stop all of it, compilers and install
# scripts included. Their output goes to one log, each line prefixed with its phase; the terminal only gets a
# progress line.

TEMPORAL_CLI_VERSION=v1.5.1 # the newest tag without a `replace` directive: later ones cannot be go-installed
PROJECT_BIN="$ROOT/.tools/bin"
CACHE_BIN="${XDG_CACHE_HOME:-$HOME/.cache}/fengqiao/temporal-cli-$TEMPORAL_CLI_VERSION"
INSTALL_LOG="$DATA/install.log"

phase_labels=()
phase_pids=()
phase_status=()
phase_took=()

duration() { if (($1 >= 60)); then printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi; }

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

# The subcommands that install but supervise nothing still must not leave a build running when they are stopped.
stop_installs_on_exit() {
  trap stop_phases EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
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
