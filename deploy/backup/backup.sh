#!/usr/bin/env bash
# Backs up HopSo: the database and the document storage together, into a new folder.
#   deploy/backup/backup.sh FOLDER
# Reads the server's own settings from the environment (as the instances get them):
#   QUARKUS_DATASOURCE_JDBC_URL (jdbc:postgresql://host:port/db), QUARKUS_DATASOURCE_USERNAME,
#   QUARKUS_DATASOURCE_PASSWORD; HOPSO_STORAGE_KIND (s3 or local); for s3 HOPSO_STORAGE_S3_ENDPOINT,
#   _ACCESS_KEY, _SECRET_KEY (_REGION, _BUCKET); for local HOPSO_DATA_DIR (its documents/ folder).
#   HOPSO_APP: the HopSo package (quarkus-app folder; default target/quarkus-app-pg, else
#   target/quarkus-app, else /app as in deploy/Dockerfile), whose MinIO client copies the bucket.
# Needs pg_dump of the server's major version (or newer) and Java 17.
#
# Safe while meetings run: pg_dump reads one consistent snapshot; the objects are copied after it,
# and HopSo never changes or deletes an object that a committed row names (a new document version
# is a new object), so every document the dump names is in the copy (objects written after the
# snapshot are copied too and stay unused after a restore). The folder holds database.dump
# (pg_dump's custom format), objects/ with objects.sha256 (or documents.tar for local storage) and
# manifest.txt. deploy/backup/restore.sh puts it back into an empty system.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: backup.sh FOLDER}
[ -e "$out" ] && { echo "$out exists: a backup goes into a new folder" >&2; exit 2; }
# shellcheck source=deploy/backup/lib.sh
source "$here/lib.sh"
mkdir -p "$out"
started=$(date -u +%FT%TZ)
pg_dump --format=custom --no-owner --no-privileges --file="$out/database.dump" "$pg_url"
case "${HOPSO_STORAGE_KIND:-local}" in
  s3)
    bucket download "$out"
    storage="s3 bucket ${HOPSO_STORAGE_S3_BUCKET:-hopso} at $HOPSO_STORAGE_S3_ENDPOINT"
    ;;
  local)
    docs=${HOPSO_DATA_DIR:?HOPSO_DATA_DIR is not set}/documents
    tar -C "$docs" -cf "$out/documents.tar" .
    storage="local folder $docs"
    ;;
  *) echo "unknown HOPSO_STORAGE_KIND ${HOPSO_STORAGE_KIND}" >&2; exit 2 ;;
esac
cat >"$out/manifest.txt" <<MANIFEST
HopSo backup
started: $started
finished: $(date -u +%FT%TZ)
database: $pg_url ($(pg_dump --version))
storage: $storage
MANIFEST
echo "backup written to $out"
