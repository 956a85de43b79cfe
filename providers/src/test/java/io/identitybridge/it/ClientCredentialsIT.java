package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A confidential integration client with the Creatio scopes as optional scopes, on Keycloak's native endpoint. */
@ExtendWith(RealKeycloak.class)
class ClientCredentialsIT {

    private static final String CLIENT_ID = "it-foundation-integration";
    private static String secret;
    private static String tokenUrl;

    @BeforeAll
    static void createClient(KeycloakServer kc) {
        secret = kc.createServiceClient(CLIENT_ID, CreatioScopes.ALL);
        tokenUrl = kc.realmUrl() + "/protocol/openid-connect/token";
    }

    @Test
    void tokenScopeHoldsExactlyTheAskedSubset() {
        JsonNode token = grant("register_own_resource IdentityServerApi");
        assertEquals(Set.of("register_own_resource", "IdentityServerApi"), scopes(token.get("scope").asText()));
        JsonNode claims = Http.jwtPayload(token.get("access_token").asText());
        assertEquals(Set.of("register_own_resource", "IdentityServerApi"), scopes(claims.get("scope").asText()));
        assertEquals(CLIENT_ID, claims.get("azp").asText());
        assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    void tokenScopeHoldsAllEightWhenAllAreAsked() {
        JsonNode token = grant(String.join(" ", CreatioScopes.ALL));
        assertEquals(Set.copyOf(CreatioScopes.ALL), scopes(token.get("scope").asText()));
    }

    @Test
    void aScopeTheClientDoesNotHaveIsRefused() {
        Http.Response r = Http.postForm(tokenUrl,
                Http.form("grant_type", "client_credentials", "scope", "register_own_resource no_such_scope"), CLIENT_ID, secret);
        assertEquals(400, r.status());
        assertEquals("invalid_scope", r.json().get("error").asText());
    }

    @Test
    void aWrongSecretIsUnauthorized() {
        Http.Response r = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials"), CLIENT_ID, "not-the-secret");
        assertEquals(401, r.status());
        assertEquals("unauthorized_client", r.json().get("error").asText());
    }

    private static JsonNode grant(String scope) {
        Http.Response r = Http.postForm(tokenUrl, Http.form("grant_type", "client_credentials", "scope", scope), CLIENT_ID, secret);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static Set<String> scopes(String spaceSeparated) {
        return Set.copyOf(List.of(spaceSeparated.trim().split("\\s+")));
    }
}
