package io.identitybridge.jsonbody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.vocabulary.Limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of one JSON object whose property names match case-insensitively, as ASP.NET binds them (Creatio
 * and IdentityServer4 send PascalCase, others camelCase). A problem names the property as the caller spelled it and
 * goes to the {@link Problems} the caller chose; a read that fails answers null (or the default). Every property read
 * is marked, so that {@link #rejectUnread} can refuse the rest: nothing in a body is ever silently ignored.
 */
public final class JsonBody {

    private final String path;
    private final ObjectNode object;
    private final Problems problems;
    private final Map<String, Map.Entry<String, JsonNode>> byKey = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    public JsonBody(ObjectNode object, Problems problems) {
        this("", object, problems);
    }

    private JsonBody(String path, ObjectNode object, Problems problems) {
        this.path = path;
        this.object = object;
        this.problems = problems;
        object.fields().forEachRemaining(e -> {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            Map.Entry<String, JsonNode> first = byKey.putIfAbsent(key, Map.entry(e.getKey(), e.getValue()));
            if (first != null) {
                problems.error(path + e.getKey(), Messages.sameProperty(path + first.getKey()));
            }
        });
    }

    /** An object inside this one (an array's item), read under {@code path} ("Secrets[0].") with the same problems. */
    public JsonBody nested(String path, ObjectNode node) {
        return new JsonBody(this.path + path, node, problems);
    }

    /** The object as sent, for readers that take it whole (the seed model behind Clients/register). */
    public ObjectNode node() {
        return object;
    }

    /** The ClientId or scope name, once known, so that later problems name it. */
    public void owner(String owner) {
        problems.owner(owner);
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

    /** A string of at most {@link Limits#TEXT} characters, see {@link #text(String, int)}. */
    public String text(String name) {
        return text(name, Limits.TEXT);
    }

    /** A string of at most {@code max} characters without control characters but tab and line breaks. */
    public String text(String name, int max) {
        return checked(name, max, false);
    }

    /** A string of at most {@code max} characters without any control character, as given (not stripped). */
    public String identifier(String name, int max) {
        return checked(name, max, true);
    }

    private String checked(String name, int max, boolean identifier) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            return fail(name, Messages.notA("a string", v));
        }
        String problem = Messages.textProblem(v.textValue(), max, identifier);
        return problem == null ? v.textValue() : fail(name, problem);
    }

    /** A non-blank identifier such as the ClientId of an API call, stripped, of at most {@link Limits#IDENTIFIER}. */
    public String requiredText(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            return raw(name) == null || v != null ? fail(name, Messages.missing()) : null;
        }
        String problem = Messages.textProblem(v.strip(), Limits.IDENTIFIER, true);
        return problem == null ? v.strip() : fail(name, problem);
    }

    public boolean bool(String name, boolean dflt) {
        JsonNode v = raw(name);
        if (v == null) {
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
    public int seconds(String name, int dflt, int max) {
        JsonNode v = raw(name);
        if (v == null) {
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
            // A lifetime is no secret, and its value is what tells the administrator what to fix.
            error(name, "is " + value + " s; it must be between 1 and " + max + " s");
            return dflt;
        }
        return (int) value;
    }

    /** An array of at most {@code maxItems} values, or null when absent (or refused). */
    public ArrayNode array(String name, int maxItems) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ArrayNode a)) {
            return fail(name, Messages.notA("an array", v));
        }
        return a.size() > maxItems ? fail(name, Messages.tooMany(a.size(), maxItems)) : a;
    }

    /**
     * An array of at most {@code maxItems} identifiers: non-blank strings of at most {@code maxLength} characters
     * without control characters, stripped. Empty when absent; a refused item is left out.
     */
    public List<String> strings(String name, int maxItems, int maxLength) {
        List<String> out = new ArrayList<>();
        ArrayNode v = array(name, maxItems);
        for (int i = 0; v != null && i < v.size(); i++) {
            JsonNode item = v.get(i);
            String field = name(name) + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                problems.error(field, Messages.notA("a non-empty string", item));
                continue;
            }
            String problem = Messages.textProblem(item.textValue().strip(), maxLength, true);
            if (problem != null) {
                problems.error(field, problem);
            } else {
                out.add(item.textValue().strip());
            }
        }
        return out;
    }

    public JsonBody object(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            return fail(name, Messages.notA("an object", v));
        }
        return new JsonBody(name(name) + ".", o, problems);
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

    /** Refuses every property nobody read, as "is not a known {@code what}". */
    public void rejectUnread(String what) {
        byKey.forEach((k, e) -> {
            if (!read.contains(k)) {
                problems.error(path + e.getKey(), Messages.unknown(what));
            }
        });
    }

    /** An API body: whatever no reader asked for is refused. */
    public void rejectUnread() {
        rejectUnread("property here");
    }

    /** The property's path as the caller spelled it, when given; else as we name it. */
    public String name(String property) {
        Map.Entry<String, JsonNode> given = byKey.get(property.toLowerCase(Locale.ROOT));
        return path + (given == null ? property : given.getKey());
    }

    /** A problem of {@code field} (a property, or a path under it such as "Claims[0].Type") beyond the typed reads. */
    public void error(String field, String message) {
        problems.error(name(field), message);
    }

    public void warning(String field, String message) {
        problems.warning(name(field), message);
    }

    private <T> T fail(String name, String message) {
        error(name, message);
        return null;
    }
}
