package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.Dockerfile;
import io.identitybridge.it.support.DockerfileReplay;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.TestDatabase;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker image, proven without a Docker engine: docker/Dockerfile's own steps, parsed from it, replayed on a fresh
 * distribution (same {@code kc.sh build} options and ENV, same conf file, same realm files, same start command), then
 * started {@code --optimized} on PostgreSQL with the environment docker/compose.yaml gives it. A Dockerfile change the
 * replay does not understand fails here.
 */
class DockerImageIT {

    private static final TestDatabase DB = TestDatabase.cluster();

    @Test
    void theDockerfilesStepsServeCreatioOptimizedOnPostgres() throws Exception {
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass (it has its own PostgreSQL database)");
        assumeTrue(DB != null, "no PostgreSQL for tests: run eval \"$(scripts/postgres-for-tests.sh)\" first (CI does)");
        DB.resetSchema();
        Path home = DropInInstall.unpacked("docker-image");
        Dockerfile dockerfile = Dockerfile.parse(Files.readString(Install.topDir().resolve("docker/Dockerfile")));
        DockerfileReplay.Image image = DockerfileReplay.replay(dockerfile, Install.topDir(), home,
                System.getProperty("ib.keycloak.version"), home.resolveSibling("build.log"));
        System.out.println("DockerImageIT: replayed kc.sh " + String.join(" ", image.buildArgs()) + " with ENV " + image.buildEnv().keySet()
                + ", starting kc.sh " + String.join(" ", image.startArgs()));

        String adminPassword = KeycloakServer.randomSecret();
        // What docker/compose.yaml passes, with this machine's database instead of the compose service's.
        Map<String, String> env = new HashMap<>(image.runtimeEnv());
        env.putAll(Map.of("KC_DB_URL", DB.url(), "KC_DB_USERNAME", DB.user(), "KC_DB_PASSWORD", DB.password(),
                "KC_HTTP_ENABLED", "true", "KC_HOSTNAME_STRICT", "false",
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString()));
        try (KeycloakProcess kc = KeycloakProcess.launch(home, image.startArgs(), env, home.resolveSibling("server.log"))) {
            kc.awaitReady();
            String log = kc.log();
            assertFalse(log.contains("differ from what is persisted"), "the start changed build options: " + kc.logTail());

            // The conf file built in: health on the management port.
            assertEquals(200, Http.get(kc.managementUrl() + "/health/ready", null).status());
            // Discovery of the imported realm.
            String realmUrl = kc.baseUrl() + "/realms/creatio";
            CreatioScopes.discovered(realmUrl);
            // A seeded client's token, and the Identity Service API with it.
            Http.Response token = Http.postForm(realmUrl + "/connect/token",
                    Http.form("grant_type", "client_credentials", "scope", "find_clients IdentityServerApi"),
                    IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET);
            assertEquals(200, token.status(), token.body());
            Http.Response found = Http.sendJson("POST", realmUrl + "/Clients/find", token.json().get("access_token").asText(),
                    "{\"CustomerIds\":[\"00000000-0000-4000-8000-000000000000\"]}");
            assertEquals(200, found.status(), found.body());
            assertEquals("[]", found.json().toString());
            assertFalse(kc.log().contains("is not searchable"), "docker/keycloak.conf's searchable attribute not in force");
            // On PostgreSQL, not a dev database.
            assertEquals("1", DB.sql("select count(*) from realm where name = 'creatio'"));
            assertEquals("1", DB.sql("select count(*) from client where client_id = '" + IdsApi.SYSTEM_CLIENT + "'"));
        }
    }
}
