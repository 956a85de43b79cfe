package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: seeds N clients cold and then unchanged through our admin resource, beside Keycloak's own
 * partialImport of the same clients (cold, then ifResourceExists=SKIP), on one server in one run, and prints ratios.
 * Run it with {@code scripts/bench-seed.sh}; each round uses fresh realms, and rounds alternate which side goes first.
 */
public final class SeedBenchmark {

    private static final List<String> SCOPES = List.of("register_own_resource", "get_resource_list", "IdentityServerApi");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (KeycloakServer kc = KeycloakServer.start()) {
            System.out.printf("Keycloak %s, %d clients, %d rounds (+1 warm-up round of 200)%n",
                    System.getProperty("ib.keycloak.version"), n, rounds);
            round(kc, "warm", 200);
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                round(kc, "r" + r, n).forEach((k, v) -> times.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
            double ibCold = median(times.get("ib-cold"));
            double kcCold = median(times.get("kc-cold"));
            double ibSame = median(times.get("ib-unchanged"));
            double kcSame = median(times.get("kc-skip"));
            System.out.printf("%nmedian of %d rounds, %d clients:%n", rounds, n);
            System.out.printf("  cold       Identity Bridge seed %8.0f ms | Keycloak partialImport        %8.0f ms | ratio %.2f%n", ibCold, kcCold, ibCold / kcCold);
            System.out.printf("  unchanged  Identity Bridge seed %8.0f ms | Keycloak partialImport SKIP   %8.0f ms | ratio %.2f%n", ibSame, kcSame, ibSame / kcSame);
            System.out.printf("  (ratio = Identity Bridge time / Keycloak time; below 1 is faster) all rounds: %s%n", times);
        }
    }

    private static Map<String, Double> round(KeycloakServer kc, String tag, int n) {
        String ib = "bench-ib-" + tag;
        String native_ = "bench-kc-" + tag;
        createRealm(kc, ib);
        createRealm(kc, native_);
        List<Map<String, Object>> creatio = new ArrayList<>();
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("bench-client-%05d-%s", i, tag);
            String secret = String.format("bench-secret-%05d-abcdefghijklmnopqrstuvwxyz", i);
            creatio.add(Map.of("ClientId", id, "ClientName", "Bench " + i, "Secrets", List.of(secret),
                    "AllowedGrantTypes", List.of("client_credentials"), "AccessTokenLifetime", 3600, "AllowedScopes", SCOPES));
            reps.add(Map.of("clientId", id, "name", "Bench " + i, "secret", secret, "publicClient", false,
                    "serviceAccountsEnabled", true, "standardFlowEnabled", false, "protocol", "openid-connect",
                    "attributes", Map.of("access.token.lifespan", "3600"),
                    "defaultClientScopes", List.of("acr", "basic", "web-origins"), "optionalClientScopes", SCOPES));
        }
        Map<String, Double> t = new LinkedHashMap<>();
        boolean ibFirst = tag.hashCode() % 2 == 0;
        for (int side = 0; side < 2; side++) {
            if ((side == 0) == ibFirst) {
                t.put("ib-cold", timed(() -> expect(kc.admin("POST", "/realms/" + ib + "/identity-bridge/seed/apply", creatio), "created")));
            } else {
                t.put("kc-cold", timed(() -> expect(kc.admin("POST", "/realms/" + native_ + "/partialImport",
                        Map.of("ifResourceExists", "FAIL", "clients", reps)), "added")));
            }
        }
        for (int side = 0; side < 2; side++) {
            if ((side == 0) == ibFirst) {
                t.put("ib-unchanged", timed(() -> expect(kc.admin("POST", "/realms/" + ib + "/identity-bridge/seed/apply", creatio), "unchanged")));
            } else {
                t.put("kc-skip", timed(() -> expect(kc.admin("POST", "/realms/" + native_ + "/partialImport",
                        Map.of("ifResourceExists", "SKIP", "clients", reps)), "skipped")));
            }
        }
        // Both sides must have made usable clients, not just rows.
        String probe = String.format("bench-client-%05d-%s", n / 2, tag);
        String probeSecret = String.format("bench-secret-%05d-abcdefghijklmnopqrstuvwxyz", n / 2);
        System.out.printf("round %-5s client_credentials token for %s: Identity Bridge realm %d, partialImport realm %d%n", tag, probe,
                token(kc, ib, probe, probeSecret), token(kc, native_, probe, probeSecret));
        kc.admin("DELETE", "/realms/" + ib, null);
        kc.admin("DELETE", "/realms/" + native_, null);
        System.out.printf("round %-5s %s%n", tag, t);
        return t;
    }

    private static int token(KeycloakServer kc, String realm, String clientId, String secret) {
        return Http.postForm(kc.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token",
                Http.form("grant_type", "client_credentials", "scope", "IdentityServerApi"), clientId, secret).status();
    }

    private static void createRealm(KeycloakServer kc, String name) {
        ObjectNode realm = (ObjectNode) Http.JSON.valueToTree(readRealmFile());
        realm.put("realm", name);
        // Placeholders are resolved by --import-realm only, not by the admin API.
        realm.put("displayName", name);
        realm.put("sslRequired", "external");
        Http.Response r = kc.admin("POST", "/realms", realm);
        if (r.status() != 201) {
            throw new IllegalStateException("creating realm " + name + " answered " + r.status() + ": " + r.body());
        }
    }

    private static JsonNode readRealmFile() {
        try {
            return Http.JSON.readTree(Install.topDir().resolve("realm-import/creatio-realm.json").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expect(Http.Response r, String what) {
        if (r.status() != 200) {
            throw new IllegalStateException(what + ": answered " + r.status() + ": " + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r.body();
    }

    private static double timed(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
