package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 "No identity through registration" (issue 19, finding 6): the Clients API never gives a client a claim
 * that .NET or OpenID Connect read as a user's identity or roles, on register or update; the operator's seed input may.
 */
class IdentityClaimsRuleIT extends OnSharedServer {

    private static final String REGISTRAR = "it-identity-claims-registrar";
    static final String MS_ROLE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    static final String XML_NAME_ID = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
    private static final List<String> IDENTITY_TYPES = List.of("role", "roles", "Role", "nameidentifier", "nameid", "unique_name",
            "name", "upn", "groups", MS_ROLE, XML_NAME_ID, "https://schemas.microsoft.com/identity/claims/objectidentifier");
    private static String registrar;

    @BeforeAll
    static void setUp() {
        registrar = seededRegistrar(REGISTRAR);
    }

    @Test
    void identityClaimsRefusedWithoutPrefixOnRegister() {
        for (String type : IDENTITY_TYPES) {
            for (Map<String, Object> unprefixed : List.<Map<String, Object>>of(Map.of("PrefixClientClaims", false), Map.of("ClientClaimsPrefix", ""))) {
                Map<String, Object> body = new HashMap<>(unprefixed);
                body.put("AlwaysSendClientClaims", true);
                body.put("Claims", List.of(Map.of("Type", "tier", "Value", "gold"), Map.of("Type", type, "Value", "Administrators")));
                JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar, body), 400, "invalid_request");
                String text = e.get("error_description").asText();
                assertTrue(text.contains("'Claims") && text.contains("'" + type + "'"), body + " -> " + e);
            }
        }
        // A prefix that spells a claim URI is no way round.
        JsonNode e = SecurityFixtures.error(api.call("Clients/register", registrar, Map.of("ClientClaimsPrefix",
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/", "Claims", List.of(Map.of("Type", "role", "Value", "Administrators")))),
                400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'" + MS_ROLE + "'"), e.toString());
        // With a prefix the same types are harmless: client_role is nobody's role.
        JsonNode ok = api.register(registrar, Map.of("AlwaysSendClientClaims", true, "Claims", List.of(Map.of("Type", "role", "Value", "Administrators"))));
        JsonNode claims = Http.jwtPayload(api.token(ok.get("clientId").asText(), ok.get("clientSecret").asText(), null));
        assertEquals("Administrators", claims.get("client_role").asText());
        assertNull(claims.get("role"));
    }

    @Test
    void identityClaimsRefusedWithoutPrefixOnUpdate() {
        // A prefix switched off (or emptied) later, over stored claims.
        JsonNode prefixed = api.register(registrar, Map.of("AlwaysSendClientClaims", true,
                "Claims", List.of(Map.of("Type", "role", "Value", "Administrators"))));
        String first = prefixed.get("clientId").asText();
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("PrefixClientClaims", false), Map.of("ClientClaimsPrefix", ""),
                Map.of("ClientClaimsPrefix", "http://schemas.microsoft.com/ws/2008/06/identity/claims/"))) {
            JsonNode e = refused(first, change);
            assertTrue(e.get("error_description").asText().contains("identity or roles"), change + " -> " + e);
        }
        JsonNode claims = Http.jwtPayload(api.token(first, prefixed.get("clientSecret").asText(), null));
        assertEquals("Administrators", claims.get("client_role").asText(), "the refused updates changed nothing");
        assertNull(claims.get("role"));

        // Claims added later to a client without a prefix.
        JsonNode bare = api.register(registrar, Map.of("PrefixClientClaims", false, "AlwaysSendClientClaims", true,
                "Claims", List.of(Map.of("Type", "tier", "Value", "gold"))));
        String second = bare.get("clientId").asText();
        for (String type : List.of("role", "roles", MS_ROLE, XML_NAME_ID)) {
            JsonNode e = refused(second, Map.of("Claims", List.of(Map.of("Type", type, "Value", "Administrators"))));
            assertTrue(e.get("error_description").asText().contains("'" + type + "'"), type + " -> " + e);
        }
        // A harmless claim is still accepted, and the client's prefix stays off (stored as no prefix attribute at all).
        api.ok("Clients/update", registrar, Map.of("ClientId", second, "Claims", List.of(Map.of("Type", "tier", "Value", "silver"))));
        claims = Http.jwtPayload(api.token(second, bare.get("clientSecret").asText(), null));
        assertEquals("silver", claims.get("tier").asText());
        assertNull(claims.get("client_tier"));
        assertNull(claims.get("role"));
        assertNull(claims.get(MS_ROLE));
    }

    @Test
    void identityClaimsMayStillBeSeededByTheOperator() {
        String clientId = "it-identity-claims-seeded-" + UUID.randomUUID();
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", clientId, "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials"), "PrefixClientClaims", false, "AlwaysSendClientClaims", true,
                "Claims", List.of(Map.of("Type", "role", "Value", "Operators"), Map.of("Type", MS_ROLE, "Value", "Operators"),
                        Map.of("Type", XML_NAME_ID, "Value", "operator-1")))));
        JsonNode claims = Http.jwtPayload(api.token(clientId, SecurityFixtures.SECRET, null));
        assertEquals("Operators", claims.get("role").asText());
        assertEquals("Operators", claims.get(MS_ROLE).asText());
        assertEquals("operator-1", claims.get(XML_NAME_ID).asText());
        assertFalse(claims.has("client_role"));
    }

    private static JsonNode refused(String app, Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(change);
        body.put("ClientId", app);
        JsonNode e = SecurityFixtures.error(api.call("Clients/update", registrar, body), 400, "invalid_request");
        assertTrue(e.get("error_description").asText().contains("'Claims"), change + " -> " + e);
        return e;
    }
}
