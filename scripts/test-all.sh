#!/usr/bin/env bash
# Every test: unit tests and the integration suite on H2 (with the multi-node tests on PostgreSQL), then the
# integration suite again with the suite server on PostgreSQL. Needs a local PostgreSQL (scripts/postgres-for-tests.sh
# installs and starts Debian's when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${IB_TEST_PG_SUITE_URL:-}" ]; then
    eval "$(scripts/postgres-for-tests.sh)"
fi
mvn -B verify "$@"
# The same jar and tests; unit tests already ran above.
mvn -B -Ppostgres verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
