package io.identitybridge.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 20 §2): client_credentials throughput of our {@code /connect/token} against the same
 * Keycloak distribution without our jar (a hand-made client on the native token endpoint, {@link StockKeycloak}), at
 * each concurrency. Never both servers at once: per round one side starts, warms up, is measured at every concurrency
 * and stops, then the other; the order alternates between rounds, and the medians are compared. Any non-2xx answer
 * fails the run ({@link ConnectBenchmark#hey}). Run it with {@code scripts/bench-load.sh connect}.
 */
public final class LoadConnectBenchmark {

    private static final String CLIENT = "bench-load-client-0001";
    private static final String SECRET = "bench-load-secret-0123456789abcdefghijklmn";
    private static final String SCOPE = "find_clients";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int[] concurrencies = Arrays.stream((args.length > 3 ? args[3] : "16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Keycloak %s, H2 dev mode; per server start: %d s warm-up, then %d s at each of -c %s; %d rounds%n",
                System.getProperty("ib.keycloak.version"), warmup, seconds, Arrays.toString(concurrencies), rounds);
        StockKeycloak stock = StockKeycloak.unpack("load-stock");
        Map<Integer, List<Double>> bundle = new LinkedHashMap<>();
        Map<Integer, List<Double>> plain = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean bundleSide : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                try (KeycloakServer kc = bundleSide ? startBundle() : stock.start(CLIENT, SECRET, SCOPE)) {
                    String url = kc.realmUrl() + (bundleSide ? "/connect/token" : "/protocol/openid-connect/token");
                    if (warmup > 0) {
                        ConnectBenchmark.hey(url, warmup, concurrencies[concurrencies.length - 1], CLIENT, SECRET);
                    }
                    for (int c : concurrencies) {
                        double rps = ConnectBenchmark.hey(url, seconds, c, CLIENT, SECRET);
                        (bundleSide ? bundle : plain).computeIfAbsent(c, k -> new ArrayList<>()).add(rps);
                        System.out.printf("round %d, %-6s -c %-3d %8.1f req/s%n", r, bundleSide ? "bundle" : "stock", c, rps);
                    }
                }
            }
        }
        System.out.printf("%n%-6s %16s %16s %8s   (medians of %d rounds, 0 non-2xx answers)%n", "conns", "bundle req/s", "stock req/s", "ratio", rounds);
        for (int c : concurrencies) {
            double b = ConnectBenchmark.median(bundle.get(c));
            double s = ConnectBenchmark.median(plain.get(c));
            System.out.printf("-c %-3d %16.1f %16.1f %8.3f   %s%n", c, b, s, b / s, b / s >= 0.97 ? "meets >= 0.97" : "BELOW 0.97");
        }
    }

    /** Our bundle as the suite runs it, with the benchmark client seeded as an operator would seed it. */
    private static KeycloakServer startBundle() {
        KeycloakServer kc = KeycloakServer.start();
        Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(Map.of("ClientId", CLIENT,
                "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"), "AllowedScopes", List.of(SCOPE))));
        if (seeded.status() != 200) {
            kc.close();
            throw new IllegalStateException("seeding the benchmark client answered " + seeded.status());
        }
        return kc;
    }
}
