#!/usr/bin/env bash
# Rooms' status benchmark (issue 10), against README command 1 (embedded defaults, 2021 demo
# province with its 356 rooms, each with its device account):
#   every room's screen connects to one meeting's live socket with its device account and reports
#   its status every INTERVAL seconds (default 5) for DURATION seconds (default 600, ten minutes),
#   one report in ten a change (its camera off or on again); the secretary's socket follows the
#   meeting as the chair's grid does. Printed: the grid's update delay (from a screen's change to
#   the runner's rooms.status event showing it: p50, p99, max, missing), the server's CPU (average
#   and per minute) and resident memory, reports and events per second.
#
#   bench/rooms.sh [DURATION] [INTERVAL]     (defaults 600 5; BENCH_WARMUP=30 seconds unmeasured)
# The meeting starts in 20 minutes: the screens report in its readiness window (from 30 minutes
# before), as they do before a real meeting.
set -euo pipefail
duration=${1:-600}
interval=${2:-5}
warmup=${BENCH_WARMUP:-30}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
ulimit -n 65536 2>/dev/null || true
echo "HopSo rooms' status benchmark: $(nproc) cores; server JVM: $java_opts"
start_app
echo "ready after $(wait_ready "$(date +%s%N)") ms"

demo_password=hopso-demo-2026
admin=$(login admin "$admin_password")
chair=$(login chutich $demo_password)
secretary=$(login thuky1 $demo_password)
chair_id=$(api GET /api/auth/me "$chair" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -c 20)
sec_id=$(api GET /api/auth/me "$secretary" | sed -E 's/.*"id":([0-9]+).*/\1/' | head -c 20)
unit_id=$(api GET "/api/units?q=TH&level=PROVINCE&size=1" "$admin" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
start=$(date -u -d '+20 minutes' +%Y-%m-%dT%H:%M:%SZ)
end=$(date -u -d '+3 hours' +%Y-%m-%dT%H:%M:%SZ)
meeting=$(api POST /api/meetings "$secretary" "{\"title\":\"Hội nghị trực tuyến toàn tỉnh\",\"kind\":\"REGULAR\",\"hostUnitId\":$unit_id,\"chairId\":$chair_id,\"secretaryId\":$sec_id,\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"place\":\"Hội trường tầng 3\"}" \
  | sed -E 's/^\{"id":([0-9]+).*/\1/')
invited=$(api POST "/api/meetings/$meeting/endpoints" "$secretary" '{"all":true}')
echo "meeting $meeting; rooms: $invited"
api POST "/api/meetings/$meeting/schedule" "$secretary" >/dev/null

java -Xmx1g bench/RoomsBench.java "$base" "$meeting" "$secretary" "$demo_password" "$pid" \
  "$(getconf CLK_TCK)" "$duration" "$interval" "$warmup" | tee "$data/client.out"
python3 - "$data/client.out" "$duration" "$interval" <<'PY'
import sys
f = {}
for line in open(sys.argv[1]):
    if line.startswith("SUMMARY "):
        f = dict(kv.split("=", 1) for kv in line.split()[1:])
if not f:
    sys.exit("no summary")
print(f"== {f['screens']} room screens reporting every {sys.argv[3]} s for {sys.argv[2]} s:"
      f" grid update p99 {f['delay_p99_ms']} ms, server CPU {f['server_cpu_pct']}% of one core,"
      f" changes missing {f['missing']}, reports refused {f['refused']}")
PY
