#!/usr/bin/env bash
# A stand-in for Keycloak's kc.sh (KeycloakProcessTest): the first start fails as a taken port does, the next serves.
for a in "$@"; do case "$a" in --http-port=*) port="${a#--http-port=}" ;; esac; done
here="$(dirname "$0")"
if [ ! -e "$here/tried" ]; then
    touch "$here/tried"
    echo "ERROR: Port already bound: $port"
    exit 1
fi
exec "$JAVA_BIN" "$here/Serve.java" "$port"
