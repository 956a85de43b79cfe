package io.identitybridge.it;

import io.identitybridge.it.support.HostileCorpus;
import io.identitybridge.it.support.HostileRequests;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.HostileTokenRequests;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, "never a 500": for every Identity Service API endpoint (Creatio's wrapper operations too), both seed admin endpoints and the two authorize
 * endpoints, the token side ({@code /connect/token}, introspect, revocation, userinfo, endsession and the native token
 * endpoint), {@value #DEFAULT_COUNT} generated hostile requests each (seeded: the seed is printed and can be given
 * back with {@code -Dib.hostile.seed=N}, or several as {@code N,M}; {@code -Dib.hostile.count=N} changes the count). Each endpoint must answer
 * every one without a 5xx or {@code unknown_error}, and the server log written meanwhile must hold no ERROR.
 * Seed apply only ever gets inputs with an invalid client in them, so the realm is never changed by it.
 */
class HostileInputIT extends OnSharedServer {

    static final int DEFAULT_COUNT = 300;
    /** One seed, or several separated by commas: each gives every endpoint its own corpus, on one server start. */
    private static final List<Long> SEEDS = java.util.Arrays.stream(System.getProperty("ib.hostile.seed", "20261206").split(","))
            .map(String::trim).map(Long::valueOf).toList();
    private static final int COUNT = Integer.getInteger("ib.hostile.count", DEFAULT_COUNT);
    private static final String REGISTRAR = "it-hostile-registrar";
    private static final String APP = "it-hostile-app";
    private static final String CALLBACK = "https://app.example.test/hostile-cb";
    private static String token;
    private static HostileTokenRequests.Caller caller;
    private static String target;
    private static long tokenAt;
    private static final List<String> registered = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        SecurityFixtures.seedRegistrar(kc, REGISTRAR, null);
        SecurityFixtures.seedInvitationApp(kc, APP, CALLBACK);
        target = api.register(token(), Map.of("ClientName", "hostile input target", "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE)))
                .get("clientId").asText();
        // Its own token, which the token side may revoke: the API endpoints' token() is another.
        caller = new HostileTokenRequests.Caller(REGISTRAR, SecurityFixtures.SECRET, SecurityFixtures.registrarToken(api, REGISTRAR), CALLBACK);
        System.out.println("HostileInputIT: seeds " + SEEDS + ", " + COUNT + " requests per endpoint (-Dib.hostile.seed / -Dib.hostile.count)");
    }

    @AfterAll
    static void cleanUp() {
        // Whatever a generated body managed to register goes again; removing the registrar removes its resources.
        registered.add(target);
        registered.forEach(id -> api.call("Clients/remove", token(), Map.of("ClientId", id)));
        String id = kc.admin("GET", "/realms/creatio/clients?clientId=" + REGISTRAR, null).json().get(0).get("id").asText();
        kc.admin("DELETE", "/realms/creatio/clients/" + id, null);
    }

    @TestFactory
    Stream<DynamicTest> noEndpointAnswersHostileInputWithA5xxOrAnErrorInTheLog() {
        Map<String, Function<HostileCorpus, HostileRequests.Answer>> endpoints = new LinkedHashMap<>();
        endpoints.put("OwnedResources/register", c -> api("OwnedResources/register", c, Map.of("ResourceInfo", new LinkedHashMap<>(Map.of(
                "Name", "HostileRes", "DisplayName", "Hostile", "Properties", new LinkedHashMap<>(Map.of(
                        "ExpirationDate", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                        "SysAdminUnitId", "0b4e1c25-6a4f-4c3a-9d3f-2f0e5b7c8d90", "Type", "TempAccess")))),
                "GranteeClientIds", List.of(REGISTRAR))));
        endpoints.put("OwnedResources/list", c -> api("OwnedResources/list", c,
                Map.of("Type", "TempAccess", "CustomerIds", List.of("c1"), "ClientId", REGISTRAR)));
        endpoints.put("OwnedResources/delete", c -> api("OwnedResources/delete", c, Map.of("Resources", List.of("HostileRes"))));
        endpoints.put("Clients/find", c -> api("Clients/find", c, Map.of("CustomerIds", List.of("c1"), "ClientId", REGISTRAR)));
        endpoints.put("Clients/info", c -> api("Clients/info", c, Map.of("ClientId", target)));
        endpoints.put("OwnedResources/update", c -> api("OwnedResources/update", c, Map.of("Name", "HostileApp", "DisplayName", "Hostile",
                "Properties", new LinkedHashMap<>(Map.of("Type", "ApplicationAccess")))));
        endpoints.put("OwnedResources/grant", c -> api("OwnedResources/grant", c, Map.of("ClientId", target, "ResourceName", "HostileApp")));
        endpoints.put("Clients/register", c -> api("Clients/register", c, c.random().nextBoolean() ? HostileRequests.client(null)
                : HostileRequests.addClient()));
        endpoints.put("Clients/update", c -> api("Clients/update", c, HostileRequests.client(target)));
        endpoints.put("Clients/remove", c -> api("Clients/remove", c, Map.of("ClientId", "never-" + target)));
        endpoints.put("Clients/deleteScopes", c -> api("Clients/deleteScopes", c, Map.of("ClientId", target, "AllowedScopes", List.of("HostileApp"))));
        endpoints.put("Clients/revokeTokens", c -> api("Clients/revokeTokens", c, Map.of("ClientId", target)));
        endpoints.put("ServiceInfo", c -> api("ServiceInfo", c, Map.of("Detail", "all")));
        endpoints.put("seed/plan", c -> HostileRequests.seed(kc, c, false));
        endpoints.put("seed/apply", c -> HostileRequests.seed(kc, c, true));
        endpoints.put("protocol/openid-connect/auth", c -> HostileRequests.authorize(kc, c, "/protocol/openid-connect/auth", APP, CALLBACK));
        endpoints.put("connect/authorize", c -> HostileRequests.authorize(kc, c, "/connect/authorize", APP, CALLBACK));
        endpoints.put("connect/token", c -> HostileTokenRequests.token(kc, c, "/connect/token", caller));
        endpoints.put("protocol/openid-connect/token", c -> HostileTokenRequests.token(kc, c, "/protocol/openid-connect/token", caller));
        endpoints.put("connect/introspect", c -> HostileTokenRequests.tokenJudged(kc, c, "/connect/introspect", caller));
        endpoints.put("connect/revocation", c -> HostileTokenRequests.tokenJudged(kc, c, "/connect/revocation", caller));
        endpoints.put("connect/userinfo", c -> HostileTokenRequests.userinfo(kc, c, "/connect/userinfo", caller));
        endpoints.put("connect/endsession", c -> HostileTokenRequests.endSession(kc, c, "/connect/endsession", caller));
        List<String> names = new ArrayList<>(endpoints.keySet());
        return SEEDS.stream().flatMap(seed -> names.stream().map(name -> DynamicTest.dynamicTest(
                SEEDS.size() == 1 ? name : name + " (seed " + seed + ")", () -> run(name, seed + names.indexOf(name), endpoints.get(name)))));
    }

    private static void run(String endpoint, long seed, Function<HostileCorpus, HostileRequests.Answer> send) throws InterruptedException {
        HostileCorpus corpus = new HostileCorpus(seed);
        int logStart = kc.log().length();
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < COUNT; i++) {
            HostileRequests.Answer a = send.apply(corpus);
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() >= 500 || a.body().contains("unknown_error")) {
                failures.add("#" + i + ": " + a.status() + " " + a.body().substring(0, Math.min(300, a.body().length())));
            }
            if (endpoint.equals("seed/apply") && a.status() == 200) {
                failures.add("#" + i + ": seed/apply answered 200 to an input with an invalid client");
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(500); // the log is written asynchronously
        String log = kc.log().substring(logStart);
        List<String> errors = HostileRequests.defects(log);
        List<String> refusals = HostileRequests.errorLines(log).stream().filter(e -> !errors.contains(e)).toList();
        System.out.println("HostileInputIT " + endpoint + ": " + COUNT + " requests in " + millis + " ms, statuses " + statuses
                + ", ERROR lines without a defect (Keycloak's own refusals): " + refusals.size()
                + refusals.stream().map(e -> e.lines().findFirst().orElse("")).map(e -> e.substring(Math.min(e.length(), 24)))
                .distinct().limit(3).map(e -> "\n  " + e).reduce("", String::concat));
        assertTrue(failures.isEmpty(), endpoint + " (seed " + seed + "): " + failures.size() + " answers were 5xx or unknown_error:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        assertTrue(errors.isEmpty(), endpoint + " (seed " + seed + "): the server logged ERROR:\n" + String.join("\n", errors));
    }

    private static HostileRequests.Answer api(String path, HostileCorpus corpus, Map<String, Object> template) {
        byte[] body = corpus.body(template);
        Http.Response r = Http.sendBytes("POST", kc.realmUrl() + "/" + path, token(), "application/json", body);
        if (path.equals("Clients/register") && r.status() == 200) {
            registered.add(r.json().get("clientId").asText());
        }
        return new HostileRequests.Answer(r.status(), r.body());
    }

    /** The registrar's token, renewed well before its hour runs out. */
    private static synchronized String token() {
        if (token == null || System.currentTimeMillis() - tokenAt > 30 * 60_000) {
            token = SecurityFixtures.registrarToken(api, REGISTRAR);
            tokenAt = System.currentTimeMillis();
        }
        return token;
    }

}
