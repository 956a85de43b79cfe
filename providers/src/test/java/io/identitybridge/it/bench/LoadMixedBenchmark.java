package io.identitybridge.it.bench;

import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.SecurityFixtures;
import io.identitybridge.it.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 20 §2): registrations ({@code Clients/register}), resource writes
 * ({@code OwnedResources/register/update/delete}) and client_credentials tokens together ({@link MixedLoad}), then a
 * check that every client and resource answers as the run believes ({@link MixedLoadCheck}). Every call is valid, so
 * any answer but 200 fails the run, a 5xx above all. The suite's small caps are raised so that none is reached.
 * Run it with {@code scripts/bench-load.sh mixed}.
 */
public final class LoadMixedBenchmark {

    private static final String REGISTRAR = "bench-load-registrar";
    private static final String GRANTEE = "bench-load-grantee-";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Map<String, String> caps = Map.of(
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_CLIENTS_PER_REGISTRAR", "1000000",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_OWNER", "1000000",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_GRANTEE", "100000",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__MAX_RESOURCES_PER_OWNER_AND_GRANTEE", "100000");
        try (KeycloakServer kc = KeycloakServer.start(caps)) {
            IdsApi api = new IdsApi(kc);
            SecurityFixtures.seedRegistrar(kc, REGISTRAR, "bench-load-customer");
            List<String> grantees = new ArrayList<>();
            List<Map<String, Object>> seed = new ArrayList<>();
            for (int g = 0; g < 4; g++) {
                grantees.add(GRANTEE + g);
                seed.add(Map.of("ClientId", GRANTEE + g, "Secrets", List.of(SecurityFixtures.SECRET), "AllowedGrantTypes", List.of("client_credentials")));
            }
            SecurityFixtures.seed(kc, seed);
            System.out.printf("Keycloak %s, dev mode on %s; %d s, %d threads each registering clients, writing resources, asking for tokens%n",
                    System.getProperty("ib.keycloak.version"), TestDatabase.suiteOnPostgres() ? "PostgreSQL" : "H2", seconds, threads);
            MixedLoad load = new MixedLoad(api, REGISTRAR, SecurityFixtures.SECRET, grantees, SecurityFixtures.SECRET);
            long t0 = System.nanoTime();
            load.run(seconds, threads);
            double took = (System.nanoTime() - t0) / 1e9;
            long answers = 0;
            long serverErrors = 0;
            long otherErrors = 0;
            System.out.printf("%n%-24s %10s %8s   %s%n", "call", "answers", "per s", "statuses");
            for (Map.Entry<String, Map<Integer, Long>> e : load.counts().entrySet()) {
                long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
                answers += n;
                serverErrors += e.getValue().entrySet().stream().filter(s -> s.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
                otherErrors += e.getValue().entrySet().stream().filter(s -> s.getKey() != 200 && s.getKey() < 500).mapToLong(Map.Entry::getValue).sum();
                System.out.printf("%-24s %10d %8.1f   %s%n", e.getKey(), n, n / took, e.getValue());
            }
            System.out.printf("all: %d answers in %.1f s (%.1f/s): %d 5xx, %d other non-200, %d transport errors%n%n",
                    answers, took, answers / took, serverErrors, otherErrors, load.transportErrors.sum());
            load.firstFailures.forEach(f -> System.out.println("  failed: " + f));
            List<String> problems = new MixedLoadCheck(kc, api, load).run();
            problems.stream().limit(20).forEach(p -> System.out.println("  PROBLEM: " + p));
            if (serverErrors > 0 || otherErrors > 0 || load.transportErrors.sum() > 0 || !problems.isEmpty()) {
                throw new IllegalStateException("mixed load failed: " + serverErrors + " 5xx, " + otherErrors + " other non-200, "
                        + load.transportErrors.sum() + " transport errors, " + problems.size() + " problems after the run");
            }
            System.out.println("mixed load passed: 0 5xx, 0 non-200; every client and resource answers as expected");
        }
    }
}
