#!/usr/bin/env bash
# Backup and restore, end to end, against the PostgreSQL server DATABASE_URL names
# (docs/operations.md, "Backups and restore"):
#
#   1. create a scratch database, migrate it and load the demo (users, meetings,
#      ratings, decisions, published reports, and the audit entries all that writes);
#   2. pg_dump -Fc it, and pg_restore the dump into a second, empty database;
#   3. compare the two: the same tables, the same row count in every table
#      (core_auditentry included) and the same sequence positions;
#   4. check the restored audit trail is still append-only (its trigger is there and
#      refuses an UPDATE and a DELETE), no migration is missing, and `manage.py check`
#      passes against the restored database.
#
# Exits non-zero on any difference. Only the database named in DATABASE_URL's server
# is used, never the database itself: the scratch ones are scrutiny_backup_src_<pid> and
# scrutiny_backup_restored_<pid> (override the prefix with BACKUP_DB_PREFIX), dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
URL=${DATABASE_URL:?Set DATABASE_URL to a PostgreSQL URL (postgres://user@host:port/db).}
case "$URL" in
postgres://* | postgresql://*) ;;
*)
  echo "backup round trip: DATABASE_URL is not PostgreSQL." >&2
  exit 2
  ;;
esac
for tool in pg_dump pg_restore psql; do
  command -v "$tool" >/dev/null || { echo "backup round trip: $tool is not installed." >&2; exit 2; }
done

# postgres://user@host:port/db?options -> the server part and the options.
SERVER_AND_DB=${URL%%\?*}
OPTIONS=""
[[ "$URL" == *\?* ]] && OPTIONS="?${URL#*\?}"
SERVER=${SERVER_AND_DB%/*}
URL_DB=${SERVER_AND_DB##*/}
PREFIX=${BACKUP_DB_PREFIX:-scrutiny_backup}
if [[ ! "$PREFIX" =~ ^[a-z][a-z0-9_]*$ ]]; then
  echo "backup round trip: BACKUP_DB_PREFIX must be lower-case letters, digits and _." >&2
  exit 2
fi
# A suffix per run, so two runs against one server never drop each other's databases.
SRC_DB="${PREFIX}_src_$$"
RESTORED_DB="${PREFIX}_restored_$$"
if [[ "$SRC_DB" == "$URL_DB" || "$RESTORED_DB" == "$URL_DB" ]]; then
  echo "backup round trip: the scratch names must differ from $URL_DB." >&2
  exit 2
fi
ADMIN_URL="$SERVER/postgres$OPTIONS"
SRC_URL="$SERVER/$SRC_DB$OPTIONS"
RESTORED_URL="$SERVER/$RESTORED_DB$OPTIONS"

WORK=$(mktemp -d)
# The demo publishes reports: their files go to a throwaway folder, not var/.
export MEDIA_ROOT="$WORK/media" PRIVATE_UPLOAD_ROOT="$WORK/uploads"
export SECRET_KEY=${SECRET_KEY:-backup-roundtrip-only-not-a-secret}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-localhost,127.0.0.1}
export DEBUG=0 STATIC_FROM_SOURCE=${STATIC_FROM_SOURCE:-1} CONN_MAX_AGE=0

admin() { psql "$ADMIN_URL" -v ON_ERROR_STOP=1 -qtAc "$1"; }
drop_scratch() {
  admin "DROP DATABASE IF EXISTS $SRC_DB WITH (FORCE)" >/dev/null 2>&1 || true
  admin "DROP DATABASE IF EXISTS $RESTORED_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap drop_scratch EXIT
step() { printf '  %-58s %4ss\n' "$1" "$SECONDS"; }
fail() {
  echo "backup round trip FAILED: $*" >&2
  exit 1
}

echo "Backup round trip on $SERVER ($SRC_DB -> pg_dump -Fc -> pg_restore -> $RESTORED_DB)"
SECONDS=0
drop_scratch
mkdir -p "$WORK"
admin "CREATE DATABASE $SRC_DB" >/dev/null
DATABASE_URL=$SRC_URL "$PY" manage.py migrate --no-input -v 0
step "migrated $SRC_DB"
DATABASE_URL=$SRC_URL "$PY" manage.py load_demo --allow-without-debug >/dev/null
step "loaded the demo"

count() { psql "$1" -v ON_ERROR_STOP=1 -qtAc "$2"; }
audit_rows=$(count "$SRC_URL" "SELECT count(*) FROM core_auditentry")
[ "$audit_rows" -gt 0 ] || fail "the demo wrote no audit entries to back up"

pg_dump --format=custom --no-owner --no-privileges --file="$WORK/scrutiny.dump" "$SRC_URL"
step "pg_dump -Fc ($(du -h "$WORK/scrutiny.dump" | cut -f1))"
admin "CREATE DATABASE $RESTORED_DB" >/dev/null
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$RESTORED_URL" "$WORK/scrutiny.dump"
step "pg_restore into $RESTORED_DB"

# Every table's exact row count, and every sequence's position, in one query.
snapshot() {
  local url=$1 tables query
  tables=$(count "$url" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
  [ -n "$tables" ] || fail "no tables in $url"
  query=""
  for table in $tables; do
    query+="${query:+ UNION ALL }SELECT 'table $table', count(*)::text FROM \"$table\""
  done
  query+=" UNION ALL SELECT 'sequence ' || sequencename, coalesce(last_value, 0)::text"
  query+=" FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
  count "$url" "$query"
}
snapshot "$SRC_URL" >"$WORK/src.txt"
snapshot "$RESTORED_URL" >"$WORK/restored.txt"
if ! diff -u "$WORK/src.txt" "$WORK/restored.txt"; then
  fail "the restored database differs from the one dumped (diff above)"
fi
tables=$(grep -c '^table ' "$WORK/src.txt")
step "row counts equal in all $tables tables ($audit_rows audit entries)"

trigger=$(count "$RESTORED_URL" "SELECT count(*) FROM pg_trigger
  WHERE tgname = 'core_auditentry_append_only' AND NOT tgisinternal AND tgenabled <> 'D'")
[ "$trigger" = 1 ] || fail "the audit trail's append-only trigger is missing after restore"
for sql in \
  "UPDATE core_auditentry SET summary = 'changed' WHERE id = (SELECT min(id) FROM core_auditentry)" \
  "DELETE FROM core_auditentry WHERE id = (SELECT min(id) FROM core_auditentry)"; do
  if output=$(psql "$RESTORED_URL" -v ON_ERROR_STOP=1 -qtAc "$sql" 2>&1); then
    fail "the restored audit trail accepted: $sql"
  fi
  [[ "$output" == *append-only* ]] || fail "unexpected error from the restored trail: $output"
done
[ "$(count "$RESTORED_URL" "SELECT count(*) FROM core_auditentry")" = "$audit_rows" ] ||
  fail "audit entries changed in the restored database"
step "restored trail is append-only (UPDATE and DELETE refused)"

DATABASE_URL=$RESTORED_URL "$PY" manage.py migrate --check --no-input -v 0 ||
  fail "migrate --check failed against the restored database (a missing migration, or output above)"
DATABASE_URL=$RESTORED_URL "$PY" manage.py check >/dev/null ||
  fail "manage.py check failed against the restored database"
step "manage.py check and migrate --check pass on $RESTORED_DB"
echo "Backup round trip passed in ${SECONDS}s."
