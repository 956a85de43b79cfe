package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Creatio-like caller of the Identity Service API: tokens from /connect/token, JSON POSTs under the base URL. */
public final class IdsApi {

    public static final String SYSTEM_CLIENT = "CreatioSystemClient01";
    /** The seed 00 fixture's test-only secret of the system client. */
    public static final String SYSTEM_SECRET = "it-only-secret-0123456789abcdefghijklmnop";

    private final KeycloakServer kc;

    public IdsApi(KeycloakServer kc) {
        this.kc = kc;
    }

    public Http.Response tokenResponse(String clientId, String secret, String scope) {
        return Http.postForm(kc.realmUrl() + "/connect/token",
                scope == null ? Http.form("grant_type", "client_credentials") : Http.form("grant_type", "client_credentials", "scope", scope),
                clientId, secret);
    }

    public String token(String clientId, String secret, String scope) {
        Http.Response r = tokenResponse(clientId, secret, scope);
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    /** POSTs a body (a JSON string as is, or an object to serialise) to e.g. "OwnedResources/register". */
    public Http.Response call(String path, String token, Object body) {
        return Http.sendJson("POST", kc.realmUrl() + "/" + path, token, body);
    }

    public JsonNode ok(String path, String token, Object body) {
        Http.Response r = call(path, token, body);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.json();
    }

    /** The realm's client scope names, from the admin API. */
    public List<String> clientScopeNames() {
        List<String> names = new ArrayList<>();
        kc.admin("GET", "/realms/creatio/client-scopes", null).json().forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    /** Registers a client_credentials client through Clients/register; returns {clientId, clientSecret, ...}. */
    public JsonNode register(String registrarToken, Map<String, Object> body) {
        return ok("Clients/register", registrarToken, body);
    }
}
