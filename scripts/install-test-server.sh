#!/usr/bin/env bash
# Resolves the Java time-skipping test server (io.temporal:temporal-test-server, Maven Central) into a classpath
# file under .tools/, which scripts/temporal-test-server runs. Idempotent: quick when already resolved.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/.tools/test-server"
CLASSPATH_FILE="$OUT/classpath.txt"
POM="$ROOT/scripts/test-server/pom.xml"

resolved() {
  [[ -s "$CLASSPATH_FILE" && "$CLASSPATH_FILE" -nt "$POM" ]] || return 1
  local jar
  while IFS= read -r jar; do [[ -f "$jar" ]] || return 1; done < <(tr ':' '\n' <"$CLASSPATH_FILE")
}

if resolved; then exit 0; fi
command -v mvn >/dev/null || { echo "[test-server] Maven (mvn) is needed to fetch the Java test server" >&2; exit 1; }
command -v java >/dev/null || { echo "[test-server] Java 17 is needed to run the Java test server" >&2; exit 1; }
echo "[test-server] resolving io.temporal:temporal-test-server from Maven Central" >&2
mkdir -p "$OUT"
mvn -B -q -Dstyle.color=never -f "$POM" dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE.tmp" >&2
mv "$CLASSPATH_FILE.tmp" "$CLASSPATH_FILE"
echo "[test-server] ready: $(tr ':' '\n' <"$CLASSPATH_FILE" | wc -l) jars" >&2
