#!/usr/bin/env bash
# End-to-end tests: start the app (E2E_STACKS copies, default 2) on free ports with fresh PGlite
# directories, wait for /healthz, run Playwright on Debian's Chromium with one worker per app, stop the
# apps. Exits with Playwright's exit code.
#   npm run test:e2e [-- playwright args]
# E2E_BASE_URL=http://…  skips starting the app and tests that server instead (one worker).
# E2E_STACKS=1           one app and one worker, as before (slower; the order of the specs is fixed).
# E2E_START_CMD          overrides the start command (default: npm start).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test-e2e: $*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  log "$CHROMIUM missing; installing Debian's chromium package"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq chromium >&2
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [[ -n ${E2E_BASE_URL:-} ]]; then
  log "testing the running server at $E2E_BASE_URL"
  exec node_modules/.bin/playwright test "$@"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portico-e2e.XXXXXX")
APP_LOG=$WORK/app.log
mkdir "$WORK/data"
app_pids=()
fake_pid=
pw_pid=

paypal_fake_pid=
stripe_fake_pid=
stop_fake() {
  [[ -n $paypal_fake_pid ]] && kill -TERM "$paypal_fake_pid" 2>/dev/null
  [[ -n $stripe_fake_pid ]] && kill -TERM "$stripe_fake_pid" 2>/dev/null
  [[ -n $fake_pid ]] || return 0
  kill -TERM -- "-$fake_pid" 2>/dev/null || true
}
stop_app() {
  stop_fake
  local pid
  # setsid made each app a process-group leader: signal npm, tsx and node together.
  for pid in "${app_pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${app_pids[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  if [[ $rc -ne 0 ]]; then
    local f
    for f in "$APP_LOG" "$WORK"/app[0-9]*.log; do
      [[ -s $f ]] || continue
      echo "----- app log (last 60 lines of $f) -----" >&2
      tail -n 60 "$f" >&2
      echo "----- end of app log -----" >&2
    done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
on_signal() {
  if [[ -n $pw_pid ]] && kill -TERM "$pw_pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pw_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
export E2E_BASE_URL=$BASE

# The payment providers' fakes (test code, src/server/test/fakes): the app is pointed at them, never at
# the real providers; a production start never runs them.
REDSYS_FAKE_PORT=$(free_port)
REDSYS_FAKE_PORT=$REDSYS_FAKE_PORT setsid node_modules/.bin/tsx src/server/test/fakes/redsys-fake-server.ts \
  </dev/null >"$WORK/redsys-fake.log" 2>&1 &
fake_pid=$!
export REDSYS_BASE=http://127.0.0.1:$REDSYS_FAKE_PORT
node_modules/.bin/tsx src/server/test/fakes/paypal-fake-server.ts >"$WORK/paypal-fake.url" 2>>"$APP_LOG" &
paypal_fake_pid=$!
for _ in $(seq 600); do [[ -s $WORK/paypal-fake.url ]] && break; sleep 0.1; done
PAYPAL_API_BASE=$(head -n 1 "$WORK/paypal-fake.url")
[[ -n $PAYPAL_API_BASE ]] || { log "the fake PayPal did not start"; exit 1; }
export PAYPAL_API_BASE
node_modules/.bin/tsx src/server/test/fakes/stripe-fake-server.ts >"$WORK/stripe-fake.url" 2>>"$APP_LOG" &
stripe_fake_pid=$!
for _ in $(seq 600); do [[ -s $WORK/stripe-fake.url ]] && break; sleep 0.1; done
STRIPE_API_BASE=$(head -n 1 "$WORK/stripe-fake.url")
[[ -n $STRIPE_API_BASE ]] || { log "the fake Stripe did not start"; exit 1; }
export STRIPE_API_BASE

# E2E_STACKS apps (default 2, one per Playwright worker), each on its own port and fresh PGlite directory,
# sharing the fakes: a worker's tests only ever talk to its own app (playwright.config.ts picks it by
# TEST_PARALLEL_INDEX), so the specs keep the one-server world they were written for — their state, and the
# test clock that e2e/recurring.spec.ts moves, stay within one app. Started one after the other: the first
# start builds, the second reuses the build.
STACKS=${E2E_STACKS:-2}
bases=()
start_stack() {
  local i=$1 port base data log t0
  port=$(free_port)
  base=http://127.0.0.1:$port
  data=$WORK/data$i
  log=$WORK/app$i.log
  mkdir -p "$data"
  [[ $i -eq 0 ]] && { port=$PORT; base=$BASE; data=$WORK/data; log=$APP_LOG; }
  log "starting app $i on $base (data $data, log $log)"
  t0=$SECONDS
  # PORTICO_TEST_CLOCK=1: e2e/recurring.spec.ts moves the server's clock (POST /api/test/clock); never in production.
  DATA_DIR=$data PORT=$port HOST=127.0.0.1 PUBLIC_URL=$base REDSYS_BASE=$REDSYS_BASE PORTICO_TEST_CLOCK=1 SIGNUP_RATE_LIMIT=100 \
    setsid bash -c "exec ${E2E_START_CMD:-npm start}" </dev/null >"$log" 2>&1 &
  app_pids+=($!)
  local pid=$! ready= deadline=$((SECONDS + ${E2E_START_TIMEOUT:-120}))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" && code=0 || code=$?
      log "app $i exited with code $code before answering /healthz"
      return 1
    fi
    if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$base/healthz"; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [[ -z $ready ]]; then
    log "no 200 from $base/healthz after ${E2E_START_TIMEOUT:-120} s"
    return 1
  fi
  log "app $i ready in $((SECONDS - t0)) s"
  bases+=("$base")
}
for ((i = 0; i < STACKS; i++)); do start_stack "$i"; done
E2E_BASE_URLS=$(IFS=,; echo "${bases[*]}")
export E2E_BASE_URLS

# In the background so that a signal to this script is handled at once.
node_modules/.bin/playwright test "$@" <&0 &
pw_pid=$!
set +e
wait "$pw_pid"
rc=$?
set -e
pw_pid=
exit "$rc"
