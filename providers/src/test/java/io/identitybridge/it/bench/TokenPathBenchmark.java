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
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (issue 21 §3, §4): what the bundle adds to a client_credentials token (no {@code scope}, as
 * Creatio asks), every figure a ratio of sides measured in the same run, interleaved in short slices ({@link Slices}).
 * <ol>
 *   <li>stock Keycloak of the same distribution (half the slices), a hand-made client as on the bundle's fresh realm;</li>
 *   <li>the bundle server (realm {@code creatio} imported, {@code resources} other clients seeded, no resource yet),
 *       phase {@code before}: {@code creatio} (a seeded client: IS4 secret hash, our authenticator and mappers),
 *       {@code plain} (a hand-made client in {@code creatio}, plain secret), {@code fresh} (the hand-made client in
 *       a realm created on that server), {@code grantee} (a second seeded client, no resource yet);</li>
 *   <li>with {@code resources > 0}: that many resources granted among the other clients and 20 to {@code grantee};
 *       phase {@code after}: {@code creatio}, {@code fresh}, {@code grantee};</li>
 *   <li>stock again (the other half of its slices), so that a drift of the machine falls on both sides of it.</li>
 *   <li>Beside them, Creatio's own call as the load benchmark makes it: {@code connect} (the seeded client on our
 *       {@code /connect/token} with {@code scope=find_clients}) and {@code stock-scope} (the same on stock), so that the
 *       load benchmark's gap splits into the endpoint, the scope and the realm.</li>
 * </ol>
 * With {@code profile}, after each phase's slices, a JFR method profile per side, reduced by {@link JfrShares}.
 * Run it with {@code scripts/bench-token-path.sh}.
 */
public final class TokenPathBenchmark {

    private static final String CLIENT = "bench-tp-client-0001";
    private static final String PLAIN = "bench-tp-plain-0001";
    private static final String GRANTEE = "bench-tp-grantee-0001";
    private static final String SECRET = "bench-tp-secret-0123456789abcdefghijklmnop";
    private static final String SCOPE = "find_clients";
    private static final String FRESH = "fresh";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int conns = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int resources = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        boolean profile = args.length > 5 && args[5].equals("profile");
        boolean withStock = args.length <= 6 || !args[6].equals("nostock");
        System.out.printf("Keycloak %s, H2 dev mode, hey -c %d; at least %d s warm-up per side and phase and until steady, %d slices of %d s per side,"
                + " order rotating; %d resources of other clients; load average at start %s%n", System.getProperty("ib.keycloak.version"),
                conns, warmup, slices, seconds, resources, Files.readString(Path.of("/proc/loadavg")).trim());
        StockKeycloak stock = withStock ? StockKeycloak.unpack("token-path-stock") : null;
        Slices stockFirst = withStock ? stock(stock, warmup, slices / 2, seconds, conns) : null;
        Slices before;
        Slices after = null;
        try (KeycloakServer kc = startBundle(resources, profile)) {
            String creatio = kc.realmUrl() + "/protocol/openid-connect/token";
            Slices.Side fresh = new Slices.Side(FRESH, kc.baseUrl() + "/realms/" + FRESH + "/protocol/openid-connect/token", CLIENT, SECRET);
            List<Slices.Side> sides = List.of(new Slices.Side("creatio", creatio, CLIENT, SECRET),
                    new Slices.Side("plain", creatio, PLAIN, SECRET), fresh, new Slices.Side("grantee", creatio, GRANTEE, SECRET),
                    new Slices.Side("connect", kc.realmUrl() + "/connect/token", CLIENT, SECRET, SCOPE));
            before = Slices.run("before", sides, warmup, slices, seconds, conns);
            if (profile) {
                profile("before", List.of(sides.get(0), sides.get(1), sides.get(2), sides.get(4)), Math.max(15, 2 * seconds), conns);
            }
            if (resources > 0) {
                long start = System.nanoTime();
                grantResources(kc, resources);
                System.out.printf("%d resources registered in %.0f s%n", resources + 20, (System.nanoTime() - start) / 1e9);
                List<Slices.Side> now = List.of(sides.get(0), fresh, sides.get(3));
                after = Slices.run("after", now, warmup, slices, seconds, conns);
                if (profile) {
                    profile("after", now, Math.max(15, 2 * seconds), conns);
                }
            }
        }
        Slices stockAll = withStock ? Slices.merge("stock", stockFirst, stock(stock, warmup, slices - slices / 2, seconds, conns)) : null;
        TokenPathReport.print(before, after, stockAll);
    }

    /** A fresh JVM each visit: warmed up as long as the bundle server is before its first slice (four sides). */
    private static Slices stock(StockKeycloak stock, int warmup, int slices, int seconds, int conns) throws Exception {
        try (KeycloakServer kc = stock.start(CLIENT, SECRET, SCOPE)) {
            String url = kc.realmUrl() + "/protocol/openid-connect/token";
            return Slices.run("stock", List.of(new Slices.Side("stock", url, CLIENT, SECRET),
                    new Slices.Side("stock-scope", url, CLIENT, SECRET, SCOPE)), 5 * warmup / 2, slices, seconds, conns);
        }
    }

    /** One JFR recording per side under load, then each profile against the first side's, by inclusive shares. */
    private static void profile(String phase, List<Slices.Side> sides, int seconds, int conns) throws Exception {
        long pid = ServerCpu.ofTheOneServer().pid();
        List<Path> files = new ArrayList<>();
        for (Slices.Side side : sides) {
            Path jfr = Install.workDir().resolve("token-path-" + phase + "-" + side.name() + ".jfr");
            Files.deleteIfExists(jfr);
            jcmd(pid, "JFR.start", "name=tp", "settings=profile");
            Slices.once(side, seconds, conns);
            jcmd(pid, "JFR.stop", "name=tp", "filename=" + jfr);
            files.add(jfr);
        }
        for (Path other : files.subList(1, files.size())) {
            JfrShares.main(new String[] {other.toString(), files.get(0).toString()});
        }
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

    /**
     * The suite's server with the benchmark clients seeded in creatio (and {@code others} more, for the resources
     * to come), a hand-made client there, and a fresh realm with the same hand-made client, as on stock Keycloak.
     */
    private static KeycloakServer startBundle(int others, boolean profile) throws Exception {
        // Deep stacks (Vert.x, RESTEasy, then Keycloak) need more than JFR's 64 frames to keep the token endpoint's.
        KeycloakServer kc = KeycloakServer.start(profile ? Map.of("JAVA_OPTS_APPEND", "-XX:FlightRecorderOptions=stackdepth=512") : Map.of());
        try {
            for (String client : List.of(CLIENT, GRANTEE)) {
                seed(kc, List.of(Map.of("ClientId", client, "Secrets", List.of(SECRET), "AllowedGrantTypes", List.of("client_credentials"),
                        "AllowedScopes", List.of(SCOPE))));
            }
            if (others > 0) {
                ApiBenchmark.seedClients(kc, others);
            }
            ok(kc.admin("POST", "/realms/creatio/clients", handMade(PLAIN)), 201);
            ok(kc.admin("POST", "/realms", Map.of("realm", FRESH, "enabled", true, "accessTokenLifespan", 3600)), 201);
            ok(kc.admin("POST", "/realms/" + FRESH + "/client-scopes", Map.of("name", SCOPE, "protocol", "openid-connect",
                    "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"))), 201);
            ok(kc.admin("POST", "/realms/" + FRESH + "/clients", handMade(CLIENT)), 201);
            return kc;
        } catch (RuntimeException e) {
            kc.close();
            throw e;
        }
    }

    /** A confidential client_credentials client as an administrator makes it in the console (as StockKeycloak's). */
    private static Map<String, Object> handMade(String clientId) {
        return Map.of("clientId", clientId, "publicClient", false, "secret", SECRET, "clientAuthenticatorType", "client-secret",
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "defaultClientScopes", List.of("acr", "basic", "web-origins", SCOPE), "optionalClientScopes", List.of());
    }

    /** {@code n} resources granted among the other clients (ApiBenchmark's layout), then 20 to the grantee by 4 owners. */
    private static void grantResources(KeycloakServer kc, int n) throws Exception {
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
