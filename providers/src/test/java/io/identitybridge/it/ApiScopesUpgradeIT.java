package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.TestDatabase;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A realm made before Creatio 8.2.1's three scopes existed (the realm file of an earlier version, without them): at
 * boot the bundle adds them before seeding, so the 8.2.1+ system client of seed 000 seeds and gets all eleven.
 */
@ExtendWith(RealKeycloak.class)
class ApiScopesUpgradeIT {

    private static final List<String> NEW_SCOPES = List.of("generate_auth_code", "revoke_client_tokens", "get_service_info");

    @Test
    void aRealmWithoutTheThreeNewerScopesGetsThemAtBootAndTheSystemClientSeeds(KeycloakServer suite) throws Exception {
        // Its own distribution on its own dev database, whatever the suite runs on: once, in the H2 pass, is enough.
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass");
        DropInInstall install = DropInInstall.create("scopes-upgrade", List.of("build"));
        Path realmFile = install.home().resolve("data/import/creatio-realm.json");
        ObjectNode realm = (ObjectNode) Http.JSON.readTree(Files.readString(realmFile));
        ArrayNode older = Http.JSON.createArrayNode();
        realm.get("clientScopes").forEach(s -> {
            if (!NEW_SCOPES.contains(s.get("name").asText())) {
                older.add(s);
            }
        });
        realm.set("clientScopes", older);
        Files.writeString(realmFile, Http.JSON.writeValueAsString(realm));

        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), Map.of(
                "KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString()),
                Install.workDir().resolve("scopes-upgrade/start.log")).awaitReady()) {
            for (String scope : NEW_SCOPES) {
                assertTrue(kc.log().contains("Added client scope '" + scope + "' to realm 'creatio'"), kc.logTail());
            }
            Http.Response r = Http.postForm(kc.baseUrl() + "/realms/creatio/connect/token", Http.form("grant_type", "client_credentials"),
                    IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET);
            assertEquals(200, r.status(), r.body());
            JsonNode scope = r.json().get("scope");
            assertEquals(Set.copyOf(CreatioScopes.ALL), new HashSet<>(List.of(scope.asText().split(" "))));
        }
    }
}
