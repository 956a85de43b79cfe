package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: client_credentials throughput of {@code /connect/token} against Keycloak's native token
 * endpoint, on one server in one run, with {@code hey} as the load generator. Warms both up first (a cold JIT costs
 * about 40 %), then alternates short measured runs and prints the ratio of the medians.
 * Run it with {@code scripts/bench-connect.sh}.
 */
public final class ConnectBenchmark {

    private static final String CLIENT = "bench-connect-client-0001";
    private static final String SECRET = "bench-connect-secret-0123456789abcdefghij";

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int measureSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int concurrency = 8;
        try (KeycloakServer kc = KeycloakServer.start()) {
            Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(Map.of("ClientId", CLIENT,
                    "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"), "AllowedScopes", List.of("find_clients"))));
            if (seeded.status() != 200) {
                throw new IllegalStateException("seeding the benchmark client answered " + seeded.status());
            }
            String connect = kc.realmUrl() + "/connect/token";
            String nativeUrl = kc.realmUrl() + "/protocol/openid-connect/token";
            System.out.printf("Keycloak %s, hey -c %d, warm-up %d s per endpoint, %d rounds of %d s per endpoint%n",
                    System.getProperty("ib.keycloak.version"), concurrency, warmupSeconds, rounds, measureSeconds);
            hey(nativeUrl, warmupSeconds, concurrency);
            hey(connect, warmupSeconds, concurrency);
            List<Double> n = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean nativeFirst = r % 2 == 0;
                double first = hey(nativeFirst ? nativeUrl : connect, measureSeconds, concurrency);
                double second = hey(nativeFirst ? connect : nativeUrl, measureSeconds, concurrency);
                n.add(nativeFirst ? first : second);
                c.add(nativeFirst ? second : first);
                System.out.printf("round %d: native %.1f req/s, /connect %.1f req/s%n", r, n.get(r), c.get(r));
            }
            double mn = median(n);
            double mc = median(c);
            System.out.printf("%nmedian: native %.1f req/s, /connect %.1f req/s, ratio /connect / native = %.3f%n", mn, mc, mc / mn);
        }
    }

    private static double hey(String url, int seconds, int concurrency) throws IOException, InterruptedException {
        return hey(url, seconds, concurrency, CLIENT, SECRET);
    }

    /** Requests per second of client_credentials with Basic authentication; any answer but 200 fails the benchmark. */
    public static double hey(String url, int seconds, int concurrency, String client, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Hey.post(url, seconds, concurrency, "application/x-www-form-urlencoded", List.of("Authorization: Basic " + basic),
                "grant_type=client_credentials&scope=find_clients").expect(200, "hey against " + url).rps();
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
