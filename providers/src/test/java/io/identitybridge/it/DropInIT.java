package io.identitybridge.it;

import io.identitybridge.it.support.DropInInstall;
import io.identitybridge.it.support.Http;
import io.identitybridge.it.support.Install;
import io.identitybridge.it.support.KeycloakProcess;
import io.identitybridge.it.support.TestDatabase;
import io.identitybridge.it.support.KeycloakServer;
import io.identitybridge.it.support.RealKeycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Installing as a user would: jar and realm file into a fresh stock Keycloak, {@code kc.sh build},
 * {@code kc.sh start --optimized --import-realm}. Its discovery document must equal the suite server's.
 */
@ExtendWith(RealKeycloak.class)
class DropInIT {

    @Test
    void dropInInstallServesTheSameDiscoveryDocument(KeycloakServer suite) {
        // The drop-in server is on its own dev database whatever the suite runs on: once, in the H2 pass, is enough.
        assumeTrue(!TestDatabase.suiteOnPostgres(), "runs once, in the H2 pass");
        DropInInstall install = DropInInstall.shared();
        try (KeycloakProcess kc = KeycloakProcess.launch(install.home(), DropInInstall.startArgs(), Map.of(),
                Install.workDir().resolve("drop-in/start.log")).awaitReady()) {
            String dropInRealm = kc.baseUrl() + "/realms/creatio";
            Http.Response r = Http.get(dropInRealm + "/.well-known/openid-configuration", null);
            assertEquals(200, r.status(), kc.logTail());
            assertEquals(dropInRealm, r.json().get("issuer").asText());

            JsonNode expected = normalized(suite.initialDiscovery(), suite.baseUrl());
            JsonNode actual = normalized(r.body(), kc.baseUrl());
            assertEquals(expected, actual);
        }
    }

    /**
     * The two servers differ only in their port, and Keycloak lists scopes in no fixed order,
     * so compare with the origin replaced and every list sorted.
     */
    private static JsonNode normalized(String document, String origin) {
        try {
            return sorted(Http.JSON.readTree(document.replace(origin, "http://BASE")));
        } catch (Exception e) {
            throw new AssertionError("discovery is not JSON: " + document, e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = Http.JSON.createArrayNode();
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(sorted(n)));
            items.sort(Comparator.comparing(JsonNode::toString));
            copy.addAll(items);
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = Http.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), sorted(e.getValue())));
            return copy;
        }
        return node;
    }
}
