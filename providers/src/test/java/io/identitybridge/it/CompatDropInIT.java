package io.identitybridge.it;

import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release runs on every patch of the line it names, not only the suite's: the built jar dropped into the other
 * tested distribution (pom property keycloak.compat.version, 26.7.0) as the README's install steps say, the realm
 * imported, a seeded client's token, and one Identity Service API call. One server start.
 */
class CompatDropInIT {

    @Test
    void theReleaseJarServesCreatioOnTheOtherTestedKeycloakPatch() {
        // Its own dev database whatever the suite runs on: once, in the H2 pass, is enough.
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass");
        String version = Install.required("ib.keycloak.compat.version");
        DropInInstall install = DropInInstall.create("compat-" + version,
                Path.of(Install.required("ib.keycloak.compat.zip")), List.of("build"));
        Map<String, String> env = Map.of("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString());
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), env,
                Install.workDir().resolve("compat-" + version + "/start.log")).awaitReady()) {
            String realmUrl = kc.baseUrl() + "/realms/creatio";
            Http.Response token = Http.postForm(realmUrl + "/connect/token",
                    Http.form("grant_type", "client_credentials", "scope", "get_service_info IdentityServerApi"),
                    IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET);
            assertEquals(200, token.status(), token.body() + "\n" + kc.logTail());

            Http.Response info = Http.get(realmUrl + "/ServiceInfo", token.json().get("access_token").asText());
            assertEquals(200, info.status(), info.body());
            assertEquals(version, info.json().path("keycloakVersion").asText(), "not the compat distribution");
            assertEquals(Install.projectVersion(), info.json().path("version").asText());
            assertEquals("succeeded", info.json().at("/seeding/status").asText(), info.body());

            // Inside the supported line: no version WARN, and the SPI check passed (the server is up).
            String log = kc.log();
            assertFalse(log.contains("supports Keycloak"), "an in-line Keycloak was warned about: " + kc.logTail());
            assertTrue(log.contains("Keycloak " + version), "the start log names no Keycloak " + version);
        }
    }
}
