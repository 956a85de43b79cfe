package io.identitybridge.it;

import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OwnedResourceBodies;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients/find, info, register, update and remove on the real server. */
class ClientsApiIT extends OnSharedServer {

    /** A registrar like Creatio's system client, holding two non-API scopes that registration may pass on. */
    private static final String REGISTRAR = "it-clients-registrar";
    private static final String REPORTS = SecurityFixtures.REPORTS_SCOPE;
    private static final String AUDIT = SecurityFixtures.AUDIT_SCOPE;
    private static String system;
    /** The suite's server runs with max-clients-per-registrar=30 (KeycloakServer). */
    private static final int REGISTRAR_CAP = 30;

    @BeforeAll
    static void setUp() {
        system = seededRegistrar(REGISTRAR);
    }

    @Test
    void registerReturnsTheSecretOnceAndTheClientWorks() {
        String clientId = "it-registered-" + UUID.randomUUID();
        JsonNode r = api.register(system, Map.of("ClientId", clientId, "ClientName", "Registered", "Description", "made by the API",
                "CustomerId", "cust-" + clientId, "AllowedScopes", List.of(REPORTS)));
        String secret = r.get("clientSecret").asText();
        assertTrue(secret.length() >= 32, "secret too short");
        assertEquals(List.of("client_credentials"), List.of(r.get("allowedGrantTypes").get(0).asText()));
        assertEquals(REGISTRAR, r.get("registeredBy").asText());
        JsonNode claims = Http.jwtPayload(api.token(clientId, secret, REPORTS));
        assertEquals(clientId, claims.get("azp").asText());
        assertEquals(401, api.tokenResponse(clientId, secret + "x", null).status());

        JsonNode info = api.ok("Clients/info", system, Map.of("clientId", clientId));
        assertEquals("Registered", info.get("clientName").asText());
        assertEquals("cust-" + clientId, info.get("customerId").asText());
        assertEquals(List.of(REPORTS), names(info.get("allowedScopes")));
        assertFalse(info.toString().contains(secret), "info must never show the secret");
        assertNull(info.get("clientSecret"));
        // Registered clients are not seeded ones: seeding's prune never removes them.
        JsonNode rep = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0);
        assertFalse(rep.get("attributes").has("ib.seeded"));

        Http.Response again = api.call("Clients/register", system, Map.of("ClientId", clientId, "AllowedScopes", List.of(REPORTS)));
        assertEquals(409, again.status(), "an IS4-model register of an existing ClientId"); // a 200 body would hold a secret
    }

    @Test
    void registerWithoutClientIdGeneratesOne() {
        JsonNode r = api.register(system, Map.of("ClientName", "No id given", "AllowedScopes", List.of(REPORTS)));
        UUID.fromString(r.get("clientId").asText());
        assertEquals(200, api.tokenResponse(r.get("clientId").asText(), r.get("clientSecret").asText(), REPORTS).status());
    }

    @Test
    void findByCustomerIdsAndByClientId() {
        String customer = "cust-" + UUID.randomUUID();
        String a = api.register(system, Map.of("ClientName", "A", "Description", "first", "CustomerId", customer, "AllowedScopes", List.of(REPORTS))).get("clientId").asText();
        String b = api.register(system, Map.of("ClientName", "B", "CustomerId", customer, "AllowedScopes", List.of(REPORTS))).get("clientId").asText();
        String other = api.register(system, Map.of("ClientName", "C", "CustomerId", "cust-" + UUID.randomUUID(), "AllowedScopes", List.of(REPORTS))).get("clientId").asText();

        JsonNode found = api.ok("Clients/find", system, "{\"CustomerIds\":[\"" + customer + "\"]}");
        assertEquals(2, found.size(), found.toString());
        assertEquals(List.of(a, b).stream().sorted().toList(), List.of(found.get(0).get("clientId").asText(), found.get(1).get("clientId").asText()));
        JsonNode first = found.get(0).get("clientId").asText().equals(a) ? found.get(0) : found.get(1);
        assertEquals(List.of("clientId", "clientName", "description", "customerId"), fieldNames(first));
        assertEquals("first", first.get("description").asText());
        assertEquals(customer, first.get("customerId").asText());

        JsonNode both = api.ok("Clients/find", system, "{\"CustomerIds\":[\"" + customer + "\"],\"ClientId\":\"" + other + "\"}");
        assertEquals(3, both.size());
        assertEquals(0, api.ok("Clients/find", system, "{\"CustomerIds\":[\"nobody\"]}").size());
    }

    @Test
    void updateChangesOnlyWhatItIsGiven() {
        String customer = "cust-" + UUID.randomUUID();
        JsonNode r = api.register(system, Map.of("ClientName", "Before", "Description", "kept", "CustomerId", customer,
                "AccessTokenLifetime", 900, "AllowedScopes", List.of(REPORTS)));
        String clientId = r.get("clientId").asText();
        JsonNode updated = api.ok("Clients/update", system, Map.of("ClientId", clientId, "ClientName", "After",
                "CustomerId", customer + "-moved", "AllowedScopes", List.of(REPORTS, AUDIT)));
        assertEquals(List.of("AllowedScopes", "ClientName", "CustomerId"), names(updated.get("changed")).stream().sorted().toList());
        assertEquals("After", updated.get("clientName").asText());
        assertEquals("kept", updated.get("description").asText());
        assertEquals(900, updated.get("accessTokenLifetime").asInt());
        assertEquals(0, api.ok("Clients/find", system, "{\"CustomerIds\":[\"" + customer + "\"]}").size());
        assertEquals(1, api.ok("Clients/find", system, "{\"CustomerIds\":[\"" + customer + "-moved\"]}").size());
        // the old secret still works and the new scope is grantable
        assertEquals(200, api.tokenResponse(clientId, r.get("clientSecret").asText(), AUDIT).status());

        Http.Response bad = api.call("Clients/update", system, Map.of("ClientId", clientId, "AccessTokenLifetime", -5));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.json().get("error_description").asText().contains("AccessTokenLifetime"), bad.body());
        Http.Response secret = api.call("Clients/update", system, Map.of("ClientId", clientId, "Secrets", List.of("x".repeat(40))));
        assertEquals(400, secret.status(), secret.body());
        assertFalse(secret.body().contains("x".repeat(40)), "an error must not echo a secret");
        Http.Response scope = api.call("Clients/update", system, Map.of("ClientId", clientId, "AllowedScopes", List.of("no_such_scope")));
        assertEquals(400, scope.status(), scope.body());
        assertEquals("After", api.ok("Clients/info", system, Map.of("ClientId", clientId)).get("clientName").asText());
    }

    @Test
    void builtInClientsAndTheCallerItselfAreOffLimits() {
        for (String builtIn : List.of("admin-cli", "account", "realm-management", "security-admin-console")) {
            for (String op : List.of("Clients/update", "Clients/remove")) {
                Http.Response r = api.call(op, system, Map.of("ClientId", builtIn));
                assertEquals(403, r.status(), op + " " + builtIn + ": " + r.body());
                assertEquals("access_denied", r.json().get("error").asText());
            }
        }
        Http.Response self = api.call("Clients/remove", system, Map.of("ClientId", REGISTRAR));
        assertEquals(403, self.status(), self.body());
        assertEquals(200, api.tokenResponse(REGISTRAR, SecurityFixtures.SECRET, "IdentityServerApi").status());
    }

    @Test
    void removeTakesTheClientAndItsResources() {
        JsonNode owner = api.register(system, Map.of("ClientName", "Owner to remove"));
        // Registration never grants API scopes; an administrator may, in the console.
        SecurityFixtures.grantByAdmin(kc, owner.get("clientId").asText(), List.of("register_own_resource", "IdentityServerApi"));
        String grantee = "it-support-" + UUID.randomUUID();
        String granteeSecret = kc.createServiceClient(grantee, List.of());
        String ownerToken = api.token(owner.get("clientId").asText(), owner.get("clientSecret").asText(), "register_own_resource IdentityServerApi");
        String resource = "TempAccess_removed_" + UUID.randomUUID().toString().substring(0, 8);
        api.ok("OwnedResources/register", ownerToken, OwnedResourceBodies.registerBody(resource, Instant.now().plus(1, ChronoUnit.HOURS), grantee));
        assertEquals(200, api.tokenResponse(grantee, granteeSecret, resource).status());

        assertEquals("{\"affectedClientCount\":1}", api.ok("Clients/remove", system, Map.of("ClientId", owner.get("clientId").asText())).toString());
        assertEquals(401, api.tokenResponse(owner.get("clientId").asText(), owner.get("clientSecret").asText(), null).status());
        assertEquals("invalid_scope", api.tokenResponse(grantee, granteeSecret, resource).json().get("error").asText());
        assertFalse(api.clientScopeNames().contains(resource));
        // Gone already: nothing to do, no error (Creatio repeats RemoveClient).
        assertEquals("{\"affectedClientCount\":0}", api.ok("Clients/remove", system, Map.of("ClientId", owner.get("clientId").asText())).toString());
        assertEquals(404, api.call("Clients/info", system, Map.of("ClientId", owner.get("clientId").asText())).status());
    }

    /** Issue 19, finding 2: a registrar has at most max-clients-per-registrar clients (30 on the suite's server). */
    @Test
    void registrationsBeyondMaxClientsPerRegistrarAre409() {
        String registrar = seededRegistrar("it-registrar-cap-" + UUID.randomUUID());
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < REGISTRAR_CAP; i++) {
            mine.add(api.register(registrar, Map.of("ClientName", "Capped " + i)).get("clientId").asText());
        }
        String refused = "it-over-cap-" + UUID.randomUUID();
        assertRegistrarCapRefused(api.call("Clients/register", registrar, Map.of("ClientId", refused)));
        assertEquals(404, api.call("Clients/info", registrar, Map.of("ClientId", refused)).status(), "nothing was registered");
        assertEquals("[]", kc.admin("GET", "/realms/creatio/clients?clientId=" + refused, null).body());
        // Creatio's AddClient of a new app counts alike; AddClient again of an app it has is no new client and passes.
        assertRegistrarCapRefused(api.call("Clients/register", registrar,
                CreatioIntegrationIT.addClientBody("", "Over the cap", UUID.randomUUID().toString(), List.of())));
        String repeated = CreatioIntegrationIT.addClientBody(mine.get(0), "Capped again", UUID.randomUUID().toString(), List.of());
        assertEquals(200, api.call("Clients/register", registrar, repeated).status());
        // One removed, one more.
        assertEquals(1, api.ok("Clients/remove", registrar, Map.of("ClientId", mine.get(1))).get("affectedClientCount").asInt());
        assertEquals(200, api.call("Clients/register", registrar, Map.of("ClientId", refused)).status());
    }

    /** Parallel registrations at cap-1 are counted one after another (the registrar's row is locked): exactly one passes. */
    @Test
    void parallelRegistrationsAtCapMinusOneAdmitExactlyOne() throws Exception {
        String registrar = seededRegistrar("it-registrar-race-" + UUID.randomUUID());
        for (int i = 0; i < REGISTRAR_CAP - 1; i++) {
            api.register(registrar, Map.of("ClientName", "Raced " + i));
        }
        List<Http.Response> answers = SecurityFixtures.parallel(3, i -> api.call("Clients/register", registrar, Map.of("ClientName", "Race " + i)));
        List<Integer> statuses = answers.stream().map(Http.Response::status).sorted().toList(); // a 200 body holds a secret: not printed
        assertEquals(List.of(200, 409, 409), statuses);
        answers.stream().filter(r -> r.status() == 409).forEach(ClientsApiIT::assertRegistrarCapRefused);
    }

    private static void assertRegistrarCapRefused(Http.Response r) {
        assertEquals(409, r.status(), "the status (a 200 body holds a secret: not printed)");
        JsonNode e = SecurityFixtures.error(r, 409, "conflict");
        String description = e.get("error_description").asText();
        assertTrue(description.contains("max-clients-per-registrar") && description.contains("at most " + REGISTRAR_CAP), e.toString());
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> n = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(n::add);
        return n;
    }
}
