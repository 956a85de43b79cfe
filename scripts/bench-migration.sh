#!/usr/bin/env bash
# Benchmark: a site's migration end to end. Generates an IdentityServer4 4.x database of N clients, runs the migration
# command, then boots the same distribution three times from a fresh database (realm file only; plus the command's
# output as clients-file; plus the same clients as realm JSON for --import-realm), and prints the boot seed's time
# against --import-realm's as a ratio, sampled tokens, the expired-secret check and the dry run's plan.
# Usage: scripts/bench-migration.sh [clients=10000] [h2|postgres] [sides=bare,clients-file,import-realm]
# (sides "bare,clients-file" skips --import-realm, ~25 minutes at 10,000 clients; JAVA_OPTS_APPEND reaches each boot,
# e.g. -XX:StartFlightRecording=settings=profile,filename=/tmp/seed-%p.jfr for a profile.)
# Needs PostgreSQL for the IdentityServer4 database: eval "$(scripts/postgres-for-tests.sh)" first.
IB_BENCH_JAVA_OPTS="-Dib.start.timeout.minutes=${IB_START_TIMEOUT_MINUTES:-90}" exec "$(dirname "$0")/bench-main.sh" io.identitybridge.it.bench.MigrationBenchmark "${1:-10000}" "${2:-h2}" ${3:+"$3"}
