package io.identitybridge.it;

import io.identitybridge.it.support.ClusterLogs;
import io.identitybridge.it.support.ClusterNode;
import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Keycloak nodes on one PostgreSQL database, on Keycloak's default cache stack (Infinispan, jdbc-ping discovery),
 * on loopback with distinct ports. Each round: both start at the same moment with the same seed input (one copy of
 * each client, neither fails); what one node writes the other enforces at once; node A is stopped (SIGTERM, then
 * SIGKILL in the next round) and node B keeps serving; the expiry sweep runs on one node per interval. Five rounds in a
 * row, with the figures printed. Needs the variables of {@code scripts/postgres-for-tests.sh}; runs in the H2 pass only.
 */
class ClusterIT {

    private static final TestDatabase DB = TestDatabase.cluster();
    /** One public name for both nodes, as behind a load balancer: a token of one node is valid on the other. */
    private static final String HOSTNAME = "http://ib-cluster.test";
    private static final String REGISTRAR = "ClusterRegistrar";
    private static final String SECRET = "it-only-cluster-secret-0123456789abcdefgh";
    private static final String CUSTOMER = "6c1a9e52-0000-4000-8000-00000000c1a5";
    private static final String SHARED_SCOPE = "it.cluster.reports";
    private static final int SWEEP_SECONDS = 2;
    private static final List<String> FIGURES = new ArrayList<>();

    private static DropInInstall install;

    @BeforeAll
    static void schemaFirst() {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "multi-node tests run once, in the H2 pass");
        assumeTrue(DB != null, "no PostgreSQL for tests: run eval \"$(scripts/postgres-for-tests.sh)\" first (CI does)");
        DB.resetSchema();
        install = DropInInstall.create("cluster", List.of("build", "--db=postgres", "--cache=ispn"));
        // Keycloak cannot create its schema from two nodes at once (Liquibase races before its lock table exists),
        // so one node creates schema and realm first, as in any real rollout.
        long t0 = System.nanoTime();
        try (KeycloakProcess first = launch("init", null)) {
            first.awaitReady();
        }
        FIGURES.add("cluster: schema and realm created by a first node in " + ms(t0) + " ms");
    }

    @AfterAll
    static void printFigures() {
        FIGURES.forEach(System.out::println);
    }

    @RepeatedTest(5)
    void twoNodesShareEverythingAndSurviveALostNode(RepetitionInfo repetition) throws Exception {
        int round = repetition.getCurrentRepetition();
        boolean sigkill = round % 2 == 0;
        String roundClient = "ClusterRound" + round + "Client";
        Path seed = seedFile(round, roundClient);
        long t0 = System.nanoTime();
        KeycloakProcess a = launch("round-" + round + "-a", seed);
        KeycloakProcess b = launch("round-" + round + "-b", seed);
        try {
            CompletableFuture<Long> readyA = CompletableFuture.supplyAsync(() -> { a.awaitReady(); return ms(t0); });
            CompletableFuture<Long> readyB = CompletableFuture.supplyAsync(() -> { b.awaitReady(); return ms(t0); });
            long msA = readyA.get(6, TimeUnit.MINUTES);
            long msB = readyB.get(6, TimeUnit.MINUTES);
            List<String> counts = new ArrayList<>();
            for (String clientId : List.of("CreatioSystemClient01", "CreatioIntegrationClient", REGISTRAR, roundClient)) {
                String n = DB.sql("select count(*) from client c join realm r on r.id = c.realm_id"
                        + " where r.name = 'creatio' and c.client_id = '" + clientId + "'");
                assertEquals("1", n, clientId + " must exist exactly once");
                counts.add(n);
            }
            long viewMs = ClusterLogs.awaitView(2, a, b);
            String crossNode = crossNode(new ClusterNode(a), new ClusterNode(b));
            String sweep = sweepRunsOnOneNode(round, new ClusterNode(a), a, b);

            long stopAt = System.nanoTime();
            if (sigkill) {
                a.kill();
            } else {
                a.close();
            }
            long stopMs = ms(stopAt);
            String survivor = survivorServes(new ClusterNode(b));
            String figure = String.format("cluster round %d: nodes ready after %d ms and %d ms (started together), 2-member view"
                            + " after %d ms more; copies of the 4 seeded clients %s; %s; %s; node A stopped by %s in %d ms, then node B %s",
                    round, msA, msB, viewMs, counts, crossNode, sweep, sigkill ? "SIGKILL" : "SIGTERM", stopMs, survivor);
            FIGURES.add(figure);
            System.out.println(figure);
        } finally {
            a.close();
            b.close();
        }
    }

    /** Every write on A is enforced on B at once: no waiting, no retry. */
    private static String crossNode(ClusterNode a, ClusterNode b) {
        String registrar = a.token(REGISTRAR, SECRET, String.join(" ", CreatioScopes.ALL));
        // A client registered through A authenticates on B.
        JsonNode registered = a.ok("Clients/register", registrar,
                Map.of("ClientName", "Cluster grantee", "AllowedScopes", List.of(SHARED_SCOPE)));
        String grantee = registered.get("clientId").asText();
        String granteeSecret = registered.get("clientSecret").asText();
        assertEquals(200, b.tokenResponse(grantee, granteeSecret, SHARED_SCOPE).status(), "registered on A, token on B");

        // A resource registered through A gives the grantee a token on B; deleted on A, it is refused on B.
        String resource = "TempAccess_cluster_" + UUID.randomUUID().toString().replace("-", "");
        a.ok("OwnedResources/register", registrar, OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.DAYS), grantee));
        Http.Response granted = b.tokenResponse(grantee, granteeSecret, resource);
        assertEquals(200, granted.status(), granted.body());
        assertEquals(resource, Http.jwtPayload(granted.json().get("access_token").asText()).get("scope").asText());
        a.ok("OwnedResources/delete", registrar, "{\"Resources\":[\"" + resource + "\"]}");
        Http.Response refused = b.tokenResponse(grantee, granteeSecret, resource);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_scope", refused.json().get("error").asText());

        // A token revoked on A is inactive on B, and an API token revoked on A is refused by B's API.
        String access = b.token(grantee, granteeSecret, SHARED_SCOPE);
        assertTrue(b.introspect(access, grantee, granteeSecret), "fresh token active on B");
        assertEquals(200, a.revoke(access, grantee, granteeSecret).status());
        assertFalse(b.introspect(access, grantee, granteeSecret), "token revoked on A still active on B");
        String api = b.token(REGISTRAR, SECRET, "find_clients IdentityServerApi");
        String find = "{\"CustomerIds\":[\"" + CUSTOMER + "\"]}";
        assertEquals(200, b.call("Clients/find", api, find).status());
        assertEquals(200, a.revoke(api, REGISTRAR, SECRET).status());
        Http.Response revokedCall = b.call("Clients/find", api, find);
        assertEquals(401, revokedCall.status(), "API token revoked on A, used on B: " + revokedCall.body());

        // A client removed through A is refused on B.
        assertEquals("{\"affectedClientCount\":1}", a.ok("Clients/remove", registrar, Map.of("ClientId", grantee)).toString());
        Http.Response removed = b.tokenResponse(grantee, granteeSecret, null);
        assertEquals(401, removed.status(), removed.body());
        return "register/grant/delete/revoke/remove on A enforced at once on B";
    }

    /**
     * Resources that expire together are removed exactly once, and the cluster-aware runner executes the sweep on one
     * node per interval: the other node's timer logs that it skipped.
     */
    private static String sweepRunsOnOneNode(int round, ClusterNode a, KeycloakProcess... nodes) throws InterruptedException {
        // From now on: before the two nodes merged into one view, each swept for itself.
        LocalDateTime since = LocalDateTime.now();
        String registrar = a.token(REGISTRAR, SECRET, "register_own_resource IdentityServerApi");
        String prefix = "TempAccess_sweep_" + round + "_";
        // Far enough ahead that all three registrations land before it, even on a busy machine.
        Instant expires = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            a.ok("OwnedResources/register", registrar, OwnedResourceBodies.registerBody(prefix + i, expires, REGISTRAR));
        }
        String count = "select count(*) from ib_owned_resource where name like '" + prefix + "%'";
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"0".equals(DB.sql(count)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("0", DB.sql(count), "expired resources not swept within 30 s");
        ClusterLogs.SweepRuns runs = ClusterLogs.sweepRuns(since, nodes);
        assertEquals(3, runs.removed(), "each of the 3 expired resources removed exactly once: " + runs);
        assertTrue(runs.skipped() > 0, "no node ever skipped the sweep: " + runs);
        assertTrue(runs.minGapMillis() >= SWEEP_SECONDS * 1000L / 2,
                "two sweeps within one interval: " + runs);
        return "sweep " + runs;
    }

    /** Node B answers tokens and the API right after A went away. */
    private static String survivorServes(ClusterNode b) throws InterruptedException {
        long slowest = 0;
        int ok = 0;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            String token = b.token(REGISTRAR, SECRET, "find_clients get_resource_list IdentityServerApi");
            assertEquals(200, b.call("Clients/find", token, "{\"CustomerIds\":[\"" + CUSTOMER + "\"]}").status());
            assertEquals(200, b.call("OwnedResources/list", token, "{\"CustomerIds\":[\"" + CUSTOMER + "\"]}").status());
            assertEquals(200, b.tokenResponse("CreatioIntegrationClient", "it-only-first-secret-0123456789abcdefgh", null).status());
            slowest = Math.max(slowest, ms(t));
            ok++;
            Thread.sleep(200);
        }
        return "answered " + ok + "/10 rounds of token+API calls, slowest round " + slowest + " ms";
    }

    private static KeycloakProcess launch(String name, Path seed) {
        Map<String, String> env = new HashMap<>(Map.of("KC_DB_URL", DB.url(), "KC_DB_USERNAME", DB.user(), "KC_DB_PASSWORD", DB.password(),
                "JAVA_OPTS_APPEND", "-Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true",
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__RESOURCE_SWEEP_INTERVAL", String.valueOf(SWEEP_SECONDS)));
        if (seed != null) {
            env.put("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", seed.toString());
        }
        List<String> args = DropInInstall.startArgs("--hostname=" + HOSTNAME,
                "--log-level=INFO," + ClusterLogs.SWEEP_CATEGORY + ":debug");
        return KeycloakProcess.launch(install.home(), args, env, Install.workDir().resolve("cluster/" + name + ".log"));
    }

    /** The former ClusterSeedIT's seed input (01_update), plus a registrar with a CustomerId and a client new in this round. */
    private static Path seedFile(int round, String roundClient) throws IOException {
        ArrayNode clients = (ArrayNode) Http.JSON.readTree(Fixtures.text("seed/01_update.json"));
        ObjectNode registrar = clients.addObject().put("ClientId", REGISTRAR).put("ClientName", "Cluster registrar").put("CustomerId", CUSTOMER);
        registrar.putArray("Secrets").add(SECRET);
        registrar.putArray("AllowedGrantTypes").add("client_credentials");
        ArrayNode scopes = registrar.putArray("AllowedScopes").add(SHARED_SCOPE);
        CreatioScopes.ALL.forEach(scopes::add);
        ObjectNode fresh = clients.addObject().put("ClientId", roundClient).put("ClientName", "New in round " + round);
        fresh.putArray("Secrets").add(SECRET);
        fresh.putArray("AllowedGrantTypes").add("client_credentials");
        ObjectNode input = Http.JSON.createObjectNode();
        input.putArray("Scopes").addObject().put("Name", SHARED_SCOPE).put("Type", "Resource").put("DisplayName", "Reports (cluster test)");
        input.set("Clients", clients);
        Path file = Install.workDir().resolve("cluster/seed-" + round + ".json");
        Files.writeString(file, Http.JSON.writeValueAsString(input));
        return file;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
