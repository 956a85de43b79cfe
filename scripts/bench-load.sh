#!/usr/bin/env bash
# Load benchmarks of issue 20 (needs hey: apt-get install hey). Each mode starts its own Keycloak(s), one at a time;
# hold the shared lock when others use the machine: flock /tmp/ib-kc.lock scripts/bench-load.sh connect
# Usage:
#   scripts/bench-load.sh connect      [seconds=60] [rounds=2] [warmup-s=30] [conns=16,64] [plain|same-conf]
#                                      /connect/token vs stock Keycloak (same-conf: stock gets docker/keycloak.conf);
#                                      warmup-s is a minimum: each side is loaded until its throughput is steady
#   scripts/bench-load.sh api          [seconds=60] [conns=64] [clients=1000] [warmup-s=20] OwnedResources/list, Clients/find
#   scripts/bench-load.sh mixed        [seconds=60] [threads-per-kind=4]                     registrations, resource writes, tokens
#     (api and mixed run on H2, or on PostgreSQL with: eval "$(scripts/postgres-for-tests.sh ib_bench)" && IB_BENCH_JAVA_OPTS=-Dib.db=postgres scripts/bench-load.sh mixed)
#   scripts/bench-load.sh wrong-secret [seconds=60] [conns=16] [rounds=2] [warmup-s=20]     CPU per wrong vs right secret
set -euo pipefail
command -v hey >/dev/null 2>&1 || { echo "bench-load: needs hey (apt-get install hey)" >&2; exit 2; }
mode="${1:-}"
case "$mode" in
    connect) class=LoadConnectBenchmark ;;
    api) class=LoadApiBenchmark ;;
    mixed) class=LoadMixedBenchmark ;;
    wrong-secret) class=WrongSecretBenchmark ;;
    *) echo "usage: scripts/bench-load.sh connect|api|mixed|wrong-secret [arguments]" >&2; exit 2 ;;
esac
shift
exec "$(dirname "$0")/bench-main.sh" "io.identitybridge.it.bench.$class" "$@"
