#!/usr/bin/env bash
# Runs Identity Bridge locally, in the foreground: the stock Keycloak distribution (resolved by Maven) in dev mode
# on embedded H2, with our jar and theme in providers/, docker/keycloak.conf as its conf file, and realm-import/
# imported. No Docker.
set -euo pipefail

usage() {
    cat <<USAGE
Usage: scripts/run-local.sh [--port N] [--management-port N] [--fresh] [-- extra kc.sh options]

  --port N             HTTP port (default \$IB_PORT or 8080)
  --management-port N  health/metrics port (default \$IB_MANAGEMENT_PORT or 9000)
  --fresh              forget the local H2 database, so realm-import/ is imported again
  -- ...               anything after -- goes to 'kc.sh start-dev' as is

Admin user: \$KC_BOOTSTRAP_ADMIN_USERNAME / \$KC_BOOTSTRAP_ADMIN_PASSWORD (local default admin / admin).
USAGE
}

port="${IB_PORT:-8080}"
management_port="${IB_MANAGEMENT_PORT:-9000}"
fresh=0
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port="${2:?--port needs a number}"; shift 2 ;;
        --port=*) port="${1#*=}"; shift ;;
        --management-port) management_port="${2:?--management-port needs a number}"; shift 2 ;;
        --management-port=*) management_port="${1#*=}"; shift ;;
        --fresh) fresh=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "run-local: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
for p in "$port" "$management_port"; do
    case "$p" in ''|*[!0-9]*) echo "run-local: '$p' is not a port number" >&2; exit 2 ;; esac
done

top="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' "$top/pom.xml" | head -n 1)"
# The project's own version: the first <version> of the parent pom (the jar is identity-bridge-<it>.jar).
release="$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' "$top/pom.xml" | head -n 1)"

echo "run-local: building the jar and unpacking Keycloak $version ..."
mvn -B -q -f "$top/pom.xml" -DskipTests verify

home="$top/providers/target/local-keycloak/keycloak-$version"
# One jar of ours in providers/: an older release's jar left there would load twice.
rm -f "$home"/providers/identity-bridge*.jar
cp "$top/providers/target/identity-bridge-$release.jar" "$home/providers/"
cp "$top/docker/keycloak.conf" "$home/conf/keycloak.conf"
rm -rf "$home/data/import"
mkdir -p "$home/data/import"
cp "$top"/realm-import/*.json "$home/data/import/"
if [ "$fresh" = 1 ]; then
    rm -rf "$home/data/h2"
fi

# The development system client: the seed 000 sample with a secret generated once per local install, kept in a
# file (never printed, never committed).
clients_file="$home/dev-clients.json"
if [ ! -f "$clients_file" ]; then
    secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    sed "s/__GENERATED_SECRET__/$secret/" "$top/docker/dev-clients.template.json" > "$clients_file"
    chmod 600 "$clients_file"
fi
export KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE="${KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE:-$clients_file}"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

# Tell the URLs once the server answers, not before.
(
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null "http://localhost:$port/realms/creatio"; then
            printf '\n  Admin console:       http://localhost:%s/admin/\n' "$port"
            printf '  Identity Service URL (realm base URL): http://localhost:%s/realms/creatio\n' "$port"
            printf '  Discovery:           http://localhost:%s/realms/creatio/.well-known/openid-configuration\n' "$port"
            printf '  Seeded from:         %s\n\n' "$KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE"
            exit 0
        fi
        sleep 1
    done
) &

exec "$home/bin/kc.sh" start-dev --import-realm --http-port="$port" --http-management-port="$management_port" "${extra[@]}"
