#!/usr/bin/env bash
# End-to-end test of two app processes on one PostgreSQL (decision 056): under a throwaway cluster
# (scripts/pg-cluster.sh), starts the app twice on one database, each on its own port (what two workers of
# WORKERS=2 are, without the balancer, so the test chooses the process), and runs e2e/cluster.spec.ts
# (playwright.cluster.config.ts) on Debian's Chromium. The first start builds what is stale, migrates and
# seeds the demo; the second only opens the database. Exits with Playwright's exit code.
#   bash scripts/test-e2e-cluster.sh [playwright args]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${TEST_DATABASE_URL:-} ]]; then exec bash scripts/pg-cluster.sh bash "$0" "$@"; fi

log() { echo "test-e2e-cluster: $*" >&2; }
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[[ -x $CHROMIUM ]] || { log "$CHROMIUM missing (npm run test:e2e installs it)"; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portico-e2e-cluster.XXXXXX")
pids=()
cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 120); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [[ $rc -ne 0 ]]; then
    for f in "$WORK"/app*.log; do [[ -s $f ]] && { echo "----- $f -----" >&2; tail -n 40 "$f" >&2; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'; }

# start NAME: one app process on a free port of this cluster's database; prints its base URL.
start() {
  local name=$1 port base t0=$SECONDS
  port=$(free_port)
  base=http://127.0.0.1:$port
  DATABASE_URL=$TEST_DATABASE_URL PORT=$port HOST=127.0.0.1 PUBLIC_URL=$base \
    setsid node scripts/start.mjs </dev/null >"$WORK/app-$name.log" 2>&1 &
  pids+=($!)
  local pid=$!
  while ((SECONDS - t0 < ${E2E_START_TIMEOUT:-180})); do
    kill -0 "$pid" 2>/dev/null || { log "process $name exited before answering /healthz"; return 1; }
    if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$base/healthz"; then
      log "process $name ready on $base in $((SECONDS - t0)) s"
      BASE=$base
      return 0
    fi
    sleep 0.3
  done
  log "process $name: no 200 from /healthz"
  return 1
}

start A
export E2E_CLUSTER_A=$BASE
start B
export E2E_CLUSTER_B=$BASE

node_modules/.bin/playwright test -c playwright.cluster.config.ts "$@"
