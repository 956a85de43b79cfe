package io.identitybridge.audit;

import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a representation within what Keycloak's event table holds (its REPRESENTATION column is TEXT(25500), a bound
 * on H2): a larger one would fail the write it records. Too large, it keeps only its ids and says so.
 */
final class Representations {

    static final int MAX_CHARS = 16_000;

    private Representations() {
    }

    static Object bounded(Object representation) {
        if (representation == null) {
            return null;
        }
        try {
            if (JsonSerialization.writeValueAsString(representation).length() <= MAX_CHARS) {
                return representation;
            }
        } catch (IOException e) {
            // not serialisable as it is: shown by its ids only, below
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        if (representation instanceof Map<?, ?> m) {
            for (String key : new String[]{"id", "clientId", "name"}) {
                if (m.get(key) instanceof String s && s.length() <= 1000) {
                    kept.put(key, s);
                }
            }
        }
        kept.put("truncated", true);
        return kept;
    }
}
