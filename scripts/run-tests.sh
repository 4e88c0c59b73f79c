#!/usr/bin/env bash
# `npm test`: installs what the tests need and is missing (npm packages, the Temporal CLI, the Java test
# server), then type-checks and runs every test on the real servers.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash ./temporal-dev.sh install
bash ./scripts/install-test-server.sh
echo "[test] type-checking" >&2
./node_modules/.bin/tsc --noEmit
exec ./node_modules/.bin/vitest run "$@"
