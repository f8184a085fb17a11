#!/usr/bin/env bash
# End-to-end tests: start the app on a free port with a fresh PGlite directory, wait for /healthz,
# run Playwright on Debian's Chromium, stop the app. Exits with Playwright's exit code.
#   npm run test:e2e [-- playwright args]
# E2E_BASE_URL=http://…  skips starting the app and tests that server instead.
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
app_pid=
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
  [[ -n $app_pid ]] || return 0
  # setsid made the app a process-group leader: signal npm, tsx and node together.
  kill -TERM -- "-$app_pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 -- "-$app_pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$app_pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  if [[ $rc -ne 0 && -s $APP_LOG ]]; then
    echo "----- app log (last 60 lines of $APP_LOG) -----" >&2
    tail -n 60 "$APP_LOG" >&2
    echo "----- end of app log -----" >&2
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
for _ in $(seq 100); do [[ -s $WORK/paypal-fake.url ]] && break; sleep 0.1; done
PAYPAL_API_BASE=$(head -n 1 "$WORK/paypal-fake.url")
[[ -n $PAYPAL_API_BASE ]] || { log "the fake PayPal did not start"; exit 1; }
export PAYPAL_API_BASE
node_modules/.bin/tsx src/server/test/fakes/stripe-fake-server.ts >"$WORK/stripe-fake.url" 2>>"$APP_LOG" &
stripe_fake_pid=$!
for _ in $(seq 100); do [[ -s $WORK/stripe-fake.url ]] && break; sleep 0.1; done
STRIPE_API_BASE=$(head -n 1 "$WORK/stripe-fake.url")
[[ -n $STRIPE_API_BASE ]] || { log "the fake Stripe did not start"; exit 1; }
export STRIPE_API_BASE

log "starting the app on $BASE (data $WORK/data, log $APP_LOG)"
t0=$SECONDS
# PORTICO_TEST_CLOCK=1: e2e/recurring.spec.ts moves the server's clock (POST /api/test/clock); never in production.
DATA_DIR=$WORK/data PORT=$PORT HOST=127.0.0.1 PUBLIC_URL=$BASE REDSYS_BASE=$REDSYS_BASE PORTICO_TEST_CLOCK=1 \
  setsid bash -c "exec ${E2E_START_CMD:-npm start}" </dev/null >"$APP_LOG" 2>&1 &
app_pid=$!

ready=
deadline=$((SECONDS + ${E2E_START_TIMEOUT:-120}))
while ((SECONDS < deadline)); do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    wait "$app_pid" && code=0 || code=$?
    log "the app exited with code $code before answering /healthz"
    exit 1
  fi
  if node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$BASE/healthz"; then
    ready=1
    break
  fi
  sleep 0.5
done
if [[ -z $ready ]]; then
  log "no 200 from $BASE/healthz after ${E2E_START_TIMEOUT:-120} s"
  exit 1
fi
log "app ready in $((SECONDS - t0)) s"

# In the background so that a signal to this script is handled at once.
node_modules/.bin/playwright test "$@" <&0 &
pw_pid=$!
set +e
wait "$pw_pid"
rc=$?
set -e
pw_pid=
exit "$rc"
