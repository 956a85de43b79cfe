package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check Creatio's guide gives: {@code [Identity Service URL]/.well-known/openid-configuration}. */
@ExtendWith(RealKeycloak.class)
class DiscoveryIT {

    @Test
    void discoveryIssuerIsTheBaseUrlAndListsEveryCreatioScope(KeycloakServer kc) {
        JsonNode doc = CreatioScopes.discovered(kc.realmUrl());
        assertEquals(kc.realmUrl() + "/protocol/openid-connect/token", doc.get("token_endpoint").asText());
    }

    @Test
    void realmImportAppliesSeedDefaultsPlaceholdersAndTheme(KeycloakServer kc) {
        JsonNode realm = kc.admin("GET", "/realms/" + KeycloakServer.REALM, null).json();
        // ${IB_REALM_DISPLAY_NAME:...} is unset here, so Keycloak's import falls back to the default.
        assertEquals("Creatio Identity Service", realm.get("displayName").asText());
        assertEquals("external", realm.get("sslRequired").asText());
        assertEquals("creatio", realm.get("loginTheme").asText());
        // IdentityServer4 defaults: AccessTokenLifetime 3600 s, AuthorizationCodeLifetime 300 s.
        assertEquals(3600, realm.get("accessTokenLifespan").asInt());
        assertEquals(300, realm.get("accessCodeLifespan").asInt());
        // The realm file names its own scopes; Keycloak's built-in ones must still be there.
        Set<String> names = new HashSet<>();
        kc.admin("GET", "/realms/" + KeycloakServer.REALM + "/client-scopes", null).json()
                .forEach(s -> names.add(s.get("name").asText()));
        assertTrue(names.containsAll(Set.of("profile", "email", "roles", "basic", "offline_access")), names.toString());
    }

    @Test
    void loginPageRendersWithTheCreatioTheme(KeycloakServer kc) {
        Http.Response page = Http.get(kc.realmUrl() + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&redirect_uri=" + kc.realmUrl() + "/account/"
                // account-console requires PKCE; any well-formed S256 challenge will do for showing the page.
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", null);
        assertEquals(200, page.status(), page.raw().headers().firstValue("Location").orElse(""));
        assertTrue(page.body().contains("/resources/") && page.body().contains("/login/creatio/css/creatio.css"),
                "login page does not load the creatio stylesheet");
    }
}
