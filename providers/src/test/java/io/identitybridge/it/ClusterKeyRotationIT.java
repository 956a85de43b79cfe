package io.identitybridge.it;

import io.identitybridge.it.support.ClusterLogs;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One rotation on two nodes over one PostgreSQL (rotation 40 s, propagation 10 s, retention 12 s): each step is taken
 * once, by one node, and both nodes publish the same keys within a second or two of each other.
 */
class ClusterKeyRotationIT {

    private static final TestDatabase DB = TestDatabase.cluster();
    private static final String OPT = "KC_SPI_IDENTITY_BRIDGE__DEFAULT__";
    private static final String CLIENT = "ClusterRotationClient";
    private static final String SECRET = "it-only-cluster-rotation-secret-0123456789";
    /** A step's log line: the kid and what happened to it. */
    private static final Pattern STEP = Pattern.compile("signing key kid '([^']+)'(?: \\(\\w+\\))? (joins|is announced|signs from now|is removed)");
    private static DropInInstall install;
    private static Path seed;

    @BeforeAll
    static void schemaFirst() throws Exception {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "multi-node tests run once, in the H2 pass");
        assumeTrue(DB != null, "no PostgreSQL for tests: run eval \"$(scripts/postgres-for-tests.sh)\" first (CI does)");
        DB.resetSchema();
        install = DropInInstall.create("cluster-keys", List.of("build", "--db=postgres", "--cache=ispn"));
        seed = Install.workDir().resolve("cluster-keys/seed.json");
        Files.writeString(seed, Http.JSON.writeValueAsString(List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SECRET),
                "AllowedGrantTypes", List.of("client_credentials"), "AccessTokenLifetime", 10, "IdentityTokenLifetime", 10))));
        // One node creates schema and realm first, as in any real rollout; token lifetimes below the retention.
        String password = "it-only-admin-" + System.nanoTime();
        Map<String, String> env = env();
        env.putAll(KeycloakServer.bootstrapAdmin(password));
        try (KeycloakServer first = KeycloakServer.ready(KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), env,
                Install.workDir().resolve("cluster-keys/init.log")), password)) {
            Http.Response r = first.admin("PUT", "/realms/creatio", Map.of("accessTokenLifespan", 10, "accessTokenLifespanForImplicitFlow", 10));
            assertEquals(204, r.status(), r.body());
        }
    }

    private static Map<String, String> env() {
        return new HashMap<>(Map.of("KC_DB_URL", DB.url(), "KC_DB_USERNAME", DB.user(), "KC_DB_PASSWORD", DB.password(),
                "JAVA_OPTS_APPEND", "-Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true",
                OPT + "CLIENTS_FILE", seed.toString(), OPT + "SIGNING_KEY_ROTATION", "40s",
                OPT + "SIGNING_KEY_PROPAGATION", "10s", OPT + "SIGNING_KEY_RETENTION", "12s"));
    }

    private static KeycloakProcess launch(String name) {
        return KeycloakProcess.launch(install.home(), DropInInstall.startArgs("--hostname=http://ib-cluster-keys.test"), env(),
                Install.workDir().resolve("cluster-keys/" + name + ".log"));
    }

    @Test
    void twoNodesTakeEachStepOnceAndPublishTheSameKeys() throws Exception {
        try (KeycloakProcess a = launch("a"); KeycloakProcess b = launch("b")) {
            CompletableFuture<KeycloakProcess> readyA = CompletableFuture.supplyAsync(a::awaitReady);
            CompletableFuture<KeycloakProcess> readyB = CompletableFuture.supplyAsync(b::awaitReady);
            readyA.get(6, TimeUnit.MINUTES);
            readyB.get(6, TimeUnit.MINUTES);
            ClusterLogs.awaitView(2, a, b);
            Map<String, long[]> seenA = new TreeMap<>();
            Map<String, long[]> seenB = new TreeMap<>();
            long t0 = System.currentTimeMillis();
            // Long enough for an announcement, an activation and a removal wherever the schedule stood at start.
            while (System.currentTimeMillis() - t0 < 80_000) {
                long at = System.currentTimeMillis() - t0;
                record(seenA, kids(a), at);
                record(seenB, kids(b), at);
                Thread.sleep(500);
            }
            Set<String> finalA = kids(a);
            assertEquals(finalA, kids(b), "both nodes publish the same keys at the end");
            assertEquals(seenA.keySet(), seenB.keySet(), "every key either node published, both published");
            for (String kid : seenA.keySet()) {
                long[] x = seenA.get(kid);
                long[] y = seenB.get(kid);
                assertTrue(Math.abs(x[0] - y[0]) <= 2000 && Math.abs(x[1] - y[1]) <= 2000,
                        "kid " + kid + " published on A during " + x[0] + "-" + x[1] + " ms, on B during " + y[0] + "-" + y[1] + " ms");
            }
            String logs = a.log() + "\n" + b.log();
            int announced = count(logs, ") is announced: published in the JWKS");
            int activated = count(logs, ") signs from now until");
            int removed = count(logs, "' is removed from the JWKS");
            assertTrue(announced >= 1 && activated >= 1 && removed >= 1, "one rotation within 80 s: " + announced + "/" + activated + "/" + removed);
            Map<String, Integer> steps = new TreeMap<>();
            java.util.regex.Matcher m = STEP.matcher(logs);
            while (m.find()) {
                steps.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
            }
            steps.forEach((step, n) -> assertEquals(1, n, "taken once, on one node: " + step));
            assertTrue(seenA.size() >= 2, "a new kid was published: " + seenA.keySet());
        }
    }

    private static Set<String> kids(KeycloakProcess node) {
        JsonNode jwks = Http.get(node.baseUrl() + "/realms/creatio/protocol/openid-connect/certs", null).json();
        Set<String> kids = new TreeSet<>();
        for (JsonNode k : jwks.get("keys")) {
            if ("sig".equals(k.path("use").asText())) {
                kids.add(k.get("kid").asText());
            }
        }
        return kids;
    }

    private static void record(Map<String, long[]> seen, Set<String> kids, long at) {
        for (String kid : kids) {
            seen.computeIfAbsent(kid, k -> new long[]{at, at})[1] = at;
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
