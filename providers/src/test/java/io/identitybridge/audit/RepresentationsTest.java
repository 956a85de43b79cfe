package io.identitybridge.audit;

import io.identitybridge.vocabulary.ClientFields;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class RepresentationsTest {

    @Test
    void aRepresentationWithinTheBoundIsKeptAsItIs() {
        Map<String, Object> small = Map.of("id", "1", "clientId", "c");
        assertSame(small, Representations.bounded(small));
    }

    @Test
    void aRepresentationOverTheBoundKeepsOnlyItsIds() {
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("id", "1");
        big.put("clientId", "c");
        big.put("redirectUris", List.of("https://example.test/" + "x".repeat(Representations.MAX_CHARS)));
        assertEquals(Map.of("id", "1", "clientId", "c", "truncated", true), Representations.bounded(big));
    }

    @Test
    void noAttributeHoldingSecretsOrFreeFormPropertiesIsShown() {
        for (String hidden : List.of(ClientFields.ATTR_SECRETS, ClientFields.ATTR_PROPERTIES, "client.secret.creation.time")) {
            assertFalse(RedactedClient.SHOWN_ATTRIBUTES.contains(hidden), hidden);
        }
        RedactedClient.SHOWN_ATTRIBUTES.forEach(a -> assertFalse(a.toLowerCase().contains("secret"), a));
    }
}
