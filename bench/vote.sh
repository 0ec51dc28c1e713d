#!/usr/bin/env bash
# Vote benchmark (issue 9), against the production package on PostgreSQL:
#   1. VOTERS delegates (default 2,000), signed in and checked in beforehand, each following the
#      meeting live on its own WebSocket, cast their ballots on an open YES_NO poll within one
#      second (evenly spread, random order): p50 and p99 time to acknowledgement (from the moment
#      each ballot was due), ballots per second. The ballots go on each tablet's live socket, as
#      the web app sends them when its channel is connected (BENCH_TRANSPORT=http: the API);
#   2. the chair closes the poll, then publishes it: time from each request until poll.changed
#      (CLOSED), then poll.published, has reached every one of the VOTERS connected clients
#      (p50, p99, max);
#   3. a second poll, on which all VOTERS ballots are sent at once: the capacity, ballots per
#      second from the first ballot sent to the last acknowledged (the one-second cast cannot
#      show more than VOTERS ballots per second, whatever the server could take);
#   4. in the same run, pgbench measures single-row insert commits per second on the same
#      PostgreSQL (see below), and the ratio capacity : commits/s.
# Each poll kind (KINDS, default named,secret) is measured over ROUNDS rounds, the kinds taken in
# turn. Before them, WARMUP rounds (BENCH_WARMUP, default 6) warm both JVMs up as a day of meetings
# would, taking the kinds in turn; the first of them meets the server just started and is reported
# on its own as the cold vote (what the first vote after a restart costs). Set-up (people, invitations, sign-ins,
# check-ins, sockets) is not measured. Figures are printed with a line per target.
#
#   bench/vote.sh [VOTERS] [ROUNDS]        (defaults 2000 2; BENCH_KINDS=named,secret (also
#                                         election, confidence); BENCH_WARMUP=6;
#                                         BENCH_TRANSPORT=socket|http; BENCH_PGBENCH_SECONDS=10;
#                                         BENCH_READ=list: at each opening every tablet reads the
#                                         meeting's polls, not the poll alone;
#                                         BENCH_LOG=file keeps the log; BENCH_JAVA_OPTS replaces the
#                                         server's JVM options, BENCH_SERVER_JAVA its java,
#                                         BENCH_AOT=0 leaves out its AOT cache, BENCH_CLIENT_OPTS
#                                         the generator's JVM options)
# The server runs as deploy/Dockerfile ships it: a JDK 25 with the image's options and the AOT
# cache that the image's build trains (deploy/train-aot.sh, run here first when the package, the
# JVM, the options or the training changed: about five minutes; bench/server.sh).
# Each cast's line also gives the CPU per ballot of the server, its database backends and the
# generator, and the ballot desk's group commits (from /q/metrics).
# Targets on the 2-core reference machine: ballot p99 < 100 ms, ratio >= 0.5, close -> result on
# every client p99 < 300 ms.
#
# "The same concurrency". 2,000 clients cast at once, but HopSo's ballots reach the database
# through one writer (vote/BallotDesk: a group commit of whatever is waiting) and never through
# more than its connection pool (quarkus.datasource.jdbc.max-size, 20 by default). pgbench runs
# with -c POOL: the plainest single-row commit its database can do through as many connections
# as HopSo may ever use, which is the harder baseline (at -c 1 pgbench does far fewer). pgbench
# cannot run with 2,000 clients (max_connections is 100 on a stock PostgreSQL), and would
# measure a pile-up of backends, not a faster database.
#
# Needs the local PostgreSQL with the role hopso/hopso (`./hopso database` prepares it); uses the
# databases hopso_vote_bench (HopSo) and hopso_vote_scratch (pgbench), dropped and created here.
set -euo pipefail
cd "$(dirname "$0")/.."
voters=${1:-2000}
rounds=${2:-2}
warmups=${BENCH_WARMUP:-6}
kinds=${BENCH_KINDS:-named,secret}
pg_seconds=${BENCH_PGBENCH_SECONDS:-10}
transport=${BENCH_TRANSPORT:-socket}
admin_password=bench-admin-password
ulimit -n 65536 2>/dev/null || true
./hopso database >/dev/null
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-contrib or postgresql-15)" >&2; exit 1; }

# shellcheck source=bench/server.sh
source bench/server.sh
build_pg_package
image_jvm
pool=${QUARKUS_DATASOURCE_JDBC_MAX_SIZE:-$(sed -nE 's/^quarkus\.datasource\.jdbc\.max-size=([0-9]+).*/\1/p' src/main/resources/application.properties)}
threads=${QUARKUS_THREAD_POOL_MAX_THREADS:-$(sed -nE 's/^quarkus\.thread-pool\.max-threads=([0-9]+).*/\1/p' src/main/resources/application.properties)}

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "${BENCH_LOG:-}" ] && [ -f "$work/app.log" ]; then cp "$work/app.log" "$BENCH_LOG"; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The image's AOT cache, trained before anything is measured (deploy/train-aot.sh)
image_aot_cache

echo "HopSo vote benchmark: $voters voters, polls: $kinds, $warmups warm-up rounds, then $rounds measured rounds of each; $(nproc) cores"
echo "server: $app on PostgreSQL $(psql_admin 'show server_version'), JVM $("$server_java" -version 2>&1 | head -1 | cut -d'"' -f2) $java_opts ${aot_opts:-(no AOT cache)}"
echo "concurrency: $voters clients; HopSo's database pool $pool connections, $threads worker threads; pgbench -c $pool"

fresh_database hopso_vote_bench
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
# bcrypt at cost 4 only makes the set-up's 2,000 accounts and sign-ins quick: no measured request
# hashes a password (requests carry a token).
# shellcheck disable=SC2086
(cd $app && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hopso_vote_bench \
  QUARKUS_DATASOURCE_USERNAME=hopso QUARKUS_DATASOURCE_PASSWORD=hopso \
  QUARKUS_HTTP_PORT=$port HOPSO_DATA_DIR="$work/data" HOPSO_ADMIN_PASSWORD=$admin_password \
  HOPSO_PASSWORDS_BCRYPT_COST=4 exec "$server_java" $java_opts $aot_opts -jar quarkus-run.jar >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$base/q/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { echo "the app did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
  sleep 0.2
done

# The generator's JVM: a young generation that a whole round does not fill, so that no collection
# of its own falls in a cast (it starts each with System.gc()). With G1's defaults its young
# pauses took 20-1,030 ms on 2 busy cores, every 7-10 s (-Xlog:gc), and delayed its sends and its
# reading of the answers, which counted as the server's latency. Each cast line reports the
# generator's collections during it.
client_opts="-XX:+UseSerialGC -Xms3g -Xmx3g -Xmn2g"
# shellcheck disable=SC2086
java ${BENCH_CLIENT_OPTS:-$client_opts} bench/VoteBench.java "$base" "$admin_password" "$voters" "$kinds" "$rounds" "$pid" \
  "$(getconf CLK_TCK)" hopso_vote_bench "$transport" "$warmups" | tee "$work/client.out"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=

# pgbench on its own (HopSo stopped): one single-row insert per transaction, autocommit.
fresh_database hopso_vote_scratch
export PGPASSWORD=hopso
psql -h 127.0.0.1 -U hopso -d hopso_vote_scratch -w -qtAc "create table ballot_probe (
  id bigserial primary key, poll_id bigint not null, ballot_id uuid not null,
  choice varchar(16) not null, cast_at timestamptz not null default now())"
echo "insert into ballot_probe (poll_id, ballot_id, choice) values (1, gen_random_uuid(), 'YES');" >"$work/insert.sql"
pgbench -h 127.0.0.1 -U hopso -n -c "$pool" -j 2 -T "$pg_seconds" -f "$work/insert.sql" \
  hopso_vote_scratch >"$work/pgbench.out" 2>&1 || { cat "$work/pgbench.out"; exit 1; }
tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$work/pgbench.out" | head -1)
psql_admin "drop database if exists hopso_vote_scratch" >/dev/null
echo "pgbench: single-row insert commits per second at -c $pool -j 2 -T $pg_seconds: $tps"

python3 - "$work/client.out" "$tps" "$voters" "$pool" "$transport" <<'PY'
import os, sys
out, tps, voters, pool = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
transport = "live socket" if sys.argv[5] == "socket" else "API (HTTP)"
def verdict(ok):
    return "met" if ok else "NOT met"
for line in open(out):
    if not line.startswith("SUMMARY "):
        continue
    f = dict(kv.split("=", 1) for kv in line.split()[1:])
    num = lambda k: float(f[k])
    if f["kind"].startswith("cold-"):
        print(f"== the cold vote (the first round after the server started, {f['kind'][5:]} poll; not a target):")
        print(f"  within one second: p50 {num('ack_p50_ms'):.1f} ms, p99 {num('ack_p99_ms'):.1f} ms; all at once: {num('capacity_ballots_per_s'):.0f} ballots/s;"
              f" close -> result p99 {num('close_p99_ms'):.0f} ms; acknowledged {f['acked']}, failed {f['failed']}")
        continue
    ratio = num("capacity_ballots_per_s") / tps
    print(f"== {f['kind']} polls ({f['rounds']} measured, {voters} voters, {voters} clients, ballots on the {transport}):")
    print(f"  within one second: p50 {num('ack_p50_ms'):.1f} ms, p99 {num('ack_p99_ms'):.1f} ms, max {num('ack_max_ms'):.1f} ms;"
          f" {num('ballots_per_s'):.0f} ballots/s (the offered load: {voters} in one second); acknowledged {f['acked']}, failed {f['failed']}")
    print(f"  all at once (capacity): p50 {num('burst_p50_ms'):.1f} ms, p99 {num('burst_p99_ms'):.1f} ms, max {num('burst_max_ms'):.1f} ms;"
          f" {num('capacity_ballots_per_s'):.0f} ballots/s")
    print(f"  pgbench {tps:.0f} single-row commits/s at -c {pool}; ratio capacity : commits/s = {ratio:.3f}")
    print(f"  CPU per ballot: server {num('server_cpu_ms_per_ballot'):.2f} ms, its database backends {num('database_cpu_ms_per_ballot'):.2f} ms,"
          f" load generator {num('client_cpu_ms_per_ballot'):.2f} ms"
          f" ({os.cpu_count()} cores: {os.cpu_count() * 1000} CPU ms per second for everything)")
    print(f"  close -> result on every client: p50 {num('close_p50_ms'):.0f} ms, p99 {num('close_p99_ms'):.0f} ms, max {num('close_max_ms'):.0f} ms")
    print(f"  publish -> result on every client: p50 {num('publish_p50_ms'):.0f} ms, p99 {num('publish_p99_ms'):.0f} ms, max {num('publish_max_ms'):.0f} ms;"
          f" events missing {f['events_missing']}")
    print(f"  TARGETS {f['kind']}: ballot p99 < 100 ms: {verdict(num('ack_p99_ms') < 100 and f['failed'] == '0')};"
          f" ratio >= 0.5: {verdict(ratio >= 0.5)};"
          f" close -> result p99 < 300 ms: {verdict(num('close_p99_ms') < 300 and f['events_missing'] == '0')}"
          f" (publish -> result p99 {num('publish_p99_ms'):.0f} ms)")
PY
