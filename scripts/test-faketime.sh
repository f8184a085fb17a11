#!/usr/bin/env bash
# The date-sensitive test files again, with the whole process clock (Node and PGlite) moved years ahead by
# faketime, so a test that hides a date literal meaning "today" or "soon" fails now rather than on the
# day the literal goes stale (ADR 014). CI runs it after `npm test`.
#   npm run test:faketime [-- vitest args]
# FAKETIME_AT overrides the instant (UTC); FAKETIME_EXPECT_YEAR is set from it, and src/server/clock.test.ts
# then checks that Node and the database really see that year.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test-faketime: $*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v faketime >/dev/null; then
  log "faketime missing; installing Debian's faketime package"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq faketime >&2
fi

AT=${FAKETIME_AT:-2031-02-28 09:00:00}
export FAKETIME_EXPECT_YEAR=${AT:0:4}

# The files whose tests date documents, payments and sessions from the clock: a cheap subset of the
# suite (about a minute on CI's 2 cores; the whole suite already ran once at the real date). Numbering
# by year is covered here by clock.test.ts, at Madrid's midnight on 31 December.
FILES=(
  src/server/clock.test.ts
  src/server/modules/receipts/pay-part-or-all.test.ts
  src/server/modules/receipts/receipts.test.ts
  src/server/modules/ledger/ledger.test.ts
  src/server/modules/statements/statement.test.ts
  src/server/modules/portal-home/portal-home.test.ts
  src/server/modules/portal-home/portal-invoices.test.ts
  src/server/modules/quotes/quotes.test.ts
  src/server/modules/contact-sessions/contact-sessions.test.ts
  src/server/gateways/stripe/stripe-notifications.test.ts
)

log "running ${#FILES[@]} date-sensitive test files with the clock at $AT UTC"
exec faketime "$AT UTC" node_modules/.bin/vitest run "${FILES[@]}" "$@"
