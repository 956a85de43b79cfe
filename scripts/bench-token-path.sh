#!/usr/bin/env bash
# Benchmark of issue 21 §3/§4: a client_credentials token in realm creatio vs a fresh realm on the same bundle server,
# and the bundle server vs stock Keycloak, interleaved in one run (needs hey: apt-get install hey). Starts Keycloak:
# flock /tmp/ib-kc.lock scripts/bench-token-path.sh [measure-s=20] [rounds=3] [warmup-s=30] [conns=16] [resources=0] [profile]
# resources > 0 also registers that many resources granted to other clients and measures a grantee of 20 resources.
# profile records a JFR method profile per side in the first round (providers/target/bench-work/token-path-*.jfr).
command -v hey >/dev/null 2>&1 || { echo "bench-token-path: needs hey (apt-get install hey)" >&2; exit 2; }
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.TokenPathBenchmark "${1:-20}" "${2:-3}" "${3:-30}" "${4:-16}" "${5:-0}" ${6:-}
