#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the multi-node tests and prints the variables they read.
# Usage: eval "$(scripts/postgres-for-tests.sh)" && mvn -B verify
# Installs Debian's postgresql if missing (needs root), starts the cluster, and (re)creates role and database ib_test.
set -euo pipefail

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

password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<SQL
DROP DATABASE IF EXISTS ib_test;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ib_test') THEN CREATE ROLE ib_test LOGIN; END IF;
END \$\$;
ALTER ROLE ib_test PASSWORD '$password';
CREATE DATABASE ib_test OWNER ib_test;
SQL

echo "export IB_TEST_PG_URL=jdbc:postgresql://localhost:5432/ib_test"
echo "export IB_TEST_PG_USER=ib_test"
echo "export IB_TEST_PG_PASSWORD=$password"
