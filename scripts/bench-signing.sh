#!/usr/bin/env bash
# Benchmark: client_credentials throughput with ES256-signed tokens against RS256-signed ones, on one Keycloak in one
# run (needs hey: apt-get install hey). Usage: scripts/bench-signing.sh [warmup-s=30] [measure-s=15] [rounds=3] [connections=16]
command -v hey >/dev/null 2>&1 || { echo "bench-signing: needs hey (apt-get install hey)" >&2; exit 2; }
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.SigningAlgorithmBenchmark "${1:-30}" "${2:-15}" "${3:-3}" "${4:-16}"
