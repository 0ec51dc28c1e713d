#!/usr/bin/env bash
# Live-channel benchmark (issue 7), against README command 1 (embedded defaults, 2021 demo):
#   1. N WebSocket clients on one meeting (default 2,000, then 5,000): one change, time until
#      every client has it (p50, p99, max over several changes); server heap and resident memory
#      per connection (measured after a full GC, against the same server before the clients);
#   2. 356 room screens and 500 tablets connected, the server killed and started again: time until
#      every client has resumed (new ticket, after= its last event), and no event lost.
#
#   bench/live.sh [N] [ROUNDS]        (defaults 2000 5; N=0 runs part 2 only; BENCH_SECOND=0
#                                     skips part 1's second size of 5,000)
# Targets on the 2-core reference machine: p99 < 300 ms at 2,000 clients, < 50 KB per
# connection, resume of 856 clients < 10 s.
set -euo pipefail
n=${1:-2000}
rounds=${2:-5}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
ulimit -n 65536 2>/dev/null || true
java_bin=$(./hopso java-opts | cut -d' ' -f1)
jcmd_bin=$(dirname "$(readlink -f "$(command -v "$java_bin")")")/jcmd
echo "HopSo live benchmark; server JVM: $java_opts"
start_app
echo "ready after $(wait_ready "$(date +%s%N)") ms"

admin=$(login admin "$admin_password")
chair=$(login chutich hopso-demo-2026)
secretary=$(login thuky1 hopso-demo-2026)
chair_id=$(api GET /api/auth/me "$chair" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -c 20)
sec_id=$(api GET /api/auth/me "$secretary" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -c 20)
unit_id=$(api GET "/api/units?q=TH&level=PROVINCE&size=1" "$admin" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')

new_meeting() {
  local start end id
  start=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)
  end=$(date -u -d '+3 hours' +%Y-%m-%dT%H:%M:%SZ)
  id=$(api POST /api/meetings "$secretary" "{\"title\":\"Đo kênh trực tiếp\",\"kind\":\"REGULAR\",\"hostUnitId\":$unit_id,\"chairId\":$chair_id,\"secretaryId\":$sec_id,\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"place\":\"Hội trường\"}" \
    | sed -E 's/^\{"id":([0-9]+).*/\1/')
  for i in $(seq 1 40); do
    api POST "/api/meetings/$id/agenda/items" "$secretary" "{\"title\":\"Mục $i\",\"plannedMinutes\":5}" >/dev/null
  done
  api POST "/api/meetings/$id/agenda/publish" "$secretary" >/dev/null
  api POST "/api/meetings/$id/schedule" "$secretary" >/dev/null
  api POST "/api/meetings/$id/start" "$chair" >/dev/null
  echo "$id"
}

memory() { # prints "heap_bytes rss_kb" after a full GC
  "$jcmd_bin" "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  local heap rss
  heap=$(curl -fs "$base/q/metrics" | awk 'index($0, "jvm_memory_used_bytes{area=\"heap\"") == 1 {s+=$NF} END {printf "%d", s}')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "$heap $rss"
}

fanout() {
  local clients=$1 meeting out before after
  meeting=$(new_meeting)
  read -r heap0 rss0 <<<"$(memory)"
  out=$(mktemp)
  java -Xmx2g bench/LiveBench.java fanout "$base" "$meeting" "$chair" "$secretary" "$clients" "$rounds" >"$out" 2>&1 &
  local cpid=$!
  until grep -q READY "$out" 2>/dev/null; do
    kill -0 $cpid 2>/dev/null || { cat "$out"; return 1; }
    sleep 0.5
  done
  read -r heap1 rss1 <<<"$(memory)"
  wait $cpid || true
  grep -v READY "$out"
  python3 -c "c=$clients; print('memory per connection: heap %.1f KB, resident %.1f KB (heap %d→%d MB, RSS %d→%d MB)' % (($heap1-$heap0)/1024/c, ($rss1-$rss0)/c, $heap0/2**20, $heap1/2**20, $rss0/1024, $rss1/1024))"
  rm -f "$out"
}

if [ "$n" -gt 0 ]; then
  echo "== 1. fan-out"
  fanout "$n"
  [ "${BENCH_SECOND:-5000}" -gt 0 ] && fanout "${BENCH_SECOND:-5000}"
fi

echo "== 2. restart with 856 clients (356 room screens, 500 tablets)"
meeting=$(new_meeting)
control=$(mktemp -u)
out=$(mktemp)
java -Xmx2g bench/LiveBench.java restart "$base" "$meeting" "$chair" "$secretary" 856 "$control" >"$out" 2>&1 &
cpid=$!
until grep -q READY "$out" 2>/dev/null; do
  kill -0 $cpid 2>/dev/null || { cat "$out"; exit 1; }
  sleep 0.5
done
date +%s%3N >"$control.tmp"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=
mv "$control.tmp" "$control"
start_app
echo "restarted: ready after $(wait_ready "$(date +%s%N)") ms"
wait $cpid || true
grep -v READY "$out"
rm -f "$out" "$control"
