#!/usr/bin/env bash
# Meeting benchmark: against the packaged app (embedded defaults, demo province), time
#   1. creating a meeting with all 356 demo endpoints and 500 participants, then scheduling it
#      (500 invitations written), and
#   2. loading its page (what the web app fetches: meeting, participants, rooms, agenda, quorum).
# Target on a 2-core machine: under 1 s each.      bench/meeting.sh [rounds]   (default 5)
rounds=${1:-5}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
echo "HopSo meeting benchmark: $rounds rounds; JVM and options: $java_opts"
start_app
echo "ready after $(wait_ready "$(date +%s%N)") ms (first start: schema and demo province)"
python3 bench/meeting.py "$base" "$admin_password" "$rounds"
