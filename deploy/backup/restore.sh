#!/usr/bin/env bash
# Restores a backup made by deploy/backup/backup.sh into an empty system: an empty database (no
# tables yet; HopSo not started on it) and an empty bucket or documents folder, named by the same
# environment variables as backup.sh. Start HopSo afterwards: it finds its schema up to date, and
# GET /api/audit/verify checks the audit chain of what was restored.
#   deploy/backup/restore.sh FOLDER
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
in=${1:?usage: restore.sh FOLDER}
[ -f "$in/database.dump" ] || { echo "$in holds no database.dump" >&2; exit 2; }
# shellcheck source=deploy/backup/lib.sh
source "$here/lib.sh"
tables=$(psql -qtAc "select count(*) from information_schema.tables where table_schema = 'public'" "$pg_url")
[ "$tables" = 0 ] || { echo "the database is not empty ($tables tables): restore into an empty one" >&2; exit 2; }
# documents first: a database that names a missing document is worse than an unused object
if [ -f "$in/documents.tar" ]; then
  docs=${HOPSO_DATA_DIR:?HOPSO_DATA_DIR is not set}/documents
  mkdir -p "$docs"
  [ -z "$(ls -A "$docs")" ] || { echo "$docs is not empty" >&2; exit 2; }
  tar -C "$docs" -xf "$in/documents.tar"
else
  bucket upload "$in"
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$pg_url" "$in/database.dump"
echo "restored $in ($(sed -n 's/^started: //p' "$in/manifest.txt"))"
