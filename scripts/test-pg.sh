#!/usr/bin/env bash
# Run the Vitest suite against a real PostgreSQL server (a throwaway local cluster) instead of PGlite.
# The test harness sees TEST_DATABASE_URL and gives each test file its own fresh database.
#   npm run test:pg [-- vitest args]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/pg-cluster.sh node_modules/.bin/vitest run "$@"
