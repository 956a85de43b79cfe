#!/usr/bin/env bash
# Benchmark of issue 21 §3/§4 (needs hey: apt-get install hey; starts Keycloak, so under the lock):
# flock /tmp/ib-kc.lock scripts/bench-token-path.sh [slice-s=6] [slices=12] [warmup-s=20] [conns=16] [resources=1000] [profile|-] [stock|nostock]
# Stock Keycloak, then the bundle server before and after `resources` resources of other clients (20 granted to a
# grantee), then stock again; every side in short slices, interleaved, order rotating. Prints the ratios of medians
# with the spread of the slice ratios. warmup-s is a minimum per side and phase: each is loaded until steady. profile: a JFR profile per side after each phase (providers/target/bench-work/token-path-*.jfr).
command -v hey >/dev/null 2>&1 || { echo "bench-token-path: needs hey (apt-get install hey)" >&2; exit 2; }
exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.TokenPathBenchmark "${1:-6}" "${2:-12}" "${3:-20}" "${4:-16}" "${5:-1000}" "${6:--}" "${7:-stock}"
