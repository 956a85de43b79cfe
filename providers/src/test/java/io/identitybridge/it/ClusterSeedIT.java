package io.identitybridge.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Keycloak nodes start at the same moment on one PostgreSQL database, both told to seed the same new clients.
 * Both must start, and the realm must hold each client once. Needs the variables that
 * {@code scripts/postgres-for-tests.sh} prints; {@code .ci/run} always sets them.
 */
class ClusterSeedIT {

    private static final TestDatabase DB = TestDatabase.cluster();

    @Test
    void twoNodesSeedingAtOnceNeitherFailNorDuplicate() throws Exception {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "multi-node tests run once, in the H2 pass");
        assumeTrue(DB != null,
                "no PostgreSQL for tests: run eval \"$(scripts/postgres-for-tests.sh)\" first (CI does)");
        DB.resetSchema();
        DropInInstall install = DropInInstall.create("cluster", List.of("build", "--db=postgres"));
        // A real cluster: distributed caches, members found through the database (jdbc-ping), on loopback here.
        Map<String, String> env = new HashMap<>(Map.of("KC_DB_URL", DB.url(), "KC_DB_USERNAME", DB.user(), "KC_DB_PASSWORD", DB.password(),
                "JAVA_OPTS_APPEND", "-Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true"));
        List<String> args = DropInInstall.startArgs();
        // Keycloak itself cannot create its schema from two nodes at once (Liquibase races before its lock table
        // exists), so one node creates schema and realm first, as in any real rollout.
        try (KeycloakProcess first = KeycloakProcess.launch(install.home(), args, env, Install.workDir().resolve("cluster/init.log"))) {
            first.awaitReady();
        }
        env.put("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/01_update.json").toString());
        List<KeycloakProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                nodes.add(KeycloakProcess.launch(install.home(), args, env, Install.workDir().resolve("cluster/node-" + i + ".log")));
            }
            List<CompletableFuture<KeycloakProcess>> ready = nodes.stream()
                    .map(n -> CompletableFuture.supplyAsync(n::awaitReady)).toList();
            for (CompletableFuture<KeycloakProcess> f : ready) {
                f.get(8, TimeUnit.MINUTES);
            }
            for (KeycloakProcess node : nodes) {
                Http.Response r = Http.postForm(node.baseUrl() + "/realms/creatio/protocol/openid-connect/token",
                        Http.form("grant_type", "client_credentials", "scope", "IdentityServerApi"),
                        "CreatioIntegrationClient", "it-only-first-secret-0123456789abcdefgh");
                assertEquals(200, r.status(), node.logTail());
            }
            assertEquals("1", DB.sql("select count(*) from client c join realm r on r.id = c.realm_id"
                    + " where r.name = 'creatio' and c.client_id = 'CreatioSystemClient01'"));
            assertEquals("1", DB.sql("select count(*) from client c join realm r on r.id = c.realm_id"
                    + " where r.name = 'creatio' and c.client_id = 'CreatioIntegrationClient'"));
        } finally {
            nodes.forEach(KeycloakProcess::close);
        }
    }
}
