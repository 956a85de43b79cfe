#!/usr/bin/env bash
# Shared by the benchmark commands (IB_BENCH_JAVA_OPTS: extra -D options): builds the jar, unpacks the distribution, and runs one benchmark main class from
# the test classpath against a Keycloak it starts itself. Usage: scripts/bench-main.sh <class> [args...]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
main="$1"
shift
version="$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' "$top/pom.xml" | head -n 1)"
# The project's own version: the first <version> of the parent pom (the jar is identity-bridge-<it>.jar).
release="$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' "$top/pom.xml" | head -n 1)"
# install, not verify: the benchmark runs from providers/, which resolves the migrate module from the local repository.
mvn -B -q -f "$top/pom.xml" -DskipTests -DskipLocalKeycloak=true install
target="$top/providers/target"
cd "$top/providers"
exec mvn -B -q exec:java -Dexec.mainClass="$main" -Dexec.classpathScope=test -Dexec.args="$*" \
    -Dib.keycloak.home="$target/it-keycloak/keycloak-$version" -Dib.keycloak.version="$version" \
    -Dib.provider.jar="$target/identity-bridge-$release.jar" -Dib.top.dir="$top" -Dib.work.dir="$target/bench-work" \
    ${IB_BENCH_JAVA_OPTS:-} -Dib.migrate.jar="$top/migrate/target/identity-bridge-migrate-cli-$release.jar" -Dib.project.version=bench -Dib.http.timeout.seconds=1800
