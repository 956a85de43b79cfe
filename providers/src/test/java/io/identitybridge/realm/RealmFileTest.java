package io.identitybridge.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Static checks of realm-import/creatio-realm.json; the real server proves the rest. */
class RealmFileTest {

    private static final List<String> CREATIO_SCOPES = List.of(
            "register_own_resource", "get_resource_list", "get_client_info", "find_clients",
            "remove_client", "update_client", "add_registrar_client", "IdentityServerApi",
            "generate_auth_code", "revoke_client_tokens", "get_service_info");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|password|credential|privateKey).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:[^}]*)?}");

    private static JsonNode realm;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RealmFileTest.class.getResourceAsStream("/realm-import/creatio-realm.json")) {
            assertNotNull(in, "realm-import/creatio-realm.json is missing");
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void definesRealmCreatio() {
        assertEquals("creatio", realm.get("realm").asText());
        assertTrue(realm.get("enabled").asBoolean());
    }

    @Test
    void definesTheElevenSystemClientScopesAsOidcScopesShownInTokensAndDiscovery() {
        Map<String, JsonNode> byName = new TreeMap<>();
        realm.get("clientScopes").forEach(s -> byName.put(s.get("name").asText(), s));
        for (String name : CREATIO_SCOPES) {
            JsonNode scope = byName.get(name);
            assertNotNull(scope, "scope " + name + " is missing");
            assertEquals("openid-connect", scope.get("protocol").asText(), name);
            assertEquals("true", scope.at("/attributes/include.in.token.scope").asText(), name);
            assertEquals("true", scope.at("/attributes/include.in.openid.provider.metadata").asText(), name);
        }
        // Naming our own scopes would otherwise stop Keycloak from creating its built-in ones (profile, email, ...).
        assertEquals("true", realm.at("/attributes/CreateDefaultClientScopes").asText());
    }

    @Test
    void holdsNoSecretsAndOnlyEnvPlaceholders() {
        List<String> problems = new ArrayList<>();
        walk(realm, "$", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void keepsAdminEventsWithoutRepresentationsForABoundedTime() {
        assertTrue(realm.get("adminEventsEnabled").asBoolean(), "the API's writes are recorded as admin events");
        assertEquals(false, realm.get("adminEventsDetailsEnabled").asBoolean(), "no representations unless an operator turns them on");
        long seconds = Long.parseLong(realm.at("/attributes/adminEventsExpiration").asText());
        assertTrue(seconds > 0 && seconds <= 90L * 24 * 3600, "kept for a bounded time: " + seconds);
    }

    @Test
    void tokenSettingsFollowIdentityServerDefaults() {
        assertEquals(3600, realm.get("accessTokenLifespan").asInt());
        assertEquals(300, realm.get("accessCodeLifespan").asInt());
        assertEquals(1296000, realm.get("ssoSessionIdleTimeout").asInt());
        assertEquals(2592000, realm.get("ssoSessionMaxLifespan").asInt());
        assertTrue(realm.get("revokeRefreshToken").asBoolean());
    }

    @Test
    void appliesTheQueryParameterRulesToEveryClientWithTheLoginTheme() {
        assertEquals("creatio", realm.get("loginTheme").asText());
        JsonNode profile = realm.at("/clientProfiles/profiles/0");
        assertEquals("ib-query-parameters", profile.at("/executors/0/executor").asText());
        JsonNode policy = realm.at("/clientPolicies/policies/0");
        assertTrue(policy.get("enabled").asBoolean());
        assertEquals("ib-authorization-request", policy.at("/conditions/0/condition").asText());
        assertEquals(profile.get("name").asText(), policy.at("/profiles/0").asText());
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String childPath = path + "." + e.getKey();
                if (SECRET_KEY.matcher(e.getKey()).matches() && !e.getValue().isNull()) {
                    problems.add(childPath + " looks like a secret");
                }
                walk(e.getValue(), childPath, problems);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isTextual() && node.asText().contains("${")
                && !PLACEHOLDER.matcher(node.asText()).replaceAll("").chars().noneMatch(c -> c == '$')) {
            problems.add(path + " has a malformed placeholder: " + node.asText());
        }
    }
}
