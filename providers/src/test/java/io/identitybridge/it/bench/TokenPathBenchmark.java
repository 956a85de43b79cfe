package io.identitybridge.it.bench;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 21 §3, §4): what the bundle adds to a client_credentials token. Per round, one bundle
 * server (the suite's, realm {@code creatio} imported) and one stock server of the same distribution, one at a time,
 * in alternating order. On the bundle server the same request is measured, interleaved, against:
 * <ul>
 *   <li>{@code creatio}: a seeded client of the realm (the realm configuration's cost);</li>
 *   <li>{@code fresh}: a realm created on the same server as stock Keycloak would be, with the same client;</li>
 *   <li>with {@code resources > 0}: {@code grantee}, a {@code creatio} client granted 20 OwnedResources, after
 *       {@code resources} resources granted to other clients were registered.</li>
 * </ul>
 * Ratios of medians: creatio / fresh (realm), creatio on the bundle server / the same on stock (server), grantee /
 * creatio. Requests carry no {@code scope}, as Creatio's do: each client gets all its scopes. With {@code profile}
 * the first bundle round also records a JFR method profile per side under the work directory.
 * Run it with {@code scripts/bench-token-path.sh}.
 */
public final class TokenPathBenchmark {

    private static final String CLIENT = "bench-tp-client-0001";
    private static final String GRANTEE = "bench-tp-grantee-0001";
    private static final String SECRET = "bench-tp-secret-0123456789abcdefghijklmnop";
    private static final String SCOPE = "find_clients";
    private static final String FRESH = "fresh";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int conns = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int resources = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        boolean profile = args.length > 5 && args[5].equals("profile");
        System.out.printf("Keycloak %s, H2 dev mode, hey -c %d; per server start %d s warm-up per side, %d s per side; %d rounds; %d resources of other clients%n",
                System.getProperty("ib.keycloak.version"), conns, warmup, seconds, rounds, resources);
        StockKeycloak stock = StockKeycloak.unpack("token-path-stock");
        Map<String, List<Double>> rps = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean bundleSide : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                if (!bundleSide) {
                    try (KeycloakServer kc = stock.start(CLIENT, SECRET, SCOPE)) {
                        String url = kc.realmUrl() + "/protocol/openid-connect/token";
                        measure(url, warmup, 0, conns, CLIENT);
                        record(rps, r, "stock", measure(url, 0, seconds, conns, CLIENT));
                    }
                    continue;
                }
                try (KeycloakServer kc = startBundle(resources)) {
                    Map<String, String> urls = new LinkedHashMap<>();
                    urls.put("creatio", kc.realmUrl() + "/protocol/openid-connect/token");
                    urls.put(FRESH, kc.baseUrl() + "/realms/" + FRESH + "/protocol/openid-connect/token");
                    if (resources > 0) {
                        urls.put("grantee", urls.get("creatio"));
                    }
                    for (Map.Entry<String, String> e : urls.entrySet()) {
                        measure(e.getValue(), warmup, 0, conns, clientOf(e.getKey()));
                    }
                    List<String> order = new ArrayList<>(urls.keySet());
                    java.util.Collections.rotate(order, r);
                    for (String side : order) {
                        Path jfr = profile && r == 0 ? Install.workDir().resolve("token-path-" + side + ".jfr") : null;
                        long pid = ServerCpu.ofTheOneServer().pid();
                        if (jfr != null) {
                            jcmd(pid, "JFR.start", "name=tp", "settings=profile");
                        }
                        record(rps, r, side, measure(urls.get(side), 0, seconds, conns, clientOf(side)));
                        if (jfr != null) {
                            Files.deleteIfExists(jfr);
                            jcmd(pid, "JFR.stop", "name=tp", "filename=" + jfr);
                            System.out.println("  profile: " + jfr);
                        }
                    }
                }
            }
        }
        System.out.printf("%nmedians of %d rounds (req/s):", rounds);
        Map<String, Double> m = new LinkedHashMap<>();
        rps.forEach((k, v) -> m.put(k, ConnectBenchmark.median(v)));
        m.forEach((k, v) -> System.out.printf(" %s %.1f", k, v));
        System.out.printf("%nrealm  (creatio / fresh realm, same bundle server): %.3f%n", m.get("creatio") / m.get(FRESH));
        System.out.printf("server (creatio on the bundle / same client on stock Keycloak): %.3f%n", m.get("creatio") / m.get("stock"));
        System.out.printf("fresh realm on the bundle / stock: %.3f%n", m.get(FRESH) / m.get("stock"));
        if (m.containsKey("grantee")) {
            System.out.printf("grantee of 20 resources / creatio client without: %.3f%n", m.get("grantee") / m.get("creatio"));
        }
    }

    private static String clientOf(String side) {
        return side.equals("grantee") ? GRANTEE : CLIENT;
    }

    private static double measure(String url, int warmup, int seconds, int conns, String client) throws Exception {
        return Hey.token(url, warmup > 0 ? warmup : seconds, conns, client, SECRET).expect(200, "hey against " + url).rps();
    }

    private static void record(Map<String, List<Double>> rps, int round, String side, double value) {
        rps.computeIfAbsent(side, k -> new ArrayList<>()).add(value);
        System.out.printf("round %d  %-8s %8.1f req/s%n", round, side, value);
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
    }

    /** The suite's server, the benchmark client seeded in creatio, and a fresh realm set up as on stock Keycloak. */
    private static KeycloakServer startBundle(int resources) throws Exception {
        KeycloakServer kc = KeycloakServer.start();
        try {
            seed(kc, List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                    "AllowedScopes", List.of(SCOPE))));
            ok(kc.admin("POST", "/realms", Map.of("realm", FRESH, "enabled", true, "accessTokenLifespan", 3600)), 201);
            ok(kc.admin("POST", "/realms/" + FRESH + "/client-scopes", Map.of("name", SCOPE, "protocol", "openid-connect",
                    "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"))), 201);
            ok(kc.admin("POST", "/realms/" + FRESH + "/clients", Map.of("clientId", CLIENT, "publicClient", false, "secret", SECRET,
                    "clientAuthenticatorType", "client-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false, "defaultClientScopes", List.of("acr", "basic", "web-origins", SCOPE),
                    "optionalClientScopes", List.of())), 201);
            if (resources > 0) {
                grantResources(kc, resources);
            }
            return kc;
        } catch (RuntimeException e) {
            kc.close();
            throw e;
        }
    }

    /** {@code n} resources granted among other clients (ApiBenchmark's layout), then 20 granted to the grantee by 4 owners. */
    private static void grantResources(KeycloakServer kc, int n) throws Exception {
        seed(kc, List.of(Map.of("ClientId", GRANTEE, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", List.of(SCOPE))));
        ApiBenchmark.seedClients(kc, n);
        IdsApi api = new IdsApi(kc);
        ApiBenchmark.registerResources(api, n);
        String expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int owner = 0; owner < 20; owner += 5) {
            String client = String.format("bench-client-%05d", owner);
            String token = api.token(client, String.format("bench-secret-%05d-abcdefghijklmnopqrstuvwxyz", owner), "register_own_resource IdentityServerApi");
            for (int k = 0; k < 5; k++) {
                String body = "{\"ResourceInfo\":{\"Name\":\"TokenPath_%05d_%d\",\"DisplayName\":\"Bench\",\"Properties\":{\"ExpirationDate\":\"%s\",\"Type\":\"TempAccess\"}},\"granteeClientIds\":[\"%s\"]}"
                        .formatted(owner, k, expires, GRANTEE);
                ok(api.call("OwnedResources/register", token, body), 200);
            }
        }
    }

    private static void seed(KeycloakServer kc, List<Map<String, Object>> clients) {
        ok(kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", clients), 200);
    }

    private static void ok(Http.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("answered " + r.status() + ": " + r.body());
        }
    }
}
