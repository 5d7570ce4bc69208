#!/usr/bin/env bash
# The whole test suite, as `npm test` (and so the README's test command and CI) runs it:
# formatting, lint (including layer rules), types, circular imports, the web build, then every
# vitest project (unit, integration against the real server, browser in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "System packages for tests (Chromium, pdftotext)"
bash scripts/ensure-system-packages.sh
step "Formatting (prettier --check)"
npx prettier --check . --log-level warn
step "Lint (eslint)"
npx eslint . --max-warnings 0
step "Types (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit
step "Circular imports (dpdm)"
npm run --silent cycles
step "Web build (vite)"
npm run --silent build >/dev/null
step "Benchmarks at smoke size (proves they run; no timing assertions)"
npm run --silent bench -- --smoke
step "Tests (vitest: unit, integration, browser)"
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-results.json || status=$?
node -e '
  const r = require("./.tmp/vitest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
' || true
exit $status
