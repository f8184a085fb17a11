#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   bash scripts/pg-cluster.sh CMD [ARGS...]
#
# Creates a cluster in a temp directory (unix socket in the same directory, TCP on a random free
# port of 127.0.0.1, trust auth, durability switched off for speed), exports
#   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
# (plus PGHOST/PGPORT/PGUSER for psql), runs CMD, then stops the cluster and removes the directory,
# also when CMD fails or the script is interrupted. Exits with CMD's exit code.
#
# Binaries: $PG_BINDIR, else initdb/pg_ctl on PATH, else Debian's /usr/lib/postgresql/<newest>/bin,
# else `apt-get install postgresql`. initdb refuses to run as root, so as root the server runs as the
# `postgres` system user (created if missing). Extra server settings: PG_CLUSTER_OPTS="-c a=b ...".
set -euo pipefail

log() { echo "pg-cluster: $*" >&2; }

if [[ $# -eq 0 ]]; then
  echo "usage: bash scripts/pg-cluster.sh CMD [ARGS...]   (e.g. bash scripts/pg-cluster.sh psql)" >&2
  exit 64
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

find_bindir() {
  if [[ -n ${PG_BINDIR:-} ]]; then echo "$PG_BINDIR"; return 0; fi
  local initdb_path
  if initdb_path=$(command -v initdb) && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$initdb_path")"; return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then echo "$d"; return 0; fi
  return 1
}

if ! BINDIR=$(find_bindir); then
  log "PostgreSQL binaries not found; installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2
  as_root apt-get install -y -qq --no-install-recommends postgresql >&2
  BINDIR=$(find_bindir) || { log "still no initdb/pg_ctl after install"; exit 1; }
fi

# Who runs the server: root cannot, so use the postgres system user.
RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  RUN_AS=(runuser -u postgres --)
fi

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg-cluster.XXXXXX")
PG_DATA=$PG_TMP/data
[[ ${#RUN_AS[@]} -gt 0 ]] && chown postgres: "$PG_TMP"
chmod 700 "$PG_TMP"

pg() { (cd "$PG_TMP" && "${RUN_AS[@]}" "$@"); }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -f $PG_DATA/postmaster.pid ]]; then
    # Throwaway data: immediate shutdown is safe and takes milliseconds.
    if ! pg "$BINDIR/pg_ctl" -D "$PG_DATA" -m immediate -w -t 20 stop >/dev/null 2>&1; then
      local pid
      pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
      [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$PG_TMP"
  exit "$rc"
}
child=
descendants() { # pids of every process below $1, read from /proc (no procps needed)
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
    { pid = $1; rest = $0; sub(/.*\) /, "", rest); split(rest, f, " "); parent[pid] = f[2] }
    END {
      n = 1; todo[1] = root
      while (n > 0) {
        p = todo[n--]
        for (c in parent) if (parent[c] == p) { print c; todo[++n] = c }
      }
    }'
}
on_signal() {
  # Pass the signal on to the command and its children (vitest's workers would otherwise finish
  # their current test against a database that is gone), give them 10 s, then clean up.
  if [[ -n $child ]]; then
    local pids
    pids="$child $(descendants "$child" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    local alive p
    for _ in $(seq 100); do
      alive=
      for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
      [[ -n $alive ]] || break
      sleep 0.1
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

t0=$(date +%s%N)
pg "$BINDIR/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions \
  >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; log "initdb failed"; exit 1; }

cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- throwaway test cluster (scripts/pg-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMP'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
checkpoint_timeout = 1h
max_wal_size = 4GB
jit = off
max_parallel_workers_per_gather = 0
shared_buffers = 128MB
log_min_messages = warning
EOF

# The port is chosen before the server binds it; retry if someone else took it meanwhile.
PG_PORT=
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if pg "$BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 30 \
      -o "-p $port ${PG_CLUSTER_OPTS:-}" start >/dev/null 2>&1; then
    PG_PORT=$port
    break
  fi
  log "start on port $port failed (attempt $attempt)"
done
if [[ -z $PG_PORT ]]; then
  cat "$PG_TMP/server.log" >&2 || true
  log "could not start PostgreSQL"
  exit 1
fi
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
version=$("$BINDIR/pg_ctl" --version | awk '{print $3}')
log "PostgreSQL $version up on 127.0.0.1:$PG_PORT in ${ms} ms (data $PG_DATA)"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
export PG_CLUSTER_DIR=$PG_TMP

# In the background (stdin kept) so that a signal to this script is handled immediately.
"$@" <&0 &
child=$!
set +e
wait "$child"
rc=$?
set -e
child=
exit "$rc"
