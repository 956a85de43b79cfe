package io.identitybridge.it;

import io.identitybridge.it.support.SecurityFixtures;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Security model's "URIs the server calls name no internal host" (issue 19, finding 4): Keycloak POSTs to a client's back-channel
 * logout URI itself, so Clients/register and Clients/update refuse one that names the server's own machine or network,
 * in any spelling, with 400 naming the property and the rule. Operators' seeding is not bound.
 */
class ServerCalledUrisNameNoInternalHostIT extends OnSharedServer {

    private static final String REGISTRAR = "it-server-uris-registrar";
    private static final List<String> INTERNAL = List.of("http://127.0.0.1:9000/admin", "http://localhost:9000/x",
            "https://169.254.169.254/latest/meta-data/", "https://localhost./x", "https://app.localhost/x", "https://[::1]/x",
            "https://[::ffff:127.0.0.1]/x", "https://2130706433/x", "https://0177.0.0.1/x", "https://0.0.0.0/x", "https://10.0.0.5/x",
            "https://172.20.1.1/x", "https://192.168.0.10/x", "https://100.100.100.200/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
            "https://metadata.google.internal/x", "https://keycloak/x");
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
    }

    @Test
    void registrationRefusesABackChannelLogoutUriOnAnInternalHost() {
        for (String uri : INTERNAL) {
            String clientId = "it-server-uris-" + UUID.randomUUID();
            Http.Response r = api.call("Clients/register", registrar, Map.of("ClientId", clientId, "BackChannelLogoutUri", uri));
            assertNamesTheRule(r, uri);
            assertEquals(404, api.call("Clients/info", registrar, Map.of("ClientId", clientId)).status(), "a refused register wrote a client");
        }
        // A public https host is fine, and is what Keycloak stores.
        JsonNode ok = api.register(registrar, Map.of("BackChannelLogoutUri", "https://logout.example.com/bc"));
        assertEquals("https://logout.example.com/bc", attribute(ok.get("clientId").asText(), "backchannel.logout.url"));
    }

    @Test
    void updateRefusesABackChannelLogoutUriOnAnInternalHost() {
        String clientId = api.register(registrar, Map.of("BackChannelLogoutUri", "https://logout.example.com/bc")).get("clientId").asText();
        for (String uri : INTERNAL) {
            assertNamesTheRule(api.call("Clients/update", registrar, Map.of("ClientId", clientId, "BackChannelLogoutUri", uri)), uri);
        }
        assertEquals("https://logout.example.com/bc", attribute(clientId, "backchannel.logout.url"), "a refused update changed the client");
    }

    @Test
    void noOtherUriTheServerCallsCanBeGivenByARegistrar() {
        // Keycloak also fetches a client's JWKS URL, sector identifier URI and admin URL; the IS4 model has none of them.
        for (String property : List.of("JwksUri", "jwks_uri", "JwksUrl", "SectorIdentifierUri", "AdminUrl", "ManagementUrl", "RootUrl", "Attributes")) {
            Http.Response r = api.call("Clients/register", registrar, Map.of(property, "https://127.0.0.1/x"));
            JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
            assertTrue(e.get("error_description").asText().contains(property), property + ": " + e);
        }
    }

    @Test
    void operatorSeedingMayNameAnInternalHost() {
        // The operator's trust: a seed input may point a back-channel logout at an internal service (a dry run here).
        Http.Response plan = kc.admin("POST", "/realms/creatio/identity-bridge/seed/plan", List.of(Map.of("ClientId",
                "it-server-uris-seeded-" + UUID.randomUUID(), "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials"), "BackChannelLogoutUri", "http://logout-service:8080/bc")));
        assertEquals(200, plan.status(), plan.body());
    }

    private static void assertNamesTheRule(Http.Response r, String uri) {
        JsonNode e = SecurityFixtures.error(r, 400, "invalid_request");
        String d = e.get("error_description").asText();
        assertTrue(d.contains("'BackChannelLogoutUri'") && d.contains("Keycloak calls this URI itself")
                && d.contains("--spi-identity-bridge--default--registration-allow-private-server-uris"), uri + " -> " + d);
    }

    private static String attribute(String clientId, String name) {
        JsonNode c = kc.admin("GET", "/realms/creatio/clients?clientId=" + clientId, null).json().get(0);
        return c.get("attributes").path(name).asText();
    }
}
