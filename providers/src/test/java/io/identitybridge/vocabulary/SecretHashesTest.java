package io.identitybridge.vocabulary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHashesTest {

    @Test
    void matchesIdentityServer4Sha256OfSecret() {
        // IdentityServer4's documented "secret".Sha256()
        assertEquals("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=", SecretHashes.sha256("secret"));
        assertTrue(SecretHashes.matches("secret", "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="));
        assertFalse(SecretHashes.matches("Secret", "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="));
    }

    @Test
    void sha512HashesAreRecognisedByLength() {
        String h = SecretHashes.sha512("another secret");
        assertTrue(SecretHashes.looksLikeHash(h));
        assertTrue(SecretHashes.matches("another secret", h));
        assertFalse(SecretHashes.looksLikeHash("plain text secret"));
        assertFalse(SecretHashes.matches("x", "%%not base64%%"));
    }

    @Test
    void theStoredFormOfOneSecretIsAnArrayWithItsSha256() {
        assertEquals("[{\"hash\":\"K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=\"}]", SecretHashes.storedForm("secret"));
    }
}
