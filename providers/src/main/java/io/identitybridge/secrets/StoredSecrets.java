package io.identitybridge.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.spi.BoundedMemo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A client's {@code ib.secrets} attribute as the authenticator reads it: per entry the decoded hash (null when it is
 * no base64) and the expiry (null when absent). Read once per distinct attribute text, not once per token: the JSON
 * read was a third of what our authenticator added to a token. The text is its own key, so an edited attribute is a
 * new entry, never a stale one; it holds the hashes the realm's client cache already holds, never a secret.
 */
final class StoredSecrets {

    /** One stored secret: its hash bytes, or null when unreadable, and its expiry in epoch seconds, or null. */
    record Entry(byte[] hash, Long expires) {
    }

    /** Beyond it the memo starts over: a realm of many clients costs a read per client again, never unbounded memory. */
    static final int MAX_MEMO = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Entry> UNREADABLE = List.of();
    private static final BoundedMemo<String, List<Entry>> MEMO = new BoundedMemo<>(MAX_MEMO, StoredSecrets::read);

    private StoredSecrets() {
    }

    /** The entries of a non-null attribute text; none when it is no JSON. */
    static List<Entry> of(String stored) {
        return MEMO.get(stored);
    }

    /** As the authenticator read each entry before: {@code hash} as text (else ""), {@code expires} as a long if present. */
    static List<Entry> read(String stored) {
        JsonNode json;
        try {
            json = JSON.readTree(stored);
        } catch (IOException e) {
            return UNREADABLE;
        }
        if (json == null) {
            return UNREADABLE;
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : json) {
            entries.add(new Entry(decode(entry.path("hash").asText("")), entry.has("expires") ? entry.get("expires").asLong() : null));
        }
        return List.copyOf(entries);
    }

    static int memoSize() {
        return MEMO.size();
    }

    private static byte[] decode(String hash) {
        try {
            return Base64.getDecoder().decode(hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
