package io.identitybridge.it;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation scenario on the official image, for users who have Docker. Without a Docker engine it is
 * skipped; the real-distribution tests are the ones CI relies on.
 */
@Testcontainers(disabledWithoutDocker = true)
class OfficialImageIT {

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("ib.keycloak.version"))
            .withProviderLibsFrom(List.of(Install.providerJar().toFile()))
            .withRealmImportFile("realm-import/creatio-realm.json");

    @Test
    void discoveryMatchesOnTheOfficialImage() {
        String realmUrl = KEYCLOAK.getAuthServerUrl() + "/realms/creatio";
        Http.Response r = Http.get(realmUrl + "/.well-known/openid-configuration", null);
        assertEquals(200, r.status());
        assertEquals(realmUrl, r.json().get("issuer").asText());
        Set<String> scopes = new HashSet<>();
        r.json().get("scopes_supported").forEach(s -> scopes.add(s.asText()));
        assertTrue(scopes.containsAll(CreatioScopes.ALL), scopes.toString());
    }
}
