package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: client_credentials throughput when tokens are signed with ES256 against RS256, on one server
 * in one run. Two seeded clients differ only in their access-token signature algorithm; the realm holds both an RSA
 * and an ES256 key (Keycloak's own generated providers). Alternates measured runs and prints the ratio of the medians.
 * Run it with {@code scripts/bench-signing.sh}.
 */
public final class SigningAlgorithmBenchmark {

    private static final String SECRET = "bench-signing-secret-0123456789abcdefghij";

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int measureSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        try (KeycloakServer kc = KeycloakServer.start()) {
            Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(client("bench-rs256"), client("bench-es256")));
            require(seeded, 200, "seeding the benchmark clients");
            String realmId = kc.admin("GET", "/realms/creatio", null).json().get("id").asText();
            Map<String, Object> ec = Map.of("name", "bench-es256", "providerId", "ecdsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                    "parentId", realmId, "config", Map.of("priority", List.of("50"), "ecdsaEllipticCurveKey", List.of("P-256")));
            require(kc.admin("POST", "/realms/creatio/components", ec), 201, "adding an ES256 key");
            JsonNode es = kc.admin("GET", "/realms/creatio/clients?clientId=bench-es256", null).json().get(0);
            Map<String, Object> rep = Http.JSON.convertValue(es, Map.class);
            Map<String, Object> attributes = new HashMap<>(Http.JSON.convertValue(es.get("attributes"), Map.class));
            attributes.put("access.token.signed.response.alg", "ES256");
            rep.put("attributes", attributes);
            require(kc.admin("PUT", "/realms/creatio/clients/" + es.get("id").asText(), rep), 204, "setting ES256 on a client");

            String url = kc.realmUrl() + "/protocol/openid-connect/token";
            System.out.printf("Keycloak %s, hey -c %d, warm-up %d s per algorithm, %d rounds of %d s per algorithm%n",
                    System.getProperty("ib.keycloak.version"), concurrency, warmupSeconds, rounds, measureSeconds);
            ConnectBenchmark.hey(url, warmupSeconds, concurrency, "bench-rs256", SECRET);
            ConnectBenchmark.hey(url, warmupSeconds, concurrency, "bench-es256", SECRET);
            List<Double> rs = new ArrayList<>();
            List<Double> es256 = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean rsFirst = r % 2 == 0;
                double first = ConnectBenchmark.hey(url, measureSeconds, concurrency, rsFirst ? "bench-rs256" : "bench-es256", SECRET);
                double second = ConnectBenchmark.hey(url, measureSeconds, concurrency, rsFirst ? "bench-es256" : "bench-rs256", SECRET);
                rs.add(rsFirst ? first : second);
                es256.add(rsFirst ? second : first);
                System.out.printf("round %d: RS256 %.1f req/s, ES256 %.1f req/s%n", r, rs.get(r), es256.get(r));
            }
            double mr = ConnectBenchmark.median(rs);
            double me = ConnectBenchmark.median(es256);
            System.out.printf("%nmedian: RS256 %.1f req/s, ES256 %.1f req/s, ratio ES256 / RS256 = %.3f%n", mr, me, me / mr);
        }
    }

    private static Map<String, Object> client(String id) {
        // hey asks for scope=find_clients, as the /connect benchmark does.
        return Map.of("ClientId", id, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", List.of("find_clients"));
    }

    private static void require(Http.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
    }
}
