#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the multi-node tests and prints the variables they read.
# Usage: eval "$(scripts/postgres-for-tests.sh [DB])" && mvn -B verify
# Installs Debian's postgresql if missing (needs root), starts the cluster, and (re)creates role and databases DB
# (default ib_test; the multi-node tests) and DB_suite (the suite server with -Dib.db=postgres). Give another name
# to run two checkouts side by side.
set -euo pipefail
db="${1:-ib_test}"
case "$db" in ''|*[!a-z0-9_]*) echo "postgres-for-tests: database name must be [a-z0-9_]+" >&2; exit 2 ;; esac

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    { apt-get update -q && apt-get install -y -q postgresql; } >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q" && break
    sleep 1
done

# One password per machine, kept outside the repository, so that preparing a second database keeps the first usable.
pwfile="${XDG_CACHE_HOME:-$HOME/.cache}/ib-test-pg-password"
if [ ! -s "$pwfile" ]; then
    mkdir -p "$(dirname "$pwfile")"
    (umask 077; head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$pwfile")
fi
password="$(cat "$pwfile")"
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<SQL
DROP DATABASE IF EXISTS $db;
DROP DATABASE IF EXISTS ${db}_suite;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ib_test') THEN CREATE ROLE ib_test LOGIN; END IF;
END \$\$;
ALTER ROLE ib_test PASSWORD '$password';
CREATE DATABASE $db OWNER ib_test;
CREATE DATABASE ${db}_suite OWNER ib_test;
SQL

echo "export IB_TEST_PG_URL=jdbc:postgresql://localhost:5432/$db"
echo "export IB_TEST_PG_SUITE_URL=jdbc:postgresql://localhost:5432/${db}_suite"
echo "export IB_TEST_PG_USER=ib_test"
echo "export IB_TEST_PG_PASSWORD=$password"
