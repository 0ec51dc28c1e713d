#!/usr/bin/env bash
# Document benchmark (issue 8), against README command 1 (embedded defaults, 2021 demo) with its
# documents in S3Proxy (a real S3 server, through the MinIO client):
#   1. TABLETS simulated tablets (default 500) download the meeting's offline pack (PACK_MB,
#      default 20 MB in 4 PDFs) at once through HopSo's links (each asks HopSo for its pack, then
#      fetches the presigned links), and, in the same run, the same bytes straight from S3Proxy
#      with links the benchmark signs itself; prints both aggregate throughputs and their ratio
#      (target: at least 0.9);
#   2. one 200 MB upload (UPLOAD_MB) with the server's heap sampled during it: growth of the heap
#      in use over its level before the upload (target: under 50 MB).
#
#   bench/documents.sh [TABLETS] [PACK_MB] [UPLOAD_MB]        (defaults 500 20 200)
set -euo pipefail
tablets=${1:-500}
pack_mb=${2:-20}
upload_mb=${3:-200}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
ulimit -n 65536 2>/dev/null || true
java_bin=$(./hopso java-opts | cut -d" " -f1)
jbin=$(dirname "$(readlink -f "$(command -v "$java_bin")")")

# S3Proxy on a free loopback port, storing in the benchmark's data folder
# shellcheck source=bench/s3proxy.sh
source "$(dirname "$0")/s3proxy.sh"
start_s3proxy "$data" bench 512m
trap 'kill $s3pid 2>/dev/null || true; cleanup' EXIT

export HOPSO_STORAGE_KIND=s3 HOPSO_STORAGE_S3_ENDPOINT="http://127.0.0.1:$s3port" \
  HOPSO_STORAGE_S3_ACCESS_KEY=bench HOPSO_STORAGE_S3_SECRET_KEY=bench-secret-key \
  HOPSO_STORAGE_S3_BUCKET=hopso-bench
echo "HopSo document benchmark: $tablets tablets, ${pack_mb} MB pack, ${upload_mb} MB upload; $(nproc) cores"
echo "server JVM: $java_opts"
start_app
echo "ready after $(wait_ready "$(date +%s%N)") ms"

# the pack: 4 PDFs of PACK_MB/4 each, and the big upload
for i in 1 2 3 4; do
  python3 bench/makepdf.py "$data/pack$i.pdf" $(( pack_mb * 1024 * 1024 / 4 )) 20
done
python3 bench/makepdf.py "$data/big.pdf" $(( upload_mb * 1024 * 1024 )) 50

java -cp "target/quarkus-app/lib/main/*" bench/DocumentsBench.java "$base" "$admin_password" \
  "$tablets" "$data" "http://127.0.0.1:$s3port" hopso-bench "$pid" "$jbin/jcmd"
