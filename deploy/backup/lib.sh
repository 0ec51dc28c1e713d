# Shared by backup.sh and restore.sh: the database and HopSo's package from the environment.
url=${QUARKUS_DATASOURCE_JDBC_URL:?QUARKUS_DATASOURCE_JDBC_URL is not set}
case "$url" in
  jdbc:postgresql://*) ;;
  *) echo "only PostgreSQL is backed up this way (the embedded H2 default: copy HOPSO_DATA_DIR while HopSo is stopped)" >&2; exit 2 ;;
esac
pg_url=${url#jdbc:}
pg_url=${pg_url%%\?*}
export PGUSER=${QUARKUS_DATASOURCE_USERNAME:-hopso} PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}

# Copies the bucket to or from a folder (Bucket.java on the MinIO client in HopSo's package: in
# HOPSO_APP, else target/quarkus-app-pg, target/quarkus-app or /app as in deploy/Dockerfile).
bucket() {
  local app=${HOPSO_APP:-} candidate
  for candidate in target/quarkus-app-pg target/quarkus-app /app; do
    [ -z "$app" ] && [ -d "$candidate/lib/main" ] && app=$candidate
  done
  [ -d "$app/lib/main" ] || { echo "HopSo's package not found: set HOPSO_APP" >&2; exit 2; }
  # the package's jars carry a logging binding for Quarkus only: SLF4J's notice about it is noise
  java -cp "$app/lib/main/*" "$here/Bucket.java" "$@" 2> >(grep --line-buffered -v '^SLF4J' >&2)
}
