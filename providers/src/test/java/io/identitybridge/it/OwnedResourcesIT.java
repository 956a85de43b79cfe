package io.identitybridge.it;

import io.identitybridge.it.support.Fixtures;
import io.identitybridge.it.support.IdsApi;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creatio's TempAccess calls (SPEC §4) on the real server, with PascalCase bodies as TempAccessProxy sends them.
 * The owner is a tenant's system client, seeded with a CustomerId; grantees are plain confidential clients made in
 * the admin API.
 */
class OwnedResourcesIT extends OnSharedServer {

    private static final String TENANT_SECRET = "it-only-tenant-secret-0123456789abcdefgh";


    /**
     * A tenant's system client with its own CustomerId, seeded as a Creatio site's system client is (registration never
     * grants the API scopes); returns {clientId, clientSecret}.
     */
    static JsonNode tenant(String customerId) {
        String clientId = "it-tenant-" + UUID.randomUUID();
        Http.Response seeded = kc.admin("POST", "/realms/creatio/identity-bridge/seed/apply", List.of(Map.of(
                "ClientId", clientId,
                "ClientName", "Tenant " + customerId,
                "ClientUri", "https://tenant.example.test",
                "CustomerId", customerId,
                "Secrets", List.of(TENANT_SECRET),
                "AllowedGrantTypes", List.of("client_credentials"),
                "AllowedScopes", List.of("register_own_resource", "get_resource_list", "find_clients", "IdentityServerApi"))));
        assertEquals(200, seeded.status(), seeded.body());
        return Http.JSON.createObjectNode().put("clientId", clientId).put("clientSecret", TENANT_SECRET);
    }


    @Test
    void theCreatioTempAccessSequence() {
        String customerId = UUID.randomUUID().toString();
        JsonNode owner = tenant(customerId);
        String grantee = "it-support-" + UUID.randomUUID();
        String granteeSecret = kc.createServiceClient(grantee, List.of());
        String resource = "TempAccess_" + UUID.randomUUID().toString().replace("-", "");

        // 1. the system client's token for the call, from /connect/token
        String ownerToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(),
                "register_own_resource IdentityServerApi");
        // 2. register the resource for the grantee
        JsonNode registered = api.ok("OwnedResources/register", ownerToken,
                OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.DAYS), grantee));
        assertEquals(resource, registered.get("name").asText());
        // 3. the grantee asks for it as a scope
        String granteeToken = api.token(grantee, granteeSecret, resource);
        assertEquals(resource, Http.jwtPayload(granteeToken).get("scope").asText());
        // 4. list by CustomerIds and by ClientId, grouped by owner
        String listToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(), "get_resource_list IdentityServerApi");
        for (String body : List.of("{\"Type\":\"TempAccess\",\"CustomerIds\":[\"" + customerId + "\"]}",
                "{\"Type\":\"TempAccess\",\"ClientId\":\"" + owner.get("clientId").asText() + "\"}")) {
            JsonNode groups = api.ok("OwnedResources/list", listToken, body);
            assertEquals(1, groups.size(), groups.toString());
            JsonNode g = groups.get(0);
            assertEquals(owner.get("clientId").asText(), g.get("clientId").asText());
            assertEquals("Tenant " + customerId, g.get("clientName").asText());
            assertEquals("https://tenant.example.test", g.get("clientUri").asText());
            assertEquals(customerId, g.get("customerId").asText());
            assertEquals(1, g.get("resources").size());
            JsonNode r = g.get("resources").get(0);
            assertEquals(resource, r.get("name").asText());
            assertEquals("Support access " + resource, r.get("displayName").asText());
            assertTrue(r.get("expirationDate").asText().endsWith("Z"), r.toString());
        }
        // another type lists nothing
        assertEquals(0, api.ok("OwnedResources/list", listToken, "{\"Type\":\"Other\",\"CustomerIds\":[\"" + customerId + "\"]}").size());
        // 5. delete
        JsonNode deleted = api.ok("OwnedResources/delete", ownerToken, "{\"Resources\":[\"" + resource + "\"]}");
        assertEquals("{\"affectedResourceCount\":1}", deleted.toString());
        // 6. the grantee's next token request fails
        Http.Response after = api.tokenResponse(grantee, granteeSecret, resource);
        assertEquals(400, after.status(), after.body());
        assertEquals("invalid_scope", after.json().get("error").asText());
        assertEquals(0, api.ok("OwnedResources/list", listToken, "{\"ClientId\":\"" + owner.get("clientId").asText() + "\"}").size());
    }

    @Test
    void anExpiredResourceIsRefusedAtOnceAndSweptLater() throws InterruptedException {
        JsonNode owner = tenant(UUID.randomUUID().toString());
        String grantee = "it-support-" + UUID.randomUUID();
        String granteeSecret = kc.createServiceClient(grantee, List.of());
        String resource = "TempAccess_expiring_" + UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(),
                "register_own_resource get_resource_list IdentityServerApi");
        Instant expires = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        api.ok("OwnedResources/register", ownerToken, OwnedResourceBodies.registerBody(resource, expires, grantee));
        assertEquals(200, api.tokenResponse(grantee, granteeSecret, resource).status());

        while (Instant.now().isBefore(expires.plusMillis(200))) {
            Thread.sleep(100);
        }
        Http.Response refused = api.tokenResponse(grantee, granteeSecret, resource);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_scope", refused.json().get("error").asText());
        // A request without scope (all allowed scopes, as IS4) no longer carries it either.
        Http.Response all = api.tokenResponse(grantee, granteeSecret, null);
        assertEquals(200, all.status(), all.body());
        assertFalse(List.of(all.json().get("scope").asText().split(" ")).contains(resource));
        assertEquals(0, api.ok("OwnedResources/list", ownerToken, "{\"ClientId\":\"" + owner.get("clientId").asText() + "\"}").size());

        // The sweep (every 5 s in this suite) removes the scope and with it the grant.
        long deadline = System.currentTimeMillis() + 30_000;
        boolean gone = false;
        while (!gone && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            gone = !api.clientScopeNames().contains(resource);
        }
        assertTrue(gone, "the sweep did not remove client scope " + resource + " within 30 s");
        Http.Response afterSweep = api.tokenResponse(grantee, granteeSecret, resource);
        assertEquals("invalid_scope", afterSweep.json().get("error").asText());
    }

    @Test
    void aClientDeletesOnlyItsOwnResources() {
        JsonNode alice = tenant(UUID.randomUUID().toString());
        JsonNode bob = tenant(UUID.randomUUID().toString());
        String grantee = "it-support-" + UUID.randomUUID();
        kc.createServiceClient(grantee, List.of());
        String resource = "TempAccess_owned_" + UUID.randomUUID().toString().substring(0, 8);
        String aliceToken = api.token(alice.get("clientId").asText(), alice.get("clientSecret").asText(), "register_own_resource get_resource_list IdentityServerApi");
        String bobToken = api.token(bob.get("clientId").asText(), bob.get("clientSecret").asText(), "register_own_resource IdentityServerApi");
        api.ok("OwnedResources/register", aliceToken, OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.HOURS), grantee));

        assertEquals(0, api.ok("OwnedResources/delete", bobToken, "{\"resources\":[\"" + resource + "\"]}").get("affectedResourceCount").asInt());
        assertEquals(1, api.ok("OwnedResources/list", aliceToken, "{\"clientId\":\"" + alice.get("clientId").asText() + "\"}").size());
        // A second registration of the same name is a conflict, whoever asks.
        Http.Response dup = api.call("OwnedResources/register", bobToken, OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.HOURS), grantee));
        assertEquals(409, dup.status(), dup.body());
        assertEquals(1, api.ok("OwnedResources/delete", aliceToken, "{\"Resources\":[\"" + resource + "\",\"no-such-resource\"]}").get("affectedResourceCount").asInt());
    }

    @Test
    void reseedingKeepsTheGrantsOfTheApi() {
        // The system client of seed 000 is a grantee here; seeding owns its AllowedScopes, not its resource grants.
        JsonNode owner = tenant(UUID.randomUUID().toString());
        String ownerToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(), "register_own_resource IdentityServerApi");
        String before = kc.admin("POST", "/realms/creatio/identity-bridge/seed/plan", Fixtures.text("seed/00_create.json")).body();
        String resource = "TempAccess_reseed_" + UUID.randomUUID().toString().substring(0, 8);
        api.ok("OwnedResources/register", ownerToken, OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.HOURS), IdsApi.SYSTEM_CLIENT));
        String after = kc.admin("POST", "/realms/creatio/identity-bridge/seed/plan", Fixtures.text("seed/00_create.json")).body();
        assertEquals(before, after);
        assertEquals(200, api.tokenResponse(IdsApi.SYSTEM_CLIENT, IdsApi.SYSTEM_SECRET, resource).status());
        api.ok("OwnedResources/delete", ownerToken, "{\"Resources\":[\"" + resource + "\"]}");
    }

}
