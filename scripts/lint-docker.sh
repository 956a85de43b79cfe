#!/usr/bin/env bash
# Lints docker/Dockerfile (dockerfile-utils) and docker/compose.yaml (dclint) with pinned versions from the npm
# registry, installed once into a cache folder outside the repository. Any problem, error or warning, fails.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERFILE_UTILS=0.16.3
DCLINT=3.1.0
if ! command -v npm >/dev/null 2>&1; then
    { apt-get update -q && apt-get install -y -q nodejs npm; } >&2
fi
tools="${XDG_CACHE_HOME:-$HOME/.cache}/ib-docker-lint/$DOCKERFILE_UTILS-$DCLINT"
bin="$tools/node_modules/.bin"
if [ ! -x "$bin/dockerfile-utils" ] || [ ! -x "$bin/dclint" ]; then
    mkdir -p "$tools"
    npm install --no-audit --no-fund --no-save --prefix "$tools" \
        "dockerfile-utils@$DOCKERFILE_UTILS" "dclint@$DCLINT" >&2
fi

status=0
# dockerfile-utils exits non-zero on errors only; its warnings fail here too.
out="$("$bin/dockerfile-utils" lint docker/Dockerfile 2>&1)" || status=1
if [ -n "$out" ]; then
    printf '%s\n' "$out"
    status=1
fi
"$bin/dclint" --max-warnings 0 --no-color docker/compose.yaml || status=1
if [ "$status" -eq 0 ]; then
    echo "lint-docker: docker/Dockerfile (dockerfile-utils $DOCKERFILE_UTILS) and docker/compose.yaml (dclint $DCLINT) are clean"
fi
exit "$status"
