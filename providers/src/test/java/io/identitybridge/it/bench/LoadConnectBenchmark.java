package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 20 §2): client_credentials throughput of our {@code /connect/token} against the same
 * Keycloak distribution without our jar (a hand-made client on the native token endpoint, {@link StockKeycloak}), at
 * each concurrency. Never both servers at once: per round one side starts, warms up, is measured at every concurrency
 * and stops, then the other; the order alternates between rounds, and the medians are compared, of req/s and of the
 * server JVM's CPU-ms per request ({@link ServerCpu}; steadier than req/s when the machine is busy). Any non-2xx answer
 * fails the run ({@link ConnectBenchmark#hey}). With {@code same-conf} the stock side gets our
 * {@code docker/keycloak.conf} too (metrics, health), so that the ratio isolates the jar and the realm.
 * Run it with {@code scripts/bench-load.sh connect}.
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
        boolean sameConf = args.length > 4 && args[4].equals("same-conf");
        System.out.printf("Keycloak %s, H2 dev mode; per server start: at least %d s warm-up and until steady, then %d s at each of -c %s; %d rounds; stock %s%n",
                System.getProperty("ib.keycloak.version"), warmup, seconds, Arrays.toString(concurrencies), rounds,
                sameConf ? "with our docker/keycloak.conf" : "as unpacked, no conf");
        StockKeycloak stock = StockKeycloak.unpack("load-stock");
        if (sameConf) {
            stock.useConf(Install.topDir().resolve("docker/keycloak.conf"));
        }
        Map<Integer, List<Double>> bundle = new LinkedHashMap<>();
        Map<Integer, List<Double>> plain = new LinkedHashMap<>();
        Map<Integer, List<Double>> bundleCpu = new LinkedHashMap<>();
        Map<Integer, List<Double>> plainCpu = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean bundleSide : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                try (KeycloakServer kc = bundleSide ? startBundle() : stock.start(CLIENT, SECRET, SCOPE)) {
                    String url = kc.realmUrl() + (bundleSide ? "/connect/token" : "/protocol/openid-connect/token");
                    int top = concurrencies[concurrencies.length - 1];
                    SteadyWarmup.run("round " + r + ", " + (bundleSide ? "bundle" : "stock"),
                            List.of(s -> ConnectBenchmark.hey(url, s, top, CLIENT, SECRET)), warmup);
                    ServerCpu cpu = ServerCpu.ofTheOneServer();
                    for (int c : concurrencies) {
                        long cpu0 = cpu.millis();
                        double rps = ConnectBenchmark.hey(url, seconds, c, CLIENT, SECRET);
                        double cpuPerRequest = (cpu.millis() - cpu0) / (rps * seconds);
                        (bundleSide ? bundle : plain).computeIfAbsent(c, k -> new ArrayList<>()).add(rps);
                        (bundleSide ? bundleCpu : plainCpu).computeIfAbsent(c, k -> new ArrayList<>()).add(cpuPerRequest);
                        System.out.printf("round %d, %-6s -c %-3d %8.1f req/s %7.3f server CPU-ms/request%n", r,
                                bundleSide ? "bundle" : "stock", c, rps, cpuPerRequest);
                    }
                }
            }
        }
        System.out.printf("%n%-6s %13s %13s %8s   %s%n", "conns", "bundle req/s", "stock req/s", "ratio",
                "server CPU-ms/request: bundle, stock, stock/bundle   (medians of " + rounds + " rounds, 0 non-2xx answers)");
        for (int c : concurrencies) {
            double b = ConnectBenchmark.median(bundle.get(c));
            double s = ConnectBenchmark.median(plain.get(c));
            double bc = ConnectBenchmark.median(bundleCpu.get(c));
            double sc = ConnectBenchmark.median(plainCpu.get(c));
            System.out.printf("-c %-3d %13.1f %13.1f %8.3f   %s   %.3f, %.3f, %.3f%n", c, b, s, b / s,
                    b / s >= 0.97 ? "meets >= 0.97" : "BELOW 0.97", bc, sc, sc / bc);
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
