package io.identitybridge.it;

import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.OnSharedServer;
import io.identitybridge.it.support.SecurityFixtures;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Keycloak's brute-force protection covers users, not clients. A loop of wrong secrets against one client is made
 * visible by one WARN line per minute and client, and never locks the client out: an attacker could otherwise lock
 * out Creatio's own system client.
 */
class WrongSecretLoopIT extends OnSharedServer {

    private static final String CLIENT = "WrongSecretLoopClient01";

    @Test
    void aWrongSecretLoopIsLoggedOnceAndNeverLocksTheClientOut() {
        SecurityFixtures.seed(kc, List.of(Map.of("ClientId", CLIENT, "Secrets", List.of(SecurityFixtures.SECRET),
                "AllowedGrantTypes", List.of("client_credentials"))));
        String wrong = "it-only-wrong-secret-" + KeycloakServer.randomSecret();
        for (int i = 0; i < 25; i++) {
            Http.Response r = api.tokenResponse(CLIENT, wrong, null);
            assertEquals(401, r.status(), r.body());
        }
        String line = "Client '" + CLIENT + "' of realm 'creatio': 20 wrong secrets within 60 s on this node.";
        String log = kc.log();
        assertEquals(1, log.lines().filter(l -> l.contains("WARN") && l.contains(line)).count(), "one WARN line for the loop: " + line);
        assertFalse(log.contains(wrong), "the wrong secret reached the log");
        assertEquals(200, api.tokenResponse(CLIENT, SecurityFixtures.SECRET, null).status(), "the client is never locked out");
    }
}
