package io.identitybridge.it.bench;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.TestDatabase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: N clients (five per CustomerId) and N resources (five per owner) in the creatio realm, then
 * latency of Clients/find and OwnedResources/list by one CustomerId beside Keycloak's admin search by attribute
 * ({@code GET /admin/realms/creatio/clients?q=ib.customer.id:<id>}) for the same customers, interleaved in one run.
 * Run it with {@code scripts/bench-api.sh}.
 */
public final class ApiBenchmark {

    private static final String SECRET = "bench-secret-%05d-abcdefghijklmnopqrstuvwxyz";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean postgres = args.length > 2 && args[2].equals("postgres");
        Map<String, String> db = Map.of();
        if (postgres) {
            TestDatabase pg = TestDatabase.cluster();
            if (pg == null) {
                throw new IllegalStateException("postgres: run eval \"$(scripts/postgres-for-tests.sh)\" first");
            }
            db = pg.keycloakEnv();
        }
        try (KeycloakServer kc = KeycloakServer.start(db)) {
            IdsApi api = new IdsApi(kc);
            System.out.printf("Keycloak %s on %s, %d clients, %d resources, %d samples per call%n",
                    System.getProperty("ib.keycloak.version"), postgres ? "PostgreSQL" : "H2", n, n, samples);
            long t0 = System.nanoTime();
            seedClients(kc, n);
            System.out.printf("seeded %d clients in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            registerResources(api, n);
            System.out.printf("registered %d resources in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);

            String token = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, "find_clients get_resource_list IdentityServerApi");
            Random random = new Random(42);
            Map<String, List<Double>> ms = new LinkedHashMap<>();
            for (int i = 0; i < samples + 100; i++) {
                String customer = customer(random.nextInt(n / 5) * 5);
                boolean record = i >= 100; // the first 100 rounds warm up all three paths
                // Rotate which call goes first, so that none always runs on a warmer cache.
                List<Map.Entry<String, Supplier<Integer>>> calls = new ArrayList<>(List.of(
                        Map.entry("Clients/find", () -> count(api.call("Clients/find", token, "{\"CustomerIds\":[\"" + customer + "\"]}"))),
                        Map.entry("OwnedResources/list", () -> resources(api.call("OwnedResources/list", token,
                                "{\"Type\":\"TempAccess\",\"CustomerIds\":[\"" + customer + "\"]}"))),
                        Map.entry("admin clients?q=", () -> count(kc.admin("GET", "/realms/creatio/clients?briefRepresentation=true&q=ib.customer.id:" + customer, null)))));
                java.util.Collections.rotate(calls, i % 3);
                for (Map.Entry<String, Supplier<Integer>> call : calls) {
                    long s = System.nanoTime();
                    int found = call.getValue().get();
                    double took = (System.nanoTime() - s) / 1e6;
                    if (found != 5) {
                        throw new IllegalStateException(call.getKey() + " for " + customer + " found " + found + ", expected 5");
                    }
                    if (record) {
                        ms.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(took);
                    }
                }
            }
            double adminP50 = pct(ms.get("admin clients?q="), 50);
            double adminP99 = pct(ms.get("admin clients?q="), 99);
            System.out.printf("%nlatency by one CustomerId (5 matches each), %d samples, interleaved:%n", samples);
            for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
                double p50 = pct(e.getValue(), 50);
                double p99 = pct(e.getValue(), 99);
                System.out.printf("  %-22s p50 %7.2f ms  p99 %7.2f ms   ratio to admin search: p50 %.2f  p99 %.2f%n",
                        e.getKey(), p50, p99, p50 / adminP50, p99 / adminP99);
            }
            System.out.println("  (ratio = our latency / Keycloak admin search latency; below 1 is faster)");
        }
    }

    public static String customer(int clientIndex) {
        return String.format("bench-customer-%05d", clientIndex / 5);
    }

    public static void seedClients(KeycloakServer kc, int n) {
        List<Map<String, Object>> clients = new ArrayList<>();
        clients.add(Map.of("ClientId", IdsApi.SYSTEM_CLIENT, "ClientName", "Creatio system client", "Secrets", List.of(IdsApi.SYSTEM_SECRET),
                "AllowedGrantTypes", List.of("implicit", "client_credentials"),
                "RedirectUris", List.of("http://localhost:8090", "http://localhost:8090/lib", "http://localhost:8090/lib/"),
                "PostLogoutRedirectUris", List.of("http://localhost:8090"), "IdentityTokenLifetime", 300,
                "Properties", Map.of("AllowedQueryParameters", "[\"invitationHash\",\"targetSubject\"]"),
                "AllowedScopes", CreatioScopes.ALL));
        for (int i = 0; i < n; i++) {
            clients.add(Map.of("ClientId", client(i), "ClientName", "Bench " + i, "Secrets", List.of(String.format(SECRET, i)),
                    "AllowedGrantTypes", List.of("client_credentials"), "CustomerId", customer(i),
                    "AllowedScopes", List.of("register_own_resource", "IdentityServerApi")));
        }
        Http.Response r = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", clients);
        if (r.status() != 200) {
            throw new IllegalStateException("seeding answered " + r.status() + ": " + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }

    /** Owner i (every fifth client) registers five resources, each granted to one of its four siblings. */
    public static void registerResources(IdsApi api, int n) throws Exception {
        String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int owner = 0; owner < n; owner += 5) {
            int o = owner;
            work.add(pool.submit(() -> {
                String token = api.token(client(o), String.format(SECRET, o), "register_own_resource IdentityServerApi");
                for (int k = 0; k < 5; k++) {
                    String body = "{\"ResourceInfo\":{\"Name\":\"TempAccess_%05d_%d\",\"DisplayName\":\"Bench\",\"Properties\":{\"ExpirationDate\":\"%s\",\"Type\":\"TempAccess\"}},\"granteeClientIds\":[\"%s\"]}"
                            .formatted(o, k, expires, client(o + 1 + k % 4));
                    Http.Response r = api.call("OwnedResources/register", token, body);
                    if (r.status() != 200) {
                        throw new IllegalStateException("register answered " + r.status() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private static String client(int i) {
        return String.format("bench-client-%05d", i);
    }

    private static int count(Http.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("answered " + r.status() + ": " + r.body());
        }
        return r.json().size();
    }

    /** Resources in the one owner group the list must answer. */
    private static int resources(Http.Response r) {
        if (r.status() != 200 || r.json().size() != 1) {
            throw new IllegalStateException("list answered " + r.status() + ": " + r.body());
        }
        return r.json().get(0).get("resources").size();
    }

    private static double pct(List<Double> values, int p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }
}
