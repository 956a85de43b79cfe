#!/usr/bin/env bash
# Benchmark: our client seeding (cold, then unchanged) beside Keycloak's partialImport of the same clients, on one
# Keycloak in one run. Prints medians and ratios. Usage: scripts/bench-seed.sh [clients=1000] [rounds=3]
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.SeedBenchmark "${1:-1000}" "${2:-3}"
