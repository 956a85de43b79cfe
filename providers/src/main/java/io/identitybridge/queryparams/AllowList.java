package io.identitybridge.queryparams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A client's allow-list of extra authorize parameters, read from the client attribute
 * {@value #ATTRIBUTE}. The seeder writes a sorted JSON array; an operator may also type
 * {@code a, b}, or paste Creatio's JSON string holding an array.
 */
public final class AllowList {

    public static final String ATTRIBUTE = ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lower-cased name to the spelling in the list: ASP.NET, and so the old service, matched names ignoring case. */
    private final Map<String, String> names;
    private final boolean valid;

    private AllowList(Map<String, String> names, boolean valid) {
        this.names = names;
        this.valid = valid;
    }

    /** The client's allow-list; empty when it has none. */
    public static Optional<AllowList> of(ClientModel client) {
        return parse(client.getAttribute(ATTRIBUTE));
    }

    /** Empty when the client has no allow-list, so that Keycloak's own behaviour applies to it. */
    public static Optional<AllowList> parse(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return Optional.empty();
        }
        String text = attribute.trim();
        try {
            if (text.startsWith("\"")) {
                text = JSON.readTree(text).asText().trim();
            }
            Map<String, String> names = new LinkedHashMap<>();
            if (text.startsWith("[")) {
                for (JsonNode n : JSON.readTree(text)) {
                    if (!add(names, n.isTextual() ? n.asText() : "")) {
                        return Optional.of(invalid());
                    }
                }
            } else {
                for (String part : text.split("[,\\s]+")) {
                    if (!part.isEmpty() && !add(names, part)) {
                        return Optional.of(invalid());
                    }
                }
            }
            return Optional.of(new AllowList(Collections.unmodifiableMap(names), true));
        } catch (JsonProcessingException e) {
            return Optional.of(invalid());
        }
    }

    private static boolean add(Map<String, String> names, String name) {
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        return true;
    }

    /** A malformed attribute allows nothing: a typo must never open the authorize endpoint up. */
    private static AllowList invalid() {
        return new AllowList(Map.of(), false);
    }

    /** The list's spelling of {@code name}, or null when it is not allowed. */
    public String canonical(String name) {
        return name == null ? null : names.get(name.toLowerCase(Locale.ROOT));
    }

    public Set<String> names() {
        return Set.copyOf(names.values());
    }

    public boolean isValid() {
        return valid;
    }
}
