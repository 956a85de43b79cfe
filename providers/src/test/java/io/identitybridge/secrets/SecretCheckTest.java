package io.identitybridge.secrets;

import io.identitybridge.metrics.ClientAuthFailure;
import io.identitybridge.secrets.IdentityServerSecretAuthenticator.SecretCheck;
import io.identitybridge.vocabulary.SecretHashes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which reason a refused secret is counted under: the stored entries as ib.secrets holds them. */
class SecretCheckTest {

    private static final long PAST = 1_577_836_800L; // 2020-01-01
    private static final long FUTURE = 4_102_444_800L; // 2100-01-01

    private static String stored(String... entries) {
        return "[" + String.join(",", entries) + "]";
    }

    private static String entry(String secret, Long expires) {
        return "{\"hash\":\"" + SecretHashes.sha256(secret) + "\"" + (expires == null ? "" : ",\"expires\":" + expires) + "}";
    }

    @Test
    void aLiveMatchIsAMatchEvenBesideAnExpiredOne() {
        assertEquals(SecretCheck.MATCH, IdentityServerSecretAuthenticator.check(stored(entry("old", PAST), entry("new", null)), "new"));
        assertEquals(SecretCheck.MATCH, IdentityServerSecretAuthenticator.check(stored(entry("s", PAST), entry("s", FUTURE)), "s"));
        assertNull(SecretCheck.MATCH.failure);
    }

    @Test
    void onlyAnExpiredMatchIsAnExpiredSecret() {
        assertEquals(SecretCheck.EXPIRED, IdentityServerSecretAuthenticator.check(stored(entry("old", PAST), entry("new", FUTURE)), "old"));
        assertEquals(ClientAuthFailure.EXPIRED_SECRET, SecretCheck.EXPIRED.failure);
    }

    @Test
    void noMatchIsAWrongSecretAndNoSecretAMissingOne() {
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored(entry("new", null)), "guess"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(null, "guess"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check("not json", "guess"));
        assertEquals(SecretCheck.MISSING, IdentityServerSecretAuthenticator.check(stored(entry("new", null)), ""));
        assertEquals(SecretCheck.MISSING, IdentityServerSecretAuthenticator.check(stored(entry("new", null)), null));
        assertEquals(ClientAuthFailure.WRONG_SECRET, SecretCheck.WRONG.failure);
        assertEquals(ClientAuthFailure.MISSING_SECRET, SecretCheck.MISSING.failure);
    }

    @Test
    void aSha512HashMatchesAsASha256OneDoes() {
        String sha512 = "{\"hash\":\"" + SecretHashes.sha512("long") + "\"}";
        assertEquals(SecretCheck.MATCH, IdentityServerSecretAuthenticator.check(stored(entry("other", null), sha512), "long"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored(sha512), "other"));
    }

    @Test
    void anEntryWithoutAReadableHashMatchesNothing() {
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored("{\"expires\":" + FUTURE + "}"), "s"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored("{\"hash\":\"not base64!\"}"), "s"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored("{\"hash\":\"\"}"), "s"));
        assertEquals(SecretCheck.MATCH, IdentityServerSecretAuthenticator.check(stored("{\"hash\":\"\"}", entry("s", null)), "s"));
    }

    @Test
    void storedTextThatIsNoArrayOfEntriesMatchesNothing() {
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check("[]", "s"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check("null", "s"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check("\"" + SecretHashes.sha256("s") + "\"", "s"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(entry("s", null), "s"));
    }

    @Test
    void theSecretIsComparedAsGivenNeverTrimmedOrCaseFolded() {
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored(entry("Secret", null)), "secret"));
        assertEquals(SecretCheck.WRONG, IdentityServerSecretAuthenticator.check(stored(entry("secret", null)), " secret"));
    }
}
