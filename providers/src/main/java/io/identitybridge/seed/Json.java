package io.identitybridge.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Canonical JSON text for list-valued fields, so that equal sets compare equal as strings. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String sortedArray(Collection<String> values) {
        return array(List.copyOf(new TreeSet<>(values)));
    }

    /** The strings of a JSON array text; null or empty is none. */
    static List<String> list(String jsonArray) {
        if (jsonArray == null || jsonArray.isEmpty()) {
            return List.of();
        }
        try {
            return Arrays.asList(MAPPER.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String array(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
