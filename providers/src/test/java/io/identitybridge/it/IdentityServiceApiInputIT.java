package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard (401/403 per endpoint and scope) and bad bodies (clear 4xx, never 500) of the Identity Service API. */
class IdentityServiceApiInputIT extends OnSharedServer {

    /** Every endpoint with the scope it needs besides IdentityServerApi, written "scope: endpoints". */
    static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        """
                register_own_resource: OwnedResources/register OwnedResources/delete OwnedResources/update OwnedResources/grant
                get_resource_list: OwnedResources/list
                find_clients: Clients/find
                get_client_info: Clients/info
                add_registrar_client: Clients/register
                update_client: Clients/update Clients/deleteScopes
                remove_client: Clients/remove
                revoke_client_tokens: Clients/revokeTokens
                get_service_info: ServiceInfo
                """.lines().forEach(line -> {
            String[] scopeAndPaths = line.split(": ");
            for (String path : scopeAndPaths[1].split(" ")) {
                ENDPOINTS.put(path, scopeAndPaths[0]);
            }
        });
    }

    private static String all;
    private static String grantee;

    @BeforeAll
    static void setUp() {
        all = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, String.join(" ", CreatioScopes.ALL));
        grantee = "it-input-grantee-" + UUID.randomUUID();
        kc.createServiceClient(grantee, List.of());
    }

    @Test
    void everyEndpointAnswers401WithoutAValidTokenAnd403WithoutItsScope() {
        String onlyApi = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, "IdentityServerApi");
        String otherRealm = kc.adminToken(); // valid, but issued by the master realm
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            String path = e.getKey();
            assertStatus(401, "invalid_token", api.call(path, null, "{}"), path + " without token");
            assertStatus(401, "invalid_token", api.call(path, "not.a.jwt", "{}"), path + " with garbage");
            assertStatus(401, "invalid_token", api.call(path, otherRealm, "{}"), path + " with a master-realm token");
            Http.Response noOpScope = api.call(path, onlyApi, "{}");
            assertStatus(403, "insufficient_scope", noOpScope, path + " without " + e.getValue());
            assertTrue(noOpScope.json().get("error_description").asText().contains(e.getValue()), noOpScope.body());
            String noApiScope = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, e.getValue());
            assertStatus(403, "insufficient_scope", api.call(path, noApiScope, "{}"), path + " without IdentityServerApi");
        }
    }

    @Test
    void unknownPathsUnderConnectOwnedResourcesAndClientsAnswer404() {
        // Issue 10, finding 7: an unknown path under /connect once answered 405.
        for (String path : List.of("connect/nope", "connect/", "connect/nope/deeper", "OwnedResources/nope", "Clients/nope",
                "OwnedResources/register/extra", "Clients/register/extra")) {
            String url = kc.realmUrl() + "/" + path;
            for (Http.Response r : List.of(Http.get(url, null), Http.sendJson("POST", url, all, "{}"), Http.sendJson("PUT", url, all, "{}"))) {
                assertEquals(404, r.status(), path + ": " + r.status() + " " + r.body());
            }
        }
    }

    @Test
    void malformedBodiesAreClearErrorsNeverA500() {
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String name = "TempAccess_bad_" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> cases = new ArrayList<>(List.of(
                // {endpoint, body, expected status, a word the description must contain}
                new String[]{"OwnedResources/register", "", "400", "empty"},
                new String[]{"OwnedResources/register", "{", "400", "not valid JSON"},
                new String[]{"OwnedResources/register", "[]", "400", "JSON object"},
                new String[]{"OwnedResources/register", "\"text\"", "400", "JSON object"},
                new String[]{"OwnedResources/register", "null", "400", "JSON object"},
                new String[]{"OwnedResources/register", "{} {}", "400", "JSON"},
                new String[]{"OwnedResources/register", "{\"a\":1,\"a\":2}", "400", "twice"},
                new String[]{"OwnedResources/register", "{\"ResourceInfo\":{},\"resourceinfo\":{}}", "400", "same property"},
                new String[]{"OwnedResources/register", "{}", "400", "ResourceInfo"},
                new String[]{"OwnedResources/register", "{\"ResourceInfo\":[],\"granteeClientIds\":[\"" + grantee + "\"]}", "400", "object"},
                new String[]{"OwnedResources/register", register(null, future, "[\"" + grantee + "\"]"), "400", "Name"},
                new String[]{"OwnedResources/register", register("has space", future, "[\"" + grantee + "\"]"), "400", "Name"},
                new String[]{"OwnedResources/register", register("x".repeat(256), future, "[\"" + grantee + "\"]"), "400", "Name"},
                new String[]{"OwnedResources/register", register(name, future, null), "400", "GranteeClientIds"},
                new String[]{"OwnedResources/register", register(name, future, "[]"), "400", "GranteeClientIds"},
                new String[]{"OwnedResources/register", register(name, future, "\"" + grantee + "\""), "400", "array"},
                new String[]{"OwnedResources/register", register(name, future, "[1]"), "400", "granteeClientIds[0]"},
                new String[]{"OwnedResources/register", register(name, future, "[\"no-such-client-" + UUID.randomUUID() + "\"]"), "404", "grantee"},
                new String[]{"OwnedResources/register", register(name, future, "[\"admin-cli\"]"), "400", "Keycloak's own"},
                new String[]{"OwnedResources/register", register(name, "2001-01-01T00:00:00Z", "[\"" + grantee + "\"]"), "400", "past"},
                new String[]{"OwnedResources/register", register(name, "tomorrow", "[\"" + grantee + "\"]"), "400", "ISO-8601"},
                new String[]{"OwnedResources/register", register(name, "2026-13-45T99:00:00Z", "[\"" + grantee + "\"]"), "400", "ISO-8601"},
                new String[]{"OwnedResources/register", register("IdentityServerApi", future, "[\"" + grantee + "\"]"), "400", "defines"},
                new String[]{"OwnedResources/register", "{\"ResourceInfo\":{\"Name\":\"" + name + "\",\"Properties\":{\"Type\":5}},\"granteeClientIds\":[\"" + grantee + "\"]}", "400", "string"},
                new String[]{"OwnedResources/register", "{\"ResourceInfo\":{\"Name\":\"" + name + "\",\"Colour\":\"red\"},\"granteeClientIds\":[\"" + grantee + "\"]}", "400", "Colour"},
                new String[]{"OwnedResources/register", "{\"ResourceInfo\":{\"Name\":\"" + name + "\"},\"granteeClientIds\":[\"" + grantee + "\"],\"Extra\":true}", "400", "Extra"},
                new String[]{"OwnedResources/list", "{}", "400", "CustomerIds"},
                new String[]{"OwnedResources/list", "{\"Type\":\"TempAccess\",\"CustomerIds\":[]}", "400", "CustomerIds"},
                new String[]{"OwnedResources/list", "{\"CustomerIds\":\"abc\"}", "400", "array"},
                new String[]{"OwnedResources/list", "{\"ClientId\":42}", "400", "string"},
                new String[]{"OwnedResources/list", "{\"CustomerIds\":[null]}", "400", "CustomerIds[0]"},
                new String[]{"OwnedResources/delete", "{}", "400", "Resources"},
                new String[]{"OwnedResources/delete", "{\"Resources\":\"one\"}", "400", "array"},
                new String[]{"OwnedResources/delete", "{\"Resources\":[{}]}", "400", "Resources[0]"},
                new String[]{"Clients/find", "{\"CustomerIds\":null,\"ClientId\":\"\"}", "400", "CustomerIds"},
                new String[]{"Clients/find", "{\"CustomerIds\":[\"a\"],\"Type\":\"TempAccess\"}", "400", "Type"},
                new String[]{"Clients/info", "{}", "400", "ClientId"},
                new String[]{"Clients/info", "{\"ClientId\":\"no-such-" + UUID.randomUUID() + "\"}", "404", "does not exist"},
                new String[]{"Clients/info", "{\"ClientId\":[\"a\"]}", "400", "string"},
                new String[]{"Clients/register", "{\"ClientId\":\"it-bad-" + UUID.randomUUID() + "\",\"AllowedScopes\":[\"no_such_scope\"]}", "400", "no_such_scope"},
                new String[]{"Clients/register", "{\"ClientId\":\"it-bad-" + UUID.randomUUID() + "\",\"Secrets\":[\"my-own-secret-my-own-secret-my-own-secret\"]}", "400", "generates"},
                new String[]{"Clients/register", "{\"ClientId\":\"it-bad-" + UUID.randomUUID() + "\",\"AllowedGrantTypes\":[\"teleport\"]}", "400", "teleport"},
                new String[]{"Clients/register", "{\"ClientId\":\"it-bad-" + UUID.randomUUID() + "\",\"Favourite\":1}", "400", "Favourite"},
                new String[]{"Clients/register", "{\"ClientId\":\"admin-cli\"}", "400", "Keycloak"},
                new String[]{"Clients/update", "{\"ClientName\":\"x\"}", "400", "ClientId"},
                new String[]{"Clients/update", "{\"ClientId\":\"no-such-" + UUID.randomUUID() + "\"}", "404", "does not exist"},
                new String[]{"Clients/remove", "{\"ClientId\":\"\"}", "400", "ClientId"},
                new String[]{"Clients/revokeTokens", "{\"ClientId\":\"no-such-" + UUID.randomUUID() + "\"}", "404", "does not exist"},
                new String[]{"Clients/revokeTokens", "{\"ClientId\":\"x\",\"Everything\":true}", "400", "Everything"},
                new String[]{"Clients/deleteScopes", "{\"ClientId\":\"x\"}", "400", "AllowedScopes"},
                new String[]{"OwnedResources/grant", "{\"ResourceName\":\"r\"}", "400", "ClientId"},
                new String[]{"OwnedResources/update", "{\"DisplayName\":\"no name\"}", "400", "Name"},
                new String[]{"Clients/remove", "{\"ClientId\":\"x\",\"Force\":true}", "400", "Force"}));
        cases.add(new String[]{"OwnedResources/register", "{\"ResourceInfo\":{\"Name\":\"" + "a".repeat(300 * 1024) + "\"}}", "400", "larger than"});
        cases.add(new String[]{"OwnedResources/register", "[".repeat(5000) + "]".repeat(5000), "400", "JSON"});

        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            Http.Response r = api.call(c[0], all, c[1]);
            String label = c[0] + " " + (c[1].length() > 120 ? c[1].substring(0, 120) + "..." : c[1]);
            JsonNode body = parse(r.body());
            if (r.status() != Integer.parseInt(c[2]) || body == null || !body.has("error") || !body.has("error_description")
                    || !body.get("error_description").asText().contains(c[3])) {
                failures.add(label + " -> " + r.status() + " " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
            }
        }
        assertTrue(cases.size() >= 30);
        assertEquals(List.of(), failures);
        // Nothing of the refused registrations was half-applied.
        assertFalse(api.clientScopeNames().contains(name));
    }

    private static String register(String name, String expiration, String grantees) {
        return "{\"ResourceInfo\":{" + (name == null ? "" : "\"Name\":\"" + name + "\",") + "\"DisplayName\":\"d\","
                + "\"Properties\":{\"ExpirationDate\":\"" + expiration + "\",\"Type\":\"TempAccess\"}}"
                + (grantees == null ? "" : ",\"granteeClientIds\":" + grantees) + "}";
    }

    private static void assertStatus(int status, String error, Http.Response r, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        assertEquals(error, r.json().get("error").asText(), what);
    }

    private static JsonNode parse(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
