package io.identitybridge.it;

import io.identitybridge.it.support.CreatioScopes;
import io.identitybridge.it.support.Install;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.List;

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
        CreatioScopes.discovered(KEYCLOAK.getAuthServerUrl() + "/realms/creatio");
    }
}
