package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.SecurityFixtures;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creatio's integration listener for "OAuth 2.0 integrated applications" (SPEC §4), played on the real server with the
 * exact request bodies of Creatio's IIdentityServiceWrapper, by the seed 000 system client of Creatio 8.2.1+. Every
 * call is made twice: Creatio repeats calls, and an error would cancel the save of its record.
 */
class CreatioIntegrationIT extends OnSharedServer {



    /** Creatio's AddClient/UpdateClient body, property for property. */
    static String addClientBody(String clientId, String name, String systemUserId, List<String> redirectUris) {
        return """
                {"ClientId":"%s","CustomerId":"%s","ClientAppName":"%s","ClientAppDescription":"Made in Creatio's OAuth section",\
                "ClientAppUri":"https://app.example.test","Enabled":true,"SystemUserId":"%s","RedirectUris":%s}"""
                .formatted(clientId, "cust-" + systemUserId, name, systemUserId, json(redirectUris));
    }

    static String systemToken() {
        return api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, null);
    }

    @Test
    void theCreatioIntegrationListenerSequenceWithEveryCallRepeated() throws InterruptedException {
        // 1. The 8.2.1+ system client asks without scope and gets all eleven scopes.
        String system = systemToken();
        assertEquals(Set.copyOf(CreatioScopes.ALL), Set.copyOf(scopes(system)));

        // 2. AddClient: a new app (Creatio sends an empty ClientId); the answer's secret works for client_credentials.
        String systemUserId = UUID.randomUUID().toString();
        JsonNode added = api.ok("Clients/register", system, addClientBody("", "Integrated app", systemUserId, List.of()));
        String app = added.get("clientId").asText();
        String firstSecret = added.get("secret").asText();
        UUID.fromString(app);
        assertEquals(firstSecret, added.get("clientSecret").asText());
        assertEquals(List.of("client_credentials"), texts(added.get("allowedGrantTypes")), "no redirect URIs: client_credentials only");
        String appToken = api.token(app, firstSecret, null);
        assertEquals(app, Http.jwtPayload(appToken).get("client_id").asText());
        // Again with the ClientId it now has (a retried save): success, the same app, and a new secret that Creatio
        // stores; only a hash is kept, so the first secret cannot be handed back and stops working.
        JsonNode again = api.ok("Clients/register", system, addClientBody(app, "Integrated app", systemUserId, List.of()));
        assertEquals(app, again.get("clientId").asText());
        String secret = again.get("secret").asText();
        assertEquals(secret, again.get("clientSecret").asText());
        assertNotEquals(firstSecret, secret);
        assertEquals(List.of("client_credentials"), texts(again.get("allowedGrantTypes")));
        assertEquals(200, api.tokenResponse(app, secret, null).status());
        assertEquals(401, api.tokenResponse(app, firstSecret, null).status(), "the replaced secret is refused");

        JsonNode info = api.ok("Clients/info", system, Map.of("ClientId", app));
        assertEquals("Integrated app", info.get("clientName").asText());
        assertEquals("Made in Creatio's OAuth section", info.get("description").asText());
        assertEquals("https://app.example.test", info.get("clientUri").asText());
        assertEquals(systemUserId, info.get("systemUserId").asText());
        assertEquals("cust-" + systemUserId, info.get("customerId").asText());
        assertFalse(info.toString().contains(secret));

        // 3. AddResource ("Create default resource"), twice; UpdateResource, twice.
        String resource = "AppAccess_" + UUID.randomUUID().toString().replace("-", "");
        String addResource = "{\"Name\":\"" + resource + "\",\"DisplayName\":\"Access to Creatio\",\"Properties\":{\"Type\":\"ApplicationAccess\"}}";
        for (int i = 0; i < 2; i++) {
            JsonNode r = api.ok("OwnedResources/register", system, addResource);
            assertEquals(resource, r.get("name").asText());
            assertFalse(r.hasNonNull("expirationDate"), "an ApplicationAccess resource never expires: " + r);
        }
        String updateResource = addResource.replace("Access to Creatio", "Access to Creatio (renamed)");
        for (int i = 0; i < 2; i++) {
            assertEquals("Access to Creatio (renamed)", api.ok("OwnedResources/update", system, updateResource).get("displayName").asText());
        }
        JsonNode listed = api.ok("OwnedResources/list", system, "{\"Type\":\"ApplicationAccess\",\"ClientId\":\"" + IdsApi.SYSTEM_CLIENT + "\"}");
        assertTrue(listed.toString().contains(resource), listed.toString());

        // 4. GrantAccess, twice: the app's token for the resource has it in scope and in aud.
        String grant = "{\"ClientId\":\"" + app + "\",\"ResourceName\":\"" + resource + "\"}";
        assertTrue(api.ok("OwnedResources/grant", system, grant).get("granted").asBoolean());
        assertFalse(api.ok("OwnedResources/grant", system, grant).get("granted").asBoolean(), "granted already: nothing to do");
        JsonNode claims = Http.jwtPayload(api.token(app, secret, resource));
        assertTrue(scopes(claims).contains(resource), claims.toString());
        assertTrue(claims.get("aud").toString().contains("\"" + resource + "\""), claims.toString());
        assertTrue(scopes(Http.jwtPayload(api.token(app, secret, null))).contains(resource), "IS4: no scope asked, every allowed scope");

        // 5. UpdateClient with the same body, twice.
        String update = addClientBody(app, "Integrated app (renamed)", systemUserId, List.of());
        assertEquals(List.of("ClientName"), texts(api.ok("Clients/update", system, update).get("changed")));
        assertEquals(List.of(), texts(api.ok("Clients/update", system, update).get("changed")));
        assertEquals("Integrated app (renamed)", api.ok("Clients/info", system, Map.of("ClientId", app)).get("clientName").asText());
        assertEquals(200, api.tokenResponse(app, secret, resource).status(), "an update keeps the secret and the grant");

        // 6. DeleteClientScopes, twice: the scope is refused from then on.
        String deleteScopes = "{\"ClientId\":\"" + app + "\",\"AllowedScopes\":[\"" + resource + "\"]}";
        assertEquals(List.of(resource), texts(api.ok("Clients/deleteScopes", system, deleteScopes).get("removedScopes")));
        assertEquals(List.of(), texts(api.ok("Clients/deleteScopes", system, deleteScopes).get("removedScopes")));
        Http.Response refused = api.tokenResponse(app, secret, resource);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_scope", refused.json().get("error").asText());

        // 7. revokeTokens, twice: the app's access token fails introspection from then on.
        String before = api.token(app, secret, null);
        assertTrue(introspect(app, secret, before).get("active").asBoolean());
        JsonNode revoked = api.ok("Clients/revokeTokens", system, Map.of("ClientId", app));
        assertEquals(0, revoked.get("revokedSessionCount").asInt(), "client_credentials makes no session: " + revoked);
        assertFalse(introspect(app, secret, before).get("active").asBoolean(), "a token issued before revokeTokens");
        assertFalse(introspect(app, secret, appToken).get("active").asBoolean());
        api.ok("Clients/revokeTokens", system, Map.of("ClientId", app));
        Thread.sleep(1100); // not-before is in whole seconds, one ahead
        String after = api.token(app, secret, null);
        assertTrue(introspect(app, secret, after).get("active").asBoolean(), "a token issued after revokeTokens works");

        // 8. RemoveClient, twice: the client is gone, and the second call has nothing to do.
        assertEquals(1, api.ok("Clients/remove", system, Map.of("ClientId", app)).get("affectedClientCount").asInt());
        assertEquals(0, api.ok("Clients/remove", system, Map.of("ClientId", app)).get("affectedClientCount").asInt());
        assertEquals(401, api.tokenResponse(app, secret, null).status());
        SecurityFixtures.error(api.call("Clients/info", system, Map.of("ClientId", app)), 404, "not_found");
        // A grant or scope removal for an app that is gone: nothing to do for deleteScopes, not found for a grant.
        assertEquals(List.of(), texts(api.ok("Clients/deleteScopes", system, deleteScopes).get("removedScopes")));
        SecurityFixtures.error(api.call("OwnedResources/grant", system, grant), 404, "not_found");
        api.ok("OwnedResources/delete", system, Map.of("Resources", List.of(resource)));
    }

    @Test
    void removeClientAcceptsTheClientIdAsABareJsonString() {
        String system = systemToken();
        String app = api.ok("Clients/register", system, addClientBody("", "Removed by id", UUID.randomUUID().toString(), List.of()))
                .get("clientId").asText();
        assertEquals(1, api.ok("Clients/remove", system, "\"" + app + "\"").get("affectedClientCount").asInt());
    }

    @Test
    void onlyTheOwnerGrantsOrTakesAwayAResourceAndOnlyTheRegistrarRevokesTokens() {
        String system = systemToken();
        String other = "it-integration-other-registrar";
        String otherToken = seededRegistrar(other);
        JsonNode added = api.ok("Clients/register", system, addClientBody("", "Owned app", UUID.randomUUID().toString(), List.of()));
        String app = added.get("clientId").asText();
        // AddClient of the same ClientId by another registrar: a conflict, and the app's secret still works.
        SecurityFixtures.error(api.call("Clients/register", otherToken, addClientBody(app, "Taken over", UUID.randomUUID().toString(),
                List.of())), 409, "conflict");
        assertEquals(200, api.tokenResponse(app, added.get("secret").asText(), null).status());
        String resource = "AppAccess_owned_" + UUID.randomUUID().toString().substring(0, 8);
        api.ok("OwnedResources/register", system, "{\"Name\":\"" + resource + "\",\"DisplayName\":\"d\",\"Properties\":{\"Type\":\"ApplicationAccess\"}}");
        String grant = "{\"ClientId\":\"" + app + "\",\"ResourceName\":\"" + resource + "\"}";

        // Another registrar: the resource is not its own (not found, as in delete), and taking it away is refused.
        SecurityFixtures.error(api.call("OwnedResources/grant", otherToken, grant), 404, "not_found");
        SecurityFixtures.error(api.call("OwnedResources/update", otherToken,
                "{\"Name\":\"" + resource + "\",\"DisplayName\":\"taken over\"}"), 409, "conflict");
        api.ok("OwnedResources/grant", system, grant);
        JsonNode e = SecurityFixtures.error(api.call("Clients/deleteScopes", otherToken,
                "{\"ClientId\":\"" + app + "\",\"AllowedScopes\":[\"" + resource + "\"]}"), 403, "access_denied");
        assertTrue(e.get("error_description").asText().contains("owner"), e.toString());
        assertEquals(200, api.tokenResponse(app, added.get("secret").asText(), resource).status(), "the refused call changed nothing");
        // Nor may it revoke the tokens of an app it did not register, or of Keycloak's own clients.
        SecurityFixtures.error(api.call("Clients/revokeTokens", otherToken, Map.of("ClientId", app)), 403, "access_denied");
        SecurityFixtures.error(api.call("Clients/revokeTokens", otherToken, Map.of("ClientId", "admin-cli")), 403, "access_denied");
        SecurityFixtures.error(api.call("OwnedResources/grant", system, "{\"ClientId\":\"admin-cli\",\"ResourceName\":\"" + resource + "\"}"),
                400, "invalid_request");
        api.ok("Clients/remove", system, Map.of("ClientId", app));
        api.ok("OwnedResources/delete", system, Map.of("Resources", List.of(resource)));
    }

    @Test
    void serviceInfoSaysWhatTheServiceIsAndNothingSecret() {
        String system = systemToken();
        for (String method : List.of("GET", "POST")) {
            Http.Response r = method.equals("GET") ? Http.get(kc.realmUrl() + "/ServiceInfo", system)
                    : Http.sendJson("POST", kc.realmUrl() + "/ServiceInfo", system, "{}");
            assertEquals(200, r.status(), method + ": " + r.body());
            JsonNode info = r.json();
            assertEquals(Install.projectVersion(), info.get("version").asText());
            assertEquals(System.getProperty("ib.keycloak.version"), info.get("keycloakVersion").asText());
            assertEquals("creatio", info.get("realm").asText());
            assertEquals(kc.realmUrl(), info.get("issuer").asText());
            assertEquals(Set.copyOf(CreatioScopes.ALL), Set.copyOf(texts(info.get("supportedScopes"))));
            assertTrue(info.get("operations").toString().contains("Clients/revokeTokens"), info.toString());
            assertEquals("succeeded", info.at("/seeding/status").asText(), info.toString());
            assertFalse(r.body().contains(IdsApi.SYSTEM_SECRET) || r.body().contains(IdsApi.SYSTEM_CLIENT), "no secret, no client list");
        }
        // Its own scope guards it.
        String noScope = api.token(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, "IdentityServerApi");
        SecurityFixtures.error(Http.get(kc.realmUrl() + "/ServiceInfo", noScope), 403, "insufficient_scope");
        SecurityFixtures.error(Http.get(kc.realmUrl() + "/ServiceInfo", null), 401, "invalid_token");
    }

    static JsonNode introspect(String clientId, String secret, String token) {
        Http.Response r = Http.postForm(kc.realmUrl() + "/connect/introspect", Http.form("token", token), clientId, secret);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static List<String> scopes(String jwt) {
        return scopes(Http.jwtPayload(jwt));
    }

    static List<String> scopes(JsonNode claims) {
        JsonNode scope = claims.get("scope");
        return scope == null ? List.of() : Arrays.asList(scope.asText().split(" "));
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static String json(Object o) {
        try {
            return Http.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
