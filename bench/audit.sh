#!/usr/bin/env bash
# Audited-write throughput on PostgreSQL (issue 6, §5): WRITERS concurrent writers, each renaming
# its own unit (an audited change) for SECONDS, against HopSo built for PostgreSQL from the current
# tree and, in the same run, from a baseline revision (default: 7c55d15, before the audit log
# stopped locking one head row per write). Prints both figures and their ratio.
#
#   bench/audit.sh [WRITERS] [SECONDS] [BASELINE_REV]        (default 50 10 7c55d15)
#   BASELINE_REV=none skips the baseline.
#
# Needs the local PostgreSQL that `./hopso test` prepares (role hopso/hopso); uses the database
# hopso_bench, dropped and created for each build measured.
set -euo pipefail
cd "$(dirname "$0")/.."
writers=${1:-50}
seconds=${2:-10}
baseline=${3:-7c55d15}
./hopso services >/dev/null
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

psql_admin() { # as in ./hopso: trust auth over TCP, else the postgres OS user
  psql -h 127.0.0.1 -U postgres -d postgres -w -qtAc "$1" 2>/dev/null \
    || (cd / && su postgres -c "psql -d postgres -qtAc \"$1\"")
}

# Copies a revision (or the working tree) and builds its package for PostgreSQL.
build() {
  local rev=$1 dir=$work/$1
  mkdir -p "$dir"
  if [ "$rev" = current ]; then
    tar --exclude=./target --exclude=./frontend/node_modules --exclude=./data -cf - . | tar -xf - -C "$dir"
  else
    git archive "$rev" | tar -xf - -C "$dir"
  fi
  (cd "$dir" && ./mvnw -B -q -DskipTests -Dskip.frontend package \
    -Dquarkus.datasource.db-kind=postgresql) >"$dir.build.log" 2>&1 \
    || { echo "build of $rev failed, see $dir.build.log" >&2; tail -20 "$dir.build.log" >&2; exit 1; }
}

measure() {
  local rev=$1 port
  psql_admin "drop database if exists hopso_bench" >/dev/null
  psql_admin "create database hopso_bench owner hopso encoding 'UTF8' template template0" >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$work/$rev/target/quarkus-app" && \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hopso_bench \
    QUARKUS_DATASOURCE_USERNAME=hopso QUARKUS_DATASOURCE_PASSWORD=hopso \
    QUARKUS_HTTP_PORT=$port HOPSO_DATA_DIR="$work/data-$rev" HOPSO_ADMIN_PASSWORD=bench-admin-password \
    QUARKUS_LOG_LEVEL=WARN exec java -Xms256m -Xmx1g -jar quarkus-run.jar >"$work/$rev.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    kill -0 "$pid" 2>/dev/null || { echo "$rev did not start:" >&2; tail -30 "$work/$rev.log" >&2; exit 1; }
    sleep 0.2
  done
  java bench/AuditBench.java "http://127.0.0.1:$port" bench-admin-password "$writers" "$seconds"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

echo "HopSo audited-write benchmark: $writers writers x ${seconds}s on PostgreSQL, $(nproc) cores"
revs=(current)
[ "$baseline" != none ] && revs=("$baseline" current)
declare -A result
for rev in "${revs[@]}"; do
  echo "building $rev for PostgreSQL…" >&2
  build "$rev"
  line=$(measure "$rev")
  echo "$rev: $line"
  result[$rev]=$(sed -E 's/.*writes_per_s=([0-9.]+).*/\1/' <<<"$line")
done
if [ "$baseline" != none ]; then
  python3 -c "print('ratio current/baseline (writes per second): %.2f' % (${result[current]} / max(1.0, ${result[$baseline]})))"
fi
