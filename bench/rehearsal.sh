#!/usr/bin/env bash
# The province rehearsal (issue 12), on this machine, everything on loopback:
#   PostgreSQL (the local one, database hopso_rehearsal, made afresh), S3Proxy for the documents,
#   two packaged HopSo instances built for PostgreSQL (A loads the demo province), and nginx in
#   front of them (Debian's package, installed when missing) with deploy/nginx.conf: WebSocket
#   upgrade, no stickiness (any instance serves any client; docs/operations.md says why).
# bench/RehearsalBench.java then holds a session of the demo province through nginx: TABLETS
# delegates' tablets (REST + WebSocket) and every room's screen connected; the agenda pack (20 MB)
# downloaded by every tablet; check-ins at 30 a second until quorum; 20 requests to speak; a named
# yes/no vote by every tablet within 2 seconds, published; instance A killed with kill -9 (its
# clients move to B through nginx and resume); a secret confidence vote. It prints each figure and
# a summary line of the targets.
#
#   bench/rehearsal.sh [TABLETS]      (default 500; BENCH_DEMO=2021|2025 the demo's shape, 2021:
#                                      356 rooms; BENCH_PACK_MB=20; BENCH_LOG=folder keeps the logs)
# Needs what `./hopso test` sets up (the local PostgreSQL with the role hopso/hopso); installs
# nginx with apt-get when it is missing. Targets: vote acknowledgement p99 < 100 ms, publish ->
# result on every client p99 < 300 ms, reconnection after the kill p99 < 10 s, no event lost,
# no ballot lost or doubled.
set -euo pipefail
cd "$(dirname "$0")/.."
tablets=${1:-500}
pack_mb=${BENCH_PACK_MB:-20}
demo=${BENCH_DEMO:-2021}
admin_password=rehearsal-admin-password
demo_password=hopso-demo-2026
database=hopso_rehearsal
ulimit -n 65536 2>/dev/null || true
./hopso database >/dev/null

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx (Debian's package)…" >&2
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null ||
    { $sudo_ apt-get update -q >/dev/null && $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# shellcheck source=bench/server.sh
source bench/server.sh
build_pg_package
image_jvm
image_aot_cache

work=$(mktemp -d)
pids=()
cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${BENCH_LOG:-}" ]; then mkdir -p "$BENCH_LOG" && cp "$work"/*.log "$BENCH_LOG"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fresh_database $database

# S3Proxy
# shellcheck source=bench/s3proxy.sh
source bench/s3proxy.sh
start_s3proxy "$work" rehearsal 384m
pids+=("$s3pid")

# the two instances (A loads the demo province first, then B starts on the same database)
start_instance() { # name port [demo]
  mkdir -p "$work/$1"
  # shellcheck disable=SC2086
  (cd $app && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database \
    QUARKUS_DATASOURCE_USERNAME=hopso QUARKUS_DATASOURCE_PASSWORD=hopso QUARKUS_HTTP_PORT=$2 \
    HOPSO_DATA_DIR="$work/$1" HOPSO_ADMIN_PASSWORD=$admin_password \
    HOPSO_PASSWORDS_BCRYPT_COST=4 QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true \
    HOPSO_STORAGE_KIND=s3 HOPSO_STORAGE_S3_ENDPOINT=http://127.0.0.1:$s3port \
    HOPSO_STORAGE_S3_ACCESS_KEY=rehearsal HOPSO_STORAGE_S3_SECRET_KEY=rehearsal-secret-key \
    HOPSO_STORAGE_S3_BUCKET=hopso-rehearsal \
    exec env ${3:+HOPSO_DEMO=$3} "$server_java" $java_opts $aot_opts -jar quarkus-run.jar >"$work/$1.log" 2>&1) &
  pids+=($!)
  disown # killed on purpose halfway: no job notice
  for _ in $(seq 1 900); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "instance $1 did not start:" >&2; tail -30 "$work/$1.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "instance $1 not ready" >&2; exit 1
}
port_a=$(free_port); start_instance a "$port_a" "$demo"; pid_a=${pids[-1]}
port_b=$(free_port); start_instance b "$port_b"; pid_b=${pids[-1]}

# nginx with deploy/nginx.conf, its upstream pointed at the two instances on loopback
nport=$(free_port)
mkdir -p "$work/nginx"/{body,proxy,fastcgi,uwsgi,scgi}
# nginx's workers run as an unprivileged user when it is started as root: they buffer uploads here
chmod 755 "$work" "$work/nginx" && chmod 1777 "$work/nginx"/{body,proxy,fastcgi,uwsgi,scgi}
sed -e "s/server hopso1:8080/server 127.0.0.1:$port_a/" -e "s/server hopso2:8080/server 127.0.0.1:$port_b/" \
  -e "s/listen 80;/listen 127.0.0.1:$nport;/" deploy/nginx.conf >"$work/nginx/hopso.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log warn;
events { worker_connections 8192; }
worker_rlimit_nofile 65536;
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/hopso.conf;
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf"
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$nport/q/health/ready" && break; sleep 0.1; done

mkdir -p "$work/pack"
for i in 1 2 3 4; do
  python3 bench/makepdf.py "$work/pack/tai-lieu-$i.pdf" $(( pack_mb * 1024 * 1024 / 4 )) 20
done

echo "HopSo province rehearsal: $tablets tablets, demo $demo, $(nproc) cores; nginx $("$nginx_bin" -v 2>&1 | cut -d/ -f2) on :$nport -> A :$port_a, B :$port_b; JVM $("$server_java" -version 2>&1 | head -1 | cut -d'"' -f2) $java_opts ${aot_opts:-(no AOT cache)}"
commits() { PGPASSWORD=hopso psql -h 127.0.0.1 -U hopso -d $database -qtAc "select xact_commit from pg_stat_database where datname = '$database'"; }
c0=$(commits); t0=$(date +%s%N)
java -Xmx2g -cp "$app/lib/main/*" bench/RehearsalBench.java "http://127.0.0.1:$nport" "$admin_password" \
  "$demo_password" "$tablets" "$work/pack" "$pid_a" "$pid_b" "$(getconf CLK_TCK)" 2> >(grep --line-buffered -v '^SLF4J' >&2) | tee "$work/client.out"
c1=$(commits); t1=$(date +%s%N)

python3 - "$work/client.out" "$c0" "$c1" "$t0" "$t1" <<'PY'
import sys
out, c0, c1, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
f = {}
for line in open(out):
    if line.startswith("SUMMARY "):
        f = dict(kv.split("=", 1) for kv in line.split()[1:])
if not f:
    sys.exit("no summary: the rehearsal did not finish")
n = lambda k: float(f[k])
print(f"== rehearsal: {f['tablets']} tablets and {f['screens']} room screens through nginx, two instances")
print(f"  time to quorum (check-ins at 30/s): {n('quorum_s'):.1f} s; agenda pack on every tablet: {n('pack_s'):.1f} s")
print(f"  named yes/no vote: acknowledged p50 {n('vote1_p50_ms'):.1f} ms, p99 {n('vote1_p99_ms'):.1f} ms; publish -> result on every client p99 {n('vote1_result_p99_ms'):.0f} ms, max {n('vote1_result_max_ms'):.0f} ms")
print(f"  secret confidence vote (after the kill): acknowledged p50 {n('vote2_p50_ms'):.1f} ms, p99 {n('vote2_p99_ms'):.1f} ms; publish -> result p99 {n('vote2_result_p99_ms'):.0f} ms, max {n('vote2_result_max_ms'):.0f} ms")
print(f"  kill -9 of A: {f['moved']} clients moved, reconnected p99 {n('reconnect_p99_s'):.2f} s, max {n('reconnect_max_s'):.2f} s; not back {f['not_back']}")
print(f"  events lost {f['events_lost']}, repeated {f['events_repeated']}; ballots lost {f['ballots_lost']}, doubled {f['ballots_doubled']}; results missing {f['results_missing']}")
print(f"  instance A (until the kill): CPU {f['a_cpu_pct']}% of a core, {f['a_rss_mb']} MB resident; instance B: CPU {f['b_cpu_pct']}%, {f['b_rss_mb']} MB")
print(f"  PostgreSQL: {(c1 - c0) / ((t1 - t0) / 1e9):.0f} commits/s over the rehearsal ({c1 - c0} commits in {(t1 - t0) / 1e9:.0f} s, set-up included)")
checks = {
    "vote p99 < 100 ms": max(n("vote1_p99_ms"), n("vote2_p99_ms")) < 100,
    "result p99 < 300 ms": max(n("vote1_result_p99_ms"), n("vote2_result_p99_ms")) < 300 and f["results_missing"] == "0",
    "reconnection p99 < 10 s": n("reconnect_p99_s") < 10 and f["not_back"] == "0",
    "no event lost": f["events_lost"] == "0" and f["events_repeated"] == "0",
    "no ballot lost or doubled": f["ballots_lost"] == "0" and f["ballots_doubled"] == "0",
}
print("TARGETS: " + "; ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in checks.items())
      + (" -- every target met" if all(checks.values()) else " -- NOT every target met"))
PY
