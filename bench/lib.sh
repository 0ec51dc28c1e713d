# Shared by the benchmarks: start and stop the packaged app (embedded defaults) on a free port
# in a fresh data folder, with the demo province. Source it; it sets $pid, $port, $data, $base.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port"
admin_password=bench-admin-password
pid=
# built when a source is newer than the package, as `./hopso run` would (inside the timed start)
./hopso build
# after the build: also makes the start-up cache, outside every timed start
java_opts=$(./hopso java-opts)
data=$(mktemp -d)
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  # BENCH_LOG=file keeps the server's log (both runs, for the restart) for a closer look
  if [ -n "${BENCH_LOG:-}" ] && [ -f "$data/app.log" ]; then cp "$data/app.log" "$BENCH_LOG"; fi
  rm -rf "$data"
}
trap cleanup EXIT

# Starts the app exactly as README command 1 does (`./hopso run`, which execs the JVM).
start_app() {
  HOPSO_DATA_DIR="$data" HOPSO_DEMO=${BENCH_DEMO:-2021} HOPSO_ADMIN_PASSWORD=$admin_password \
    PORT=$port ./hopso run >>"$data/app.log" 2>&1 &
  pid=$!
}

# Polls readiness every 10 ms; prints milliseconds since $1 (date +%s%N) or fails after 60 s.
wait_ready() {
  local t0=$1 deadline=$(( $(date +%s) + 60 ))
  until curl -fs -o /dev/null "$base/q/health/ready"; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "the app did not become ready; log:" >&2; tail -40 "$data/app.log" >&2; exit 1
    fi
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_app() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# The API as a signed-in user: api METHOD PATH TOKEN [JSON]; login USERNAME PASSWORD prints a token.
api() { # method path token [json]
  curl -fsS -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"}
}
login() {
  curl -fsS "$base/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"accessToken":"([^"]*)".*/\1/'
}
