#!/usr/bin/env bash
# Benchmark: client_credentials throughput of /connect/token against the native token endpoint, on one Keycloak in
# one run (needs hey: apt-get install hey). Usage: scripts/bench-connect.sh [warmup-s=60] [measure-s=20] [rounds=3]
command -v hey >/dev/null 2>&1 || { echo "bench-connect: needs hey (apt-get install hey)" >&2; exit 2; }
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.ConnectBenchmark "${1:-60}" "${2:-20}" "${3:-3}"
