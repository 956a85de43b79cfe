package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A node's Creatio realm as a client sees it. */
public record ClusterNode(KeycloakProcess process) {

    public String realm() {
        return process.baseUrl() + "/realms/" + KeycloakServer.REALM;
    }

    public Http.Response tokenResponse(String clientId, String secret, String scope) {
        return Http.postForm(realm() + "/connect/token", scope == null ? Http.form("grant_type", "client_credentials")
                : Http.form("grant_type", "client_credentials", "scope", scope), clientId, secret);
    }

    public String token(String clientId, String secret, String scope) {
        Http.Response r = tokenResponse(clientId, secret, scope);
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    public Http.Response call(String path, String token, Object body) {
        return Http.sendJson("POST", realm() + "/" + path, token, body);
    }

    public JsonNode ok(String path, String token, Object body) {
        Http.Response r = call(path, token, body);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.json();
    }

    public Http.Response revoke(String token, String clientId, String secret) {
        return Http.postForm(realm() + "/connect/revocation", Http.form("token", token, "token_type_hint", "access_token"), clientId, secret);
    }

    public boolean introspect(String token, String clientId, String secret) {
        Http.Response r = Http.postForm(realm() + "/connect/introspect", Http.form("token", token), clientId, secret);
        assertEquals(200, r.status(), r.body());
        return r.json().get("active").asBoolean();
    }
}
