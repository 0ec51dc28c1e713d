#!/usr/bin/env bash
# Start-up benchmark: time from launching the packaged app (embedded defaults, demo province
# already loaded) to the first successful /q/health/ready, and resident memory once idle.
# Targets on a 2-core machine: ready in under 3 s, under 300 MB resident when idle.
#   bench/startup.sh [runs]        (default 5 runs; builds the app first if needed)
runs=${1:-5}
idle_seconds=${BENCH_IDLE_SECONDS:-10}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

echo "HopSo start-up benchmark: $runs runs; JVM and options: $java_opts"
echo "seeding the demo province (not measured)..."
start_app; wait_ready "$(date +%s%N)" >/dev/null
endpoints=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
  "$base/api/auth/login" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/' \
  | xargs -I{} curl -fs -H "Authorization: Bearer {}" "$base/api/endpoints?size=1" \
  | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "demo endpoints loaded: $endpoints"
stop_app

times=(); rss=()
for i in $(seq 1 "$runs"); do
  t0=$(date +%s%N); start_app
  ms=$(wait_ready "$t0")
  sleep "$idle_seconds"
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  stop_app
  times+=("$ms"); rss+=($(( kb / 1024 )))
  echo "run $i: ready after ${ms} ms, resident ${rss[-1]} MB after ${idle_seconds} s idle"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }
t_med=$(median "${times[@]}"); t_max=$(max "${times[@]}")
r_med=$(median "${rss[@]}"); r_max=$(max "${rss[@]}")
verdict() { [ "$1" -lt "$2" ] && echo "meets" || echo "MISSES"; }
echo
echo "time to ready:   median ${t_med} ms, max ${t_max} ms   (target < 3000 ms: $(verdict "$t_max" 3000))"
echo "idle resident:   median ${r_med} MB, max ${r_max} MB   (target < 300 MB: $(verdict "$r_max" 300))"
