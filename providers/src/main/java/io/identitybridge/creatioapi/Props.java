package io.identitybridge.creatioapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object whose property names match case-insensitively, as ASP.NET Core binds them: Creatio sends PascalCase.
 * Every read names the property in its error, and {@link #rejectUnread()} refuses properties nobody asked for.
 */
public final class Props {

    /** Identifiers (client ids, customer ids, resource names) are stored in columns of 255 characters. */
    public static final int MAX_IDENTIFIER = 255;
    public static final int MAX_TEXT = 4000;

    private final String path;
    private final ObjectNode object;
    private final Map<String, Map.Entry<String, JsonNode>> byKey = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    Props(String path, ObjectNode object) {
        this.path = path;
        this.object = object;
        object.fields().forEachRemaining(e -> {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (byKey.putIfAbsent(key, Map.entry(e.getKey(), e.getValue())) != null) {
                throw ApiError.badRequest("'" + path + byKey.get(key).getKey() + "' and '" + path + e.getKey() + "' are the same property; give it once");
            }
        });
    }

    /** The object as sent, for readers that do their own case-insensitive matching (the seed model). */
    public ObjectNode node() {
        return object;
    }

    /** The value, or null when the property is absent or JSON null. */
    public JsonNode raw(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        read.add(key);
        Map.Entry<String, JsonNode> e = byKey.get(key);
        return e == null || e.getValue().isNull() ? null : e.getValue();
    }

    public boolean has(String name) {
        return raw(name) != null;
    }

    /** A string of at most {@link #MAX_TEXT} characters without NUL or other control characters but tab and line breaks. */
    public String text(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("'" + name(name) + "' must be a string, not " + kind(v));
        }
        String text = v.textValue();
        if (text.length() > MAX_TEXT) {
            throw ApiError.badRequest("'" + name(name) + "' is longer than " + MAX_TEXT + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
            throw ApiError.badRequest("'" + name(name) + "' contains a control character");
        }
        if (hasLoneSurrogate(text)) {
            // A JSON \\uD800 escape without its pair: no UTF-8 database column can hold it.
            throw ApiError.badRequest("'" + name(name) + "' contains an unpaired UTF-16 surrogate, which is not a character");
        }
        return text;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** An identifier such as a ClientId: at most {@link #MAX_IDENTIFIER} characters, no control characters. */
    public String requiredText(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("'" + name(name) + "' is missing");
        }
        return identifier(name(name), v.strip());
    }

    static String identifier(String name, String v) {
        if (v.length() > MAX_IDENTIFIER) {
            throw ApiError.badRequest("'" + name + "' is longer than " + MAX_IDENTIFIER + " characters");
        }
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.badRequest("'" + name + "' contains a control character");
        }
        return v;
    }

    /** A list of at most {@code maxItems} identifiers (non-blank, see {@link #requiredText}), or null when absent. */
    public List<String> texts(String name, int maxItems) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiError.badRequest("'" + name(name) + "' must be an array of strings, not " + kind(v));
        }
        if (v.size() > maxItems) {
            throw ApiError.badRequest("'" + name(name) + "' has " + v.size() + " items; at most " + maxItems + " are accepted");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw ApiError.badRequest("'" + name(name) + "[" + i + "]' must be a non-empty string, not " + kind(item));
            }
            out.add(identifier(name(name) + "[" + i + "]", item.textValue().strip()));
        }
        return out;
    }

    public Props object(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            throw ApiError.badRequest("'" + name(name) + "' must be an object, not " + kind(v));
        }
        return new Props(name(name) + ".", o);
    }

    public Props requiredObject(String name) {
        Props p = object(name);
        if (p == null) {
            throw ApiError.badRequest("'" + name(name) + "' is missing");
        }
        return p;
    }

    /** Every property as given, for free-form maps such as a resource's Properties. */
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        byKey.forEach((k, e) -> {
            read.add(k);
            out.put(e.getKey(), e.getValue());
        });
        return out;
    }

    public void rejectUnread() {
        for (Map.Entry<String, Map.Entry<String, JsonNode>> e : byKey.entrySet()) {
            if (!read.contains(e.getKey())) {
                throw ApiError.badRequest("'" + name(e.getValue().getKey()) + "' is not a known property here");
            }
        }
    }

    /** The property's path as the caller spelled it, when given; else as we name it. */
    public String name(String property) {
        Map.Entry<String, JsonNode> given = byKey.get(property.toLowerCase(Locale.ROOT));
        return path + (given == null ? property : given.getKey());
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
