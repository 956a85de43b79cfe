#!/usr/bin/env bash
# Benchmark: our client_credentials throughput of /connect/token against the native token endpoint, on one
# Keycloak in one run (needs hey: apt-get install hey). Usage: scripts/bench-connect.sh [warmup-s=60] [measure-s=20] [rounds=3]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$top/pom.xml" | head -n 1)"
mvn -B -q -f "$top/pom.xml" -DskipTests -DskipLocalKeycloak=true verify
target="$top/providers/target"
cd "$top/providers"
exec mvn -B -q exec:java -Dexec.mainClass=io.identitybridge.it.ConnectBenchmark -Dexec.classpathScope=test \
    -Dexec.args="${1:-60} ${2:-20} ${3:-3}" \
    -Dib.keycloak.home="$target/it-keycloak/keycloak-$version" -Dib.keycloak.version="$version" \
    -Dib.provider.jar="$target/identity-bridge.jar" -Dib.top.dir="$top" -Dib.work.dir="$target/bench-work" \
    -Dib.project.version=bench -Dib.http.timeout.seconds=1800
