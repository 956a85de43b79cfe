package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "A seeded client belongs to the operator" (issue 19, finding 3): a seed input naming a client that a
 * registrar registered takes it over, says so in the plan, and from then on the registrar can neither read, change,
 * remove nor re-register it, while the operator's seeded secret keeps working. Through the admin seed endpoints and
 * the Identity Service API, as an operator and a registrar see them.
 */
class SeededClientBelongsToTheOperatorIT extends OnSharedServer {

    private static final String REGISTRAR = "it-takeover-registrar";
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
    }

    private static String newClientId() {
        return "it-takeover-" + UUID.randomUUID();
    }

    /** The client as the operator seeds it: the operator's secret, and a (non-resource) scope deleteScopes could take. */
    private static Map<String, Object> seeded(String clientId) {
        return Map.of("ClientId", clientId, "ClientName", "Seeded by the operator", "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials"), "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE));
    }

    /** Registers the ClientId through Creatio's AddClient body; returns the registration's secret. */
    private static String registerByAddClient(String clientId) {
        JsonNode added = api.ok("Clients/register", registrar,
                CreatioIntegrationIT.addClientBody(clientId, "Registered app", UUID.randomUUID().toString(), List.of()));
        assertEquals(clientId, added.get("clientId").asText());
        return added.get("secret").asText();
    }

    private static JsonNode item(JsonNode plan, String clientId) {
        for (JsonNode c : plan.get("clients")) {
            if (c.get("name").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError(clientId + " is not in the plan: " + plan);
    }

    private static JsonNode attributes(String clientId) {
        return kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0).get("attributes");
    }

    private static void everyRegistrarCallIsRefused(String clientId) {
        for (String op : List.of("Clients/info", "Clients/update", "Clients/remove", "Clients/revokeTokens")) {
            Map<String, Object> body = op.equals("Clients/update") ? Map.of("ClientId", clientId, "ClientName", "taken back")
                    : Map.of("ClientId", clientId);
            JsonNode e = SecurityFixtures.error(api.call(op, registrar, body), 403, "access_denied");
            assertTrue(e.get("error_description").asText().contains("was not registered by '" + REGISTRAR + "'"), op + ": " + e);
        }
        SecurityFixtures.error(api.call("Clients/deleteScopes", registrar, Map.of("ClientId", clientId,
                "AllowedScopes", List.of(SecurityFixtures.REPORTS_SCOPE))), 403, "access_denied");
        // Creatio's repeated AddClient would rotate the secret of a client of the registrar's: here it is a conflict.
        JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar,
                CreatioIntegrationIT.addClientBody(clientId, "Taken back", UUID.randomUUID().toString(), List.of())), 409, "conflict");
        assertFalse(e.has("secret") || e.has("clientSecret"), e.toString());
        SecurityFixtures.error(api.call("Clients/register", registrar, Map.of("ClientId", clientId)), 409, "conflict");
    }

    private static void theSeededSecretWorks(String clientId) {
        JsonNode claims = Http.jwtPayload(api.token(clientId, SecurityFixtures.SECRET, SecurityFixtures.REPORTS_SCOPE));
        assertEquals(clientId, claims.get("client_id").asText());
        assertTrue(claims.get("scope").asText().contains(SecurityFixtures.REPORTS_SCOPE), claims.toString());
    }

    @Test
    void thePlanSaysItTakesOverARegisteredClient() {
        String clientId = newClientId();
        registerByAddClient(clientId);
        Http.Response r = SecurityFixtures.seedCall(kc, "plan", List.of(seeded(clientId)));
        assertEquals(200, r.status(), r.body());
        JsonNode item = item(r.json(), clientId);
        assertEquals("update", item.get("action").asText());
        assertEquals(REGISTRAR, item.get("takesOverFrom").asText(), item.toString());
        assertTrue(item.get("changes").toString().contains("(registrar)"), item.toString());
        boolean warned = false;
        for (JsonNode p : r.json().get("problems")) {
            warned |= p.get("severity").asText().equals("warning") && p.get("name").asText().equals(clientId)
                    && p.get("message").asText().startsWith("takes over the client registered by '" + REGISTRAR + "'");
        }
        assertTrue(warned, r.body());
        // A plan writes nothing: the registrar still has its client.
        assertEquals(clientId, api.ok("Clients/info", registrar, Map.of("ClientId", clientId)).get("clientId").asText());
    }

    @Test
    void afterTheSeedEveryRegistrarCallIsRefused() {
        String clientId = newClientId();
        String registeredSecret = registerByAddClient(clientId);
        Http.Response r = SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId)));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("applied").asBoolean(), r.body());
        assertEquals(REGISTRAR, item(r.json(), clientId).get("takesOverFrom").asText());
        JsonNode attributes = attributes(clientId);
        assertFalse(attributes.has("ib.registered.by") || attributes.has("ib.registered.by.id"), attributes.toString());
        assertEquals("true", attributes.path("ib.seeded").asText(), attributes.toString());

        everyRegistrarCallIsRefused(clientId);
        JsonNode client = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json();
        assertEquals(1, client.size(), "the refused remove removed nothing");
        assertEquals("Seeded by the operator", client.get(0).get("name").asText(), "the refused update changed nothing");
        theSeededSecretWorks(clientId);
        assertEquals(401, api.tokenResponse(clientId, registeredSecret, null).status(), "the seed's secrets replace the registration's");
    }

    @Test
    void theSeededSecretKeepsWorkingAfterAddClient() {
        String clientId = newClientId();
        registerByAddClient(clientId);
        assertEquals(200, SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId))).status());
        for (int i = 0; i < 2; i++) { // Creatio repeats AddClient
            SecurityFixtures.error(api.call("Clients/register", registrar,
                    CreatioIntegrationIT.addClientBody(clientId, "Registered app", UUID.randomUUID().toString(), List.of())), 409, "conflict");
        }
        theSeededSecretWorks(clientId);
    }

    @Test
    void tokensIssuedBeforeTheTakeoverStopWorking() {
        String clientId = newClientId();
        String registeredSecret = registerByAddClient(clientId);
        String before = api.token(clientId, registeredSecret, null);
        assertTrue(CreatioIntegrationIT.introspect(clientId, registeredSecret, before).get("active").asBoolean());
        assertEquals(200, SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId))).status());
        assertFalse(CreatioIntegrationIT.introspect(clientId, SecurityFixtures.SECRET, before).get("active").asBoolean(),
                "a token the registrar got with the registration's secret");
    }

    @Test
    void aReSeedAfterTheTakeoverIsUnchanged() {
        String clientId = newClientId();
        registerByAddClient(clientId);
        assertEquals(200, SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId))).status());
        Http.Response again = SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId)));
        assertEquals(200, again.status(), again.body());
        JsonNode item = item(again.json(), clientId);
        assertEquals("unchanged", item.get("action").asText(), item.toString());
        assertFalse(item.has("takesOverFrom"), item.toString());
        assertFalse(again.body().contains("takes over"), again.body());
    }

    @Test
    void aRegistrarCannotRegisterAClientTheOperatorSeededFirst() {
        String clientId = newClientId();
        assertEquals(200, SecurityFixtures.seedCall(kc, "apply", List.of(seeded(clientId))).status());
        everyRegistrarCallIsRefused(clientId);
        assertEquals("true", attributes(clientId).path("ib.seeded").asText());
        assertFalse(attributes(clientId).has("ib.registered.by.id"), attributes(clientId).toString());
        theSeededSecretWorks(clientId);
    }

    @Test
    void aClientMadeByHandInTheConsoleIsNotClaimableByARegistrar() {
        String clientId = newClientId();
        String secret = kc.createServiceClient(clientId, List.of(SecurityFixtures.REPORTS_SCOPE));
        everyRegistrarCallIsRefused(clientId);
        assertFalse(attributes(clientId).has("ib.registered.by.id"), attributes(clientId).toString());
        assertEquals(200, api.tokenResponse(clientId, secret, null).status(), "the hand-made client's secret is its own still");
    }

    @Test
    void aRegistrarKeepsAClientNoSeedNames() {
        // The other side of the rule: without a seed naming it, a registered client stays the registrar's, and a seed
        // of other clients leaves it alone.
        String clientId = newClientId();
        String first = registerByAddClient(clientId);
        Http.Response r = SecurityFixtures.seedCall(kc, "apply", List.of(seeded(newClientId())));
        assertEquals(200, r.status(), r.body());
        assertFalse(r.body().contains(clientId), r.body());
        JsonNode again = api.ok("Clients/register", registrar,
                CreatioIntegrationIT.addClientBody(clientId, "Registered app", UUID.randomUUID().toString(), List.of()));
        assertNotEquals(first, again.get("secret").asText());
        assertEquals(200, api.tokenResponse(clientId, again.get("secret").asText(), null).status());
    }
}
