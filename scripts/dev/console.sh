# shellcheck shell=bash
# Sourced by temporal-dev.sh: the console's bundle (web/dist), built when it is missing or older than any of its
# sources, so the README's start command serves the console at / without a separate step.

console_stale() {
  local built="$ROOT/web/dist/index.html"
  [[ -f $built ]] || return 0
  [[ -n $(find "$ROOT/web/src" "$ROOT/web/index.html" "$ROOT/web/vite.config.ts" "$ROOT/package-lock.json" \
    -newer "$built" -print -quit 2>/dev/null) ]]
}

ensure_console_build() {
  if ! console_stale; then return 0; fi
  say "building the console (npm run console:build; log in $DATA/console-build.log)"
  if ! (cd "$ROOT" && npm run --silent console:build) >"$DATA/console-build.log" 2>&1; then
    say "the console did not build (see $DATA/console-build.log); the API starts without it"
  fi
}
