#!/usr/bin/env bash
# Trains the server's ahead-of-time cache (JDK 25+, JEP 483/514/515): APP_DIR/app.aot.
#
#   deploy/train-aot.sh APP_DIR [JAVA]
#
# APP_DIR is a built PostgreSQL package (quarkus-run.jar and its lib/); JAVA a JDK 25 or newer
# (default: java), the very JDK that will run the server, and the same JAVA_OPTS: a cache is only
# used by the JVM build and class path that made it (otherwise the JVM says so and runs without).
# The database is the environment's, as for the server (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME,
# _PASSWORD): a fresh, empty one, which the training fills with 2,000 delegates.
#
# Why: on 2 cores the JIT compiler took half of the server's CPU during votes minutes after a
# start (docs/votes.md, "Where a cast's time goes"): a first vote of the day met a server still
# compiling. The cache holds the classes loaded and linked, the method profiles and the compiled
# code of a real session's hot paths, so a restarted server votes like a warm one.
#
# The workload is the vote benchmark's own generator (bench/VoteBench.java): TRAIN_VOTERS (2,000)
# delegates sign in, check in, follow the meeting on its live channel, and cast ballots on the
# live socket, spread and all at once, on every kind of poll a council holds: yes/no named and
# secret, a secret election and a secret confidence vote (each kind checks and counts its ballots
# with its own code: a cache trained on yes/no alone left the confidence vote of the province
# rehearsal slower than without a cache); the chair closes and publishes. It exercises sign-in,
# the live channel, the ballot desk, counting, the audit and PostgreSQL through Hibernate. The JVM writes the cache when the server stops (a minute or so).
#
# Used by deploy/Dockerfile (at image build) and bench/vote.sh (before it measures), so that the
# benchmark measures the server as the image ships it.
set -euo pipefail
app=$(cd "$1" && pwd)
java=${2:-java}
here=$(cd "$(dirname "$0")/.." && pwd)
voters=${TRAIN_VOTERS:-2000}
java_opts=${JAVA_OPTS:-$(sed -nE 's/^ARG JAVA_OPTS="([^"]*)".*/\1/p' "$here/deploy/Dockerfile")}
: "${QUARKUS_DATASOURCE_JDBC_URL:?the training database (QUARKUS_DATASOURCE_JDBC_URL)}"
database=${QUARKUS_DATASOURCE_JDBC_URL##*/}
database=${database%%\?*}
password=training-only-$RANDOM$RANDOM
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=${TRAIN_PORT:-18931}
rm -f "$app/app.aot"
echo "train-aot: training $app/app.aot with $("$java" -version 2>&1 | head -1) and $java_opts" >&2
# bcrypt at cost 4 only makes the 2,000 sign-ins quick; nothing of the configuration is cached.
# shellcheck disable=SC2086
(cd "$app" && QUARKUS_HTTP_PORT=$port HOPSO_DATA_DIR="$work/data" HOPSO_ADMIN_PASSWORD=$password \
  HOPSO_PASSWORDS_BCRYPT_COST=4 QUARKUS_LOG_LEVEL=WARN \
  exec "$java" $java_opts -XX:AOTCacheOutput=app.aot \
  -jar quarkus-run.jar >"$work/server.log" 2>&1) &
pid=$!
for _ in $(seq 1 900); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { echo "train-aot: the server did not start:" >&2; tail -30 "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
# Two warm-up rounds (named, secret), then one round of each kind; the figures are not kept.
"$java" -XX:+UseSerialGC -Xmx1g "$here/bench/VoteBench.java" "http://127.0.0.1:$port" "$password" \
  "$voters" named,secret,election,confidence 1 "$pid" "$(getconf CLK_TCK)" "$database" socket 2 >"$work/generator.log" 2>&1 ||
  { echo "train-aot: the training votes failed:" >&2; tail -20 "$work/generator.log" >&2; exit 1; }
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
if [ ! -s "$app/app.aot" ]; then
  echo "train-aot: the JVM wrote no cache:" >&2
  tail -30 "$work/server.log" >&2
  exit 1
fi
echo "train-aot: $(du -h "$app/app.aot" | cut -f1) written to $app/app.aot" >&2
