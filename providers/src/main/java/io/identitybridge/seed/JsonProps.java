package io.identitybridge.seed;

import io.identitybridge.vocabulary.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed, case-insensitive reading of one input object (ASP.NET binds PascalCase and camelCase alike). Every property
 * read is marked; {@link #unread()} lists the rest, so nothing in the input is ever silently ignored.
 */
final class JsonProps {

    private final Map<String, Map.Entry<String, JsonNode>> byLowerName = new LinkedHashMap<>();
    private final Map<String, Boolean> read = new LinkedHashMap<>();
    private final String kind;
    private final int index;
    private final List<Problem> problems;
    private String owner;

    JsonProps(String kind, ObjectNode object, int index, List<Problem> problems) {
        this.kind = kind;
        this.index = index;
        this.problems = problems;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (byLowerName.containsKey(lower)) {
                error(e.getKey(), "is given twice (names are case-insensitive)");
            }
            byLowerName.put(lower, e);
        }
    }

    /** The ClientId or scope name, once known, so that later problems name it. */
    void owner(String owner) {
        this.owner = owner;
    }

    boolean has(String name) {
        JsonNode v = raw(name);
        return v != null && !v.isNull();
    }

    JsonNode raw(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        read.put(lower, true);
        Map.Entry<String, JsonNode> e = byLowerName.get(lower);
        return e == null ? null : e.getValue();
    }

    String string(String name) {
        JsonNode v = raw(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        if (v.asText().indexOf('\u0000') >= 0) {
            error(name, "contains a NUL character");
            return null;
        }
        return v.asText();
    }

    /** A string that Keycloak stores in a column of {@code max} characters. */
    String string(String name, int max) {
        String v = string(name);
        if (v != null && v.length() > max) {
            error(name, "is " + v.length() + " characters long; at most " + max + " fit");
            return null;
        }
        return v;
    }

    /** An identifier: at most {@code max} characters, and no control characters at all. */
    String identifier(String name, int max) {
        String v = string(name, max);
        if (v != null && hasControl(v)) {
            error(name, "contains a control character");
            return null;
        }
        return v;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    boolean bool(String name, boolean dflt) {
        JsonNode v = raw(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        error(name, "must be true or false");
        return dflt;
    }

    /** A lifetime in seconds: a whole number from 1 to {@code max}. */
    int seconds(String name, int dflt, int max) {
        JsonNode v = raw(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        long value;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            value = v.asLong();
        } else if (v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
            value = Long.parseLong(v.asText().strip());
        } else {
            error(name, "must be a whole number of seconds");
            return dflt;
        }
        if (value < 1 || value > max) {
            error(name, "is " + value + " s; it must be between 1 and " + max + " s");
            return dflt;
        }
        return (int) value;
    }

    /** A list of identifiers (no control characters), each of at most {@code maxLength}, at most {@code maxItems} of them. */
    List<String> strings(String name, int maxItems, int maxLength) {
        JsonNode v = raw(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(name, "must be an array of strings");
            return out;
        }
        if (v.size() > maxItems) {
            error(name, "has " + v.size() + " entries; at most " + maxItems + " are accepted");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            String item = v.get(i).isTextual() ? v.get(i).asText() : null;
            if (item == null) {
                error(name + "[" + i + "]", "must be a string");
            } else if (item.length() > maxLength) {
                error(name + "[" + i + "]", "is " + item.length() + " characters long; at most " + maxLength + " fit");
            } else if (hasControl(item)) {
                error(name + "[" + i + "]", "contains a control character");
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** Property names present in the input that nobody read. */
    List<String> unread() {
        List<String> out = new ArrayList<>();
        byLowerName.forEach((lower, e) -> {
            if (!read.containsKey(lower)) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    void error(String field, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, kind, index, owner, field, message));
    }

    void warning(String field, String message) {
        problems.add(new Problem(Problem.Severity.WARNING, kind, index, owner, field, message));
    }
}
