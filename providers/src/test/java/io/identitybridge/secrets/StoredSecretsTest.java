package io.identitybridge.secrets;

import io.identitybridge.vocabulary.SecretHashes;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored secrets are read once per attribute text, the text is its own key, and the memo stays bounded. */
class StoredSecretsTest {

    private static String stored(String secret, Long expires) {
        return "[{\"hash\":\"" + SecretHashes.sha256(secret) + "\"" + (expires == null ? "" : ",\"expires\":" + expires) + "}]";
    }

    @Test
    void theSameTextIsReadOnceAndAnEditedTextIsReadAfresh() {
        String before = stored("memo-" + System.nanoTime(), null);
        List<StoredSecrets.Entry> first = StoredSecrets.of(before);
        assertSame(first, StoredSecrets.of(before));
        String after = stored("rotated-" + System.nanoTime(), 4_102_444_800L);
        List<StoredSecrets.Entry> edited = StoredSecrets.of(after);
        assertEquals(4_102_444_800L, edited.get(0).expires());
        assertArrayEquals(Base64.getDecoder().decode(after.substring(10, 54)), edited.get(0).hash());
    }

    @Test
    void entriesAreReadAsBefore() {
        assertEquals(0, StoredSecrets.read("[{\"expires\":1}]").get(0).hash().length, "no hash: nothing to match");
        assertNull(StoredSecrets.read("[{\"hash\":\"not base64!\"}]").get(0).hash());
        assertEquals(0L, StoredSecrets.read("[{\"hash\":\"\",\"expires\":\"soon\"}]").get(0).expires());
        assertTrue(StoredSecrets.read("not json").isEmpty());
    }

    @Test
    void theMemoNeverHoldsMoreThanItsBound() {
        for (int i = 0; i < StoredSecrets.MAX_MEMO + 10; i++) {
            StoredSecrets.of(stored("bound-" + i, null));
        }
        assertTrue(StoredSecrets.memoSize() <= StoredSecrets.MAX_MEMO, "memo of " + StoredSecrets.memoSize());
    }
}
