package io.identitybridge.jsonbody;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;

/**
 * Case-insensitive property lookup, as ASP.NET's configuration binding does it, for code that looks at a JSON object
 * before (or instead of) reading it with {@link JsonBody}: the input's outer forms, a body being rewritten.
 */
public final class JsonKeys {

    private JsonKeys() {
    }

    /** The property's name as sent (the first that matches), or null. */
    public static String key(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /** The property's value, or null when it is absent. */
    public static JsonNode get(JsonNode object, String name) {
        String key = key(object, name);
        return key == null ? null : object.get(key);
    }

    /** The name to write the property under: the caller's own spelling when it is there, so no second key appears. */
    public static String keyOr(JsonNode object, String name) {
        String key = key(object, name);
        return key == null ? name : key;
    }
}
