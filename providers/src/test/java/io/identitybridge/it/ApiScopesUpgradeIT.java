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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A realm made by an earlier version of the realm file, started once: without Creatio 8.2.1's three scopes, and with
 * the bundle's client policy on Keycloak's {@code any-client} condition. At boot the bundle adds the scopes before
 * seeding, so the 8.2.1+ system client of seed 000 seeds and gets all eleven, and moves the policy to
 * {@code ib-authorization-request}.
 */
@ExtendWith(RealKeycloak.class)
class ApiScopesUpgradeIT {

    private static final List<String> NEW_SCOPES = List.of("generate_auth_code", "revoke_client_tokens", "get_service_info");
    private static KeycloakServer upgraded;

    @BeforeAll
    static void startARealmOfAnEarlierVersion(KeycloakServer suite) throws Exception {
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
        ObjectNode condition = (ObjectNode) realm.at("/clientPolicies/policies/0/conditions/0");
        assertEquals("ib-authorization-request", condition.get("condition").asText(), "the realm file's policy condition");
        condition.put("condition", "any-client");
        Files.writeString(realmFile, Http.JSON.writeValueAsString(realm));

        String password = KeycloakServer.randomSecret();
        Map<String, String> env = new HashMap<>(KeycloakServer.bootstrapAdmin(password));
        env.put("KC_SPI_IDENTITY_BRIDGE__DEFAULT__CLIENTS_FILE", Fixtures.path("seed/00_create.json").toString());
        upgraded = KeycloakServer.ready(KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), env,
                Install.workDir().resolve("scopes-upgrade/start.log")), password);
    }

    @AfterAll
    static void stop() {
        if (upgraded != null) {
            upgraded.close();
        }
    }

    @Test
    void aRealmWithoutTheThreeNewerScopesGetsThemAtBootAndTheSystemClientSeeds() {
        for (String scope : NEW_SCOPES) {
            assertTrue(upgraded.log().contains("Added client scope '" + scope + "' to realm 'creatio'"), upgraded.process().logTail());
        }
        Http.Response r = Http.postForm(upgraded.baseUrl() + "/realms/creatio/connect/token", Http.form("grant_type", "client_credentials"),
                IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET);
        assertEquals(200, r.status(), r.body());
        JsonNode scope = r.json().get("scope");
        assertEquals(Set.copyOf(CreatioScopes.ALL), new HashSet<>(List.of(scope.asText().split(" "))));
    }

    @Test
    void anOlderRealmsPolicyOnAnyClientMovesToAuthorizeRequestsOnlyAtBoot() {
        assertTrue(upgraded.log().contains("Client policies of realm 'creatio' now apply the bundle's profiles to authorize requests only"),
                upgraded.process().logTail());
        Http.Response policies = upgraded.admin("GET", "/realms/creatio/client-policies/policies", null);
        assertEquals(200, policies.status(), policies.body());
        JsonNode policy = null;
        for (JsonNode p : policies.json().get("policies")) {
            if (p.get("name").asText().equals("ib-query-parameters")) {
                policy = p;
            }
        }
        assertTrue(policy != null, policies.body());
        assertEquals(1, policy.get("conditions").size(), policy.toString());
        assertEquals("ib-authorization-request", policy.at("/conditions/0/condition").asText(), policy.toString());
        assertEquals(List.of("ib-query-parameters", "ib-access-tokens-via-browser"),
                Http.JSON.convertValue(policy.get("profiles"), List.class), policy.toString());
    }
}
