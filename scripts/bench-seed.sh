#!/usr/bin/env bash
# Benchmark: our client seeding (cold, then unchanged) beside Keycloak's partialImport of the same clients, on one
# Keycloak in one run. Prints medians and ratios. Usage: scripts/bench-seed.sh [clients=1000] [rounds=3]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$top/pom.xml" | head -n 1)"
mvn -B -q -f "$top/pom.xml" -DskipTests -DskipLocalKeycloak=true verify
target="$top/providers/target"
cd "$top/providers"
exec mvn -B -q exec:java -Dexec.mainClass=io.identitybridge.it.SeedBenchmark -Dexec.classpathScope=test \
    -Dexec.args="${1:-1000} ${2:-3}" \
    -Dib.keycloak.home="$target/it-keycloak/keycloak-$version" -Dib.keycloak.version="$version" \
    -Dib.provider.jar="$target/identity-bridge.jar" -Dib.top.dir="$top" -Dib.work.dir="$target/bench-work" \
    -Dib.project.version=bench -Dib.http.timeout.seconds=1800
