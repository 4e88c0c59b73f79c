#!/usr/bin/env bash
# `npm test`: installs what the tests need and is missing (npm packages, the Temporal CLI, the Java test
# server); checks that api/generated matches the schema, lints (eslint) and checks formatting (prettier);
# type-checks; then runs the four vitest projects in one run, in this order: `unit` (domain and input rules, the
# read model on SQLite; no server), `postgres` (the read model on PostgreSQL, held to SQLite's answers), `system`
# (on the real servers, the cluster among them, after its global setup), `browser` (the console in Chromium). Arguments go to vitest: a
# file, `-t <name>`, or `--project unit` to run one project only. PostgreSQL is started when it is down
# (scripts/postgres.sh); the browser tests' Chromium is installed with apt when missing (scripts/install-browser.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash ./temporal-dev.sh install
bash ./scripts/install-test-server.sh
bash ./scripts/postgres.sh ensure
bash ./deploy/cluster.sh install
bash ./scripts/install-browser.sh
echo "[test] resolver and console types up to date with the schema (graphql-codegen --check; npm run codegen to regenerate)" >&2
./node_modules/.bin/graphql-codegen --config codegen.ts --check --silent
echo "[test] linting (eslint: floating promises, pure domain/ and workflows/)" >&2
./node_modules/.bin/eslint .
echo "[test] formatting (prettier --check; npm run format to fix)" >&2
./node_modules/.bin/prettier --check --log-level warn .
echo "[test] type-checking" >&2
./node_modules/.bin/tsc --noEmit
./node_modules/.bin/tsc -p web
exec ./node_modules/.bin/vitest run "$@"
