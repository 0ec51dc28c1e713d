# Shared by the benchmarks that store documents in S3: source it, then
#   start_s3proxy DIR IDENTITY HEAP
# runs S3Proxy (fetched by the test build, process-test-resources) on a free loopback port, storing
# its blobs under DIR/s3 and logging to DIR/s3proxy.log, with the access key IDENTITY and the
# secret key IDENTITY-secret-key; it returns once S3Proxy answers and sets $s3port and $s3pid (the
# caller stops it; a start that fails stops it here).
start_s3proxy() {
  local dir=$1 identity=$2 heap=$3
  [ -f target/s3proxy/s3proxy.jar ] || ./mvnw -B -q -Dskip.frontend process-test-resources
  s3port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$dir/s3/blobs"
  cat >"$dir/s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$identity-secret-key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/s3/blobs
jclouds.identity=$identity
jclouds.credential=$identity-secret-key
PROPS
  java "-Xmx$heap" -jar target/s3proxy/s3proxy.jar --properties "$dir/s3/s3proxy.properties" \
    >"$dir/s3proxy.log" 2>&1 &
  s3pid=$!
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$s3port/" && return 0
    sleep 0.1
  done
  echo "S3Proxy did not answer; log:" >&2
  tail -20 "$dir/s3proxy.log" >&2
  kill "$s3pid" 2>/dev/null || true
  return 1
}
