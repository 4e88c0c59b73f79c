#!/usr/bin/env bash
# Fengqiao's own Temporal cluster, beside the CLI's dev server: the Temporal server v1.29.1 on the machine's
# PostgreSQL (persistence and SQL visibility), its four services as separate processes, and the Temporal UI.
#
#   deploy/cluster.sh install   build the server, its SQL tool and the UI server (once per user, in the cache)
#   deploy/cluster.sh up        install, ensure PostgreSQL, create the databases and schemas, start the four
#                               services and the UI, register the namespace and the petition search attributes
#                               (idempotent: what is there already is left as it is)
#   deploy/cluster.sh down      stop what `up` started (SIGTERM, then wait); the data stays in PostgreSQL
#   deploy/cluster.sh status    which services run, whether the frontend answers (exit status 3 when down)
#   deploy/cluster.sh reset     down, then drop both databases and forget the cluster (also: down --wipe)
#   deploy/cluster.sh address   print the frontend's gRPC address
#
# Settings (docs/cluster.md): FENGQIAO_CLUSTER_PORT (17233: the frontend's gRPC; the services use the next twelve
# ports), FENGQIAO_CLUSTER_UI_PORT (18233), FENGQIAO_CLUSTER_UI=0 (no UI), FENGQIAO_CLUSTER_SHARDS (history
# shards, read at creation only), FENGQIAO_CLUSTER_DB / FENGQIAO_CLUSTER_VISIBILITY_DB (temporal,
# temporal_visibility), FENGQIAO_CLUSTER_DIR (.data/cluster: rendered config, pid files, logs),
# FENGQIAO_CLUSTER_RETENTION (30d), FENGQIAO_CLUSTER_LOG_LEVEL (warn). PostgreSQL: scripts/postgres.sh's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${FENGQIAO_CLUSTER_DIR:-$ROOT/.data/cluster}
[[ $DIR == /* ]] || DIR="$PWD/$DIR"

SERVER_VERSION=v1.29.1
# The newest ui-server whose go.mod this machine's Go (1.26.8, GOTOOLCHAIN=local) accepts: v2.56.0 and later
# want Go 1.26.9 or newer. Its module carries the built UI (ui/assets), so go install needs nothing but Go modules.
UI_VERSION=v2.55.0
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/fengqiao
SERVER_HOME=$CACHE/temporal-server-$SERVER_VERSION
UI_HOME=$CACHE/temporal-ui-server-$UI_VERSION
SERVER=$SERVER_HOME/temporal-server
SQL_TOOL=$SERVER_HOME/temporal-sql-tool
UI_SERVER=$UI_HOME/temporal-ui-server

# Thirteen ports from FENGQIAO_CLUSTER_PORT: the dev server keeps 7233/8233 (and picks its internal ports among the
# ephemeral ones, 32768 and up, as the tests' free ports do), so 17233–17245 and 18233 clash with neither:
# gRPC +0..+3 and membership +4..+7 (frontend, history, matching, worker), the frontend's HTTP +8, Prometheus
# metrics +9..+12 (history, matching, frontend, worker: the order of SERVICES).
PORT=${FENGQIAO_CLUSTER_PORT:-17233}
FRONTEND_PORT=$PORT
HISTORY_PORT=$((PORT + 1))
MATCHING_PORT=$((PORT + 2))
WORKER_PORT=$((PORT + 3))
FRONTEND_HTTP_PORT=$((PORT + 8))
UI_PORT=${FENGQIAO_CLUSTER_UI_PORT:-18233}
WITH_UI=${FENGQIAO_CLUSTER_UI:-1}
ADDRESS=127.0.0.1:$FRONTEND_PORT

# History shards of a new cluster. Production: 1024 (why: docs/cluster.md). This machine's development and test
# clusters default to 8: every shard is a lease and a set of queue readers polling PostgreSQL, on 2 shared cores.
SHARDS=${FENGQIAO_CLUSTER_SHARDS:-8}
DB=${FENGQIAO_CLUSTER_DB:-temporal}
VISIBILITY_DB=${FENGQIAO_CLUSTER_VISIBILITY_DB:-temporal_visibility}
RETENTION=${FENGQIAO_CLUSTER_RETENTION:-30d}
LOG_LEVEL=${FENGQIAO_CLUSTER_LOG_LEVEL:-warn}
PG_HOST=${FENGQIAO_PG_HOST:-127.0.0.1}
PG_PORT=${FENGQIAO_PG_PORT:-5432}
PG_PASSWORD=${FENGQIAO_PG_PASSWORD:-fengqiao}

SERVICES=(history matching frontend worker)

say() { printf '[cluster] %s\n' "$*" >&2 || true; }
die() { say "$*"; exit 1; }

# The rendered config holds the database password, the logs hold workflow ids: this user's only.
umask 077

duration() { if (($1 >= 60)); then printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi; }

# go install in the background, its output in a log, a progress line meanwhile: rewritten in place on a
# terminal, every 15 s otherwise (a CI log must not fill with carriage returns).
go_build() { # what, log, GOBIN, packages...
  local what=$1 log=$2 bin=$3 started=$SECONDS last=-15 pid n line status=0
  shift 3
  command -v go >/dev/null || die "Go is needed to build the $what and was not found"
  mkdir -p "$bin"
  env GOBIN="$bin" GOFLAGS=-mod=mod nice -n 10 go install -x "$@" >"$log" 2>&1 &
  pid=$!
  # Stopped with the script: a half-done build leaves only the staging directory, which the next one replaces.
  trap 'kill "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    n=$(grep -c '/compile -o' "$log" 2>/dev/null || true)
    if ((n > 0)); then line="compiling, $n packages"; else line="downloading, $(grep -c '^# get ' "$log" 2>/dev/null || true) requests"; fi
    line="building the $what $(duration $((SECONDS - started))): $line"
    if [[ -t 2 ]]; then
      printf '\r[cluster] %s\033[K' "$line" >&2
    elif ((SECONDS - last >= 15)); then
      say "$line"
      last=$SECONDS
    fi
    sleep 1
  done
  wait "$pid" || status=$?
  trap - INT TERM
  if [[ -t 2 ]]; then printf '\r\033[K' >&2; fi
  if ((status != 0)); then
    say "building the $what failed (exit status $status) after $(duration $((SECONDS - started))); its last lines (all of it in $log):"
    tail -n 20 "$log" | sed 's/^/    /' >&2
    return 1
  fi
  say "built the $what in $(duration $((SECONDS - started)))"
}

install_server() {
  if [[ -x $SERVER && -x $SQL_TOOL && -d $SERVER_HOME/schema ]]; then return 0; fi
  # One build at a time per user: npm test and CI may call install side by side.
  mkdir -p "$CACHE"
  exec 8>"$CACHE/temporal-server-$SERVER_VERSION.lock"
  flock 8
  if [[ -x $SERVER && -x $SQL_TOOL && -d $SERVER_HOME/schema ]]; then return 0; fi
  local staging=$SERVER_HOME.partial module
  rm -rf "$staging"
  mkdir -p "$staging"
  say "building the Temporal server $SERVER_VERSION and its SQL tool into $SERVER_HOME (about 8 minutes on 2 cores the first time)"
  go_build "Temporal server $SERVER_VERSION" "$CACHE/temporal-server-$SERVER_VERSION.log" "$staging/bin" \
    "go.temporal.io/server/cmd/server@$SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION"
  # The schemas and the reference config come with the module; kept beside the binaries so that `up` needs no Go.
  module=$(go mod download -json "go.temporal.io/server@$SERVER_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -d $module/schema/postgresql/v12 ]] || die "no schema/postgresql/v12 in go.temporal.io/server@$SERVER_VERSION ($module)"
  mkdir -p "$staging/schema/postgresql" "$staging/config"
  cp -R "$module/schema/postgresql/v12" "$staging/schema/postgresql/"
  cp "$module/config/development-postgres12.yaml" "$staging/config/"
  chmod -R u+w "$staging"
  mv "$staging/bin/server" "$staging/temporal-server"
  mv "$staging/bin/sql" "$staging/temporal-sql-tool"
  rmdir "$staging/bin"
  rm -rf "$SERVER_HOME"
  mv "$staging" "$SERVER_HOME"
  flock -u 8
}

# The UI is a convenience: when it cannot be built, the cluster runs without it (and says so).
install_ui() {
  [[ $WITH_UI == 1 ]] || return 0
  if [[ -x $UI_SERVER || -f $UI_HOME.failed ]]; then return 0; fi
  mkdir -p "$CACHE"
  exec 9>"$CACHE/temporal-ui-server-$UI_VERSION.lock"
  flock 9
  if [[ -x $UI_SERVER || -f $UI_HOME.failed ]]; then return 0; fi
  local staging=$UI_HOME.partial
  rm -rf "$staging"
  if go_build "Temporal UI server $UI_VERSION" "$CACHE/temporal-ui-server-$UI_VERSION.log" "$staging" \
    "github.com/temporalio/ui-server/v2/cmd/server@$UI_VERSION"; then
    mv "$staging/server" "$staging/temporal-ui-server"
    rm -rf "$UI_HOME"
    mv "$staging" "$UI_HOME"
  else
    cp "$CACHE/temporal-ui-server-$UI_VERSION.log" "$UI_HOME.failed"
    say "going on without a UI (delete $UI_HOME.failed to try the build again)"
  fi
  flock -u 9
}

install() {
  install_server
  install_ui
}

cli() {
  local path
  path=$(bash "$ROOT/temporal-dev.sh" cli-path) || die "no Temporal CLI (bash temporal-dev.sh cli-path failed)"
  echo "$path"
}

psql_as_fengqiao() { # database, then psql arguments
  local db=$1
  shift
  PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U fengqiao -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}

database_exists() { [[ $(psql_as_fengqiao postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]; }

sql_tool() { # database, then the command
  local db=$1
  shift
  SQL_PLUGIN=postgres12 SQL_HOST=$PG_HOST SQL_PORT=$PG_PORT SQL_USER=fengqiao SQL_PASSWORD=$PG_PASSWORD \
    "$SQL_TOOL" --db "$db" "$@"
}

# Creates the database and its schema if missing, then brings the schema up to this version's (update-schema
# applies only the versions the database does not have yet).
ensure_database() { # database, schema directory name (temporal | visibility)
  local db=$1 schema=$SERVER_HOME/schema/postgresql/v12/$2
  if ! database_exists "$db"; then
    say "creating the database $db"
    sql_tool "$db" create-database >>"$DIR/schema.log" 2>&1 || { tail -5 "$DIR/schema.log" >&2; die "create-database $db failed"; }
  fi
  if [[ $(psql_as_fengqiao "$db" -c "SELECT to_regclass('public.schema_version') IS NOT NULL") != t ]]; then
    sql_tool "$db" setup-schema -v 0.0 >>"$DIR/schema.log" 2>&1 || { tail -5 "$DIR/schema.log" >&2; die "setup-schema $db failed"; }
  fi
  sql_tool "$db" update-schema -d "$schema/versioned" >>"$DIR/schema.log" 2>&1 ||
    { tail -5 "$DIR/schema.log" >&2; die "update-schema $db failed (see $DIR/schema.log)"; }
  say "database $db at schema version $(psql_as_fengqiao "$db" -c 'SELECT curr_version FROM schema_version')"
}

render_config() {
  mkdir -p "$DIR/config" "$DIR/ui"
  # The shard count of a cluster is the one it was created with; a different FENGQIAO_CLUSTER_SHARDS later
  # would be ignored by the server, so the recorded one is used and the difference said.
  local shards=$SHARDS
  if [[ -f $DIR/shards && $(cat "$DIR/shards") != "$SHARDS" ]]; then
    shards=$(cat "$DIR/shards")
    if [[ -n ${FENGQIAO_CLUSTER_SHARDS:-} ]]; then say "this cluster was created with $shards history shards; FENGQIAO_CLUSTER_SHARDS=$SHARDS is ignored (reset to change it)"; fi
  fi
  echo "$shards" >"$DIR/shards"
  local template=$ROOT/deploy/temporal.yaml names
  # shellcheck disable=SC2016 # the literal ${FQ_...} names, for envsubst to replace only those
  names=$(grep -o '\${FQ_[A-Z_]*}' "$template" | sort -u | tr '\n' ' ')
  FQ_LOG_LEVEL=$LOG_LEVEL FQ_SHARDS=$shards FQ_DB=$DB FQ_VISIBILITY_DB=$VISIBILITY_DB FQ_PG_HOST=$PG_HOST \
    FQ_PG_PORT=$PG_PORT FQ_PG_PASSWORD=$PG_PASSWORD \
    FQ_FRONTEND_PORT=$FRONTEND_PORT FQ_HISTORY_PORT=$HISTORY_PORT FQ_MATCHING_PORT=$MATCHING_PORT \
    FQ_WORKER_PORT=$WORKER_PORT FQ_FRONTEND_HTTP_PORT=$FRONTEND_HTTP_PORT \
    FQ_FRONTEND_MEMBERSHIP_PORT=$((PORT + 4)) FQ_HISTORY_MEMBERSHIP_PORT=$((PORT + 5)) \
    FQ_MATCHING_MEMBERSHIP_PORT=$((PORT + 6)) FQ_WORKER_MEMBERSHIP_PORT=$((PORT + 7)) \
    FQ_DYNAMIC_CONFIG=$ROOT/deploy/dynamicconfig.yaml \
    envsubst "$names" <"$template" >"$DIR/config/fengqiao.yaml"
  # Read-only: Fengqiao changes petitions through its API, whose rules an operator's terminate or signal would
  # bypass. Payloads are encrypted by Fengqiao's codec and show as such (the dev server's UI decodes them for a
  # signed-in tester through scripts/dev/ui-proxy.ts; this one has no codec endpoint).
  cat >"$DIR/ui/fengqiao.yaml" <<YAML
temporalGrpcAddress: $ADDRESS
host: 127.0.0.1
port: $UI_PORT
enableUi: true
defaultNamespace: default
disableWriteActions: true
notifyOnNewVersion: false
disableNewsFetch: true
YAML
}

pid_of() { [[ -f $DIR/$1.pid ]] && cat "$DIR/$1.pid"; }
running() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }
frontend_answers() { "$1" operator cluster health --address "$ADDRESS" >/dev/null 2>&1; }

start_process() { # name, then the command
  local name=$1
  shift
  if running "$name"; then return 0; fi
  # Its own session, so that a Ctrl-C meant for whoever ran `up` does not stop the cluster; `down` does.
  # Without the lock's descriptor: a service holding it would keep every later `up` or `down` waiting.
  setsid nohup "$@" >>"$DIR/$name.log" 2>&1 </dev/null 7>&- 8>&- 9>&- &
  echo "$!" >"$DIR/$name.pid"
  say "started $name (pid $!, log $DIR/$name.log)"
}

ensure_namespace() { # cli
  local cli=$1 _
  if ! "$cli" operator namespace describe --address "$ADDRESS" --namespace default >/dev/null 2>&1; then
    say "registering the namespace default (retention $RETENTION)"
    "$cli" operator namespace create --address "$ADDRESS" --namespace default --retention "$RETENTION" >/dev/null
  fi
  # A new namespace reaches each service's namespace cache within its refresh interval (10 s).
  for _ in $(seq 1 60); do
    if "$cli" workflow count --address "$ADDRESS" --namespace default >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "the namespace default is not usable after 30 s"
}

ensure_search_attributes() { # cli
  local cli=$1 known pair name type added=""
  known=$("$cli" operator search-attribute list --address "$ADDRESS" --namespace default)
  for pair in $(cd "$ROOT" && "$ROOT/node_modules/.bin/tsx" scripts/print-search-attribute-flags.ts | sed 's/--search-attribute //g'); do
    name=${pair%%=*}
    type=${pair#*=}
    if grep -qw "$name" <<<"$known"; then continue; fi
    # One type per call: the CLI's --type is not repeatable.
    "$cli" operator search-attribute create --address "$ADDRESS" --namespace default --name "$name" --type "$type" >/dev/null
    added+=" $pair"
  done
  if [[ -n $added ]]; then say "registered the search attributes$added"; fi
}

wait_for_cluster_metadata() { # the service that writes it
  local _
  for _ in $(seq 1 120); do
    if [[ $(psql_as_fengqiao "$DB" -c 'SELECT count(*) FROM cluster_metadata_info') != 0 ]]; then return 0; fi
    running "$1" || { tail -20 "$DIR/$1.log" >&2; die "the $1 service exited; see $DIR/$1.log"; }
    sleep 0.25
  done
  die "the $1 service wrote no cluster metadata within 30 s; see $DIR/$1.log"
}

up() {
  install
  local cli started=$SECONDS service _
  cli=$(cli)
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  exec 7>"$DIR/.lock"
  flock 7
  bash "$ROOT/scripts/postgres.sh" ensure
  ensure_database "$DB" temporal
  ensure_database "$VISIBILITY_DB" visibility
  render_config
  local metrics=$((PORT + 9))
  for service in "${SERVICES[@]}"; do
    start_process "$service" env FQ_METRICS_PORT=$((metrics++)) \
      "$SERVER" --root "$DIR" --config config --env fengqiao start --service "$service"
    # On a new database every service would write the cluster's metadata record, and all but one of them fail
    # on the conflict and exit: the first one writes it alone.
    if [[ $service == "${SERVICES[0]}" ]]; then wait_for_cluster_metadata "$service"; fi
  done
  for _ in $(seq 1 240); do
    if frontend_answers "$cli"; then break; fi
    for service in "${SERVICES[@]}"; do
      if ! running "$service"; then
        tail -20 "$DIR/$service.log" >&2
        stop_services
        die "the $service service exited; see $DIR/$service.log"
      fi
    done
    sleep 0.5
  done
  frontend_answers "$cli" || { stop_services; die "the frontend did not answer on $ADDRESS within 2 minutes; see $DIR/frontend.log"; }
  ensure_namespace "$cli"
  ensure_search_attributes "$cli"
  for service in "${SERVICES[@]}"; do
    running "$service" || { tail -20 "$DIR/$service.log" >&2; die "the $service service exited; see $DIR/$service.log"; }
  done
  local ui="no UI (FENGQIAO_CLUSTER_UI=0)"
  if [[ $WITH_UI == 1 && -x $UI_SERVER ]]; then
    start_process ui "$UI_SERVER" --root "$DIR" --config ui --env fengqiao start
    ui="UI http://localhost:$UI_PORT (read-only)"
  elif [[ $WITH_UI == 1 ]]; then
    ui="no UI (its build failed: $UI_HOME.failed)"
  fi
  say "up in $(duration $((SECONDS - started))): gRPC $ADDRESS (namespace default, $(cat "$DIR/shards") history shards, PostgreSQL $PG_HOST:$PG_PORT/$DB), $ui"
  say "point Fengqiao at it: TEMPORAL_ADDRESS=$ADDRESS npm run worker (and the same for npm run api)"
}

stop_process() { # name
  local pid _
  pid=$(pid_of "$1") || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then say "$1 did not stop in 30 s; killing it"; kill -KILL "$pid"; fi
    say "stopped $1"
  fi
  rm -f "$DIR/$1.pid"
}

# The frontend first, so that no new request arrives while history and matching finish theirs.
stop_services() {
  local service
  for service in ui frontend worker matching history; do stop_process "$service"; done
}

down() {
  [[ -d $DIR ]] || return 0
  exec 7>"$DIR/.lock"
  flock 7
  stop_services
}

reset() {
  down
  bash "$ROOT/scripts/postgres.sh" ensure
  local db
  for db in "$DB" "$VISIBILITY_DB"; do
    if database_exists "$db"; then
      psql_as_fengqiao postgres -c "DROP DATABASE \"$db\" WITH (FORCE)"
      say "dropped the database $db"
    fi
  done
  rm -f "$DIR/shards"
}

status() {
  local service state=0 cli
  for service in "${SERVICES[@]}" ui; do
    if running "$service"; then say "$service: running (pid $(pid_of "$service"))"; elif [[ $service != ui ]]; then say "$service: not running"; state=3; fi
  done
  cli=$(cli)
  if frontend_answers "$cli"; then say "frontend answers on $ADDRESS"; else say "frontend does not answer on $ADDRESS"; state=3; fi
  return "$state"
}

case "${1:-}" in
  install) install ;;
  up) up ;;
  down) if [[ ${2:-} == --wipe ]]; then reset; else down; fi ;;
  reset) reset ;;
  status) status ;;
  address) echo "$ADDRESS" ;;
  *) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
