#!/usr/bin/env bash
# Benchmark: Clients/find and OwnedResources/list beside Keycloak's admin client search by attribute, with N clients
# and N resources, on one Keycloak in one run. Prints p50/p99 and ratios.
# Usage: scripts/bench-api.sh [n=10000] [samples=1000] [h2|postgres]
# For postgres, first: eval "$(scripts/postgres-for-tests.sh)"  (it recreates the test database)
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.ApiBenchmark "${1:-10000}" "${2:-1000}" "${3:-h2}"
