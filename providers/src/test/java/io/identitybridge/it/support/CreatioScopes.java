package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eleven scopes of Creatio's system client: the eight of seed 000 §8 and the three Creatio 8.2.1+ adds (SPEC §4),
 * as the realm file must define them.
 */
public final class CreatioScopes {

    public static final List<String> ALL = List.of(
            "register_own_resource", "get_resource_list", "get_client_info", "find_clients",
            "remove_client", "update_client", "add_registrar_client", "IdentityServerApi",
            "generate_auth_code", "revoke_client_tokens", "get_service_info");

    private CreatioScopes() {
    }

    /**
     * The realm's discovery document, checked as Creatio needs it: its issuer is the URL it was fetched from (IdentityModel's
     * discovery policy rejects any other) and it lists every one of these scopes.
     */
    public static JsonNode discovered(String realmUrl) {
        Http.Response r = Http.get(realmUrl + "/.well-known/openid-configuration", null);
        assertEquals(200, r.status());
        JsonNode doc = r.json();
        assertEquals(realmUrl, doc.get("issuer").asText());
        Set<String> scopes = new HashSet<>();
        doc.get("scopes_supported").forEach(s -> scopes.add(s.asText()));
        assertTrue(scopes.containsAll(ALL), "scopes_supported " + scopes + " lacks some of " + ALL);
        return doc;
    }
}
