package io.identitybridge.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.idsapi.ApiError;
import io.identitybridge.idsapi.Props;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The three OwnedResources bodies of SPEC §4, read and checked without touching the realm. */
public final class ResourceRequests {

    /** RFC 6749 scope-token: the name travels in the {@code scope} parameter and the token's scope claim. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    static final int MAX_ITEMS = 1000;

    public record Register(String name, String displayName, String type, Long expiresAt, String propertiesJson,
                           List<String> grantees) {
    }

    public record ListQuery(String type, List<String> customerIds, String clientId) {
    }

    private ResourceRequests() {
    }

    public static Register register(Props body, long nowMillis) {
        Props info = body.requiredObject("ResourceInfo");
        String name = info.requiredText("Name");
        if (!SCOPE_TOKEN.matcher(name).matches()) {
            throw ApiError.badRequest("'ResourceInfo.Name' must be 1 to 255 printable ASCII characters without spaces,"
                    + " quotes or backslashes, since it becomes an OAuth scope");
        }
        String displayName = limit(info.text("DisplayName"), "ResourceInfo.DisplayName", 255);
        Props properties = info.object("Properties");
        String type = null;
        Long expiresAt = null;
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        if (properties != null) {
            for (Map.Entry<String, JsonNode> e : properties.all().entrySet()) {
                if (!e.getValue().isTextual() && !e.getValue().isNull()) {
                    throw ApiError.badRequest("'ResourceInfo.Properties." + e.getKey() + "' must be a string");
                }
                stored.set(e.getKey(), e.getValue());
            }
            type = limit(properties.text("Type"), "ResourceInfo.Properties.Type", 255);
            String expiration = properties.text("ExpirationDate");
            if (expiration != null) {
                expiresAt = parseInstant(expiration, "ResourceInfo.Properties.ExpirationDate").toEpochMilli();
                if (expiresAt <= nowMillis) {
                    throw ApiError.badRequest("'ResourceInfo.Properties.ExpirationDate' " + expiration + " is in the past");
                }
            }
        }
        info.rejectUnread();
        List<String> grantees = body.texts("GranteeClientIds");
        if (grantees == null || grantees.isEmpty()) {
            throw ApiError.badRequest("'GranteeClientIds' is missing; name at least one client that may request the resource");
        }
        body.rejectUnread();
        if (stored.toString().length() > 16 * 1024) {
            throw ApiError.badRequest("'ResourceInfo.Properties' is larger than 16 KiB");
        }
        return new Register(name, displayName, type, expiresAt, stored.toString(), distinct(grantees, "GranteeClientIds"));
    }

    public static ListQuery list(Props body) {
        return selector(body, body.text("Type"));
    }

    /** {@code Clients/find} has the same selectors without Type. */
    public static ListQuery find(Props body) {
        return selector(body, null);
    }

    private static ListQuery selector(Props body, String type) {
        List<String> customerIds = body.texts("CustomerIds");
        String clientId = body.text("ClientId");
        body.rejectUnread();
        requireOne(customerIds, clientId);
        return new ListQuery(type, customerIds == null ? List.of() : distinct(customerIds, "CustomerIds"), blankToNull(clientId));
    }

    public static List<String> delete(Props body) {
        List<String> names = body.texts("Resources");
        body.rejectUnread();
        if (names == null) {
            throw ApiError.badRequest("'Resources' is missing; give the names of the resources to delete");
        }
        return distinct(names, "Resources");
    }

    /** ISO-8601; a time without offset is UTC, as .NET writes a UTC DateTime of unspecified kind. */
    static Instant parseInstant(String text, String field) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest("'" + field + "' '" + (t.length() > 64 ? t.substring(0, 64) + "..." : t) + "' is not an ISO-8601 date and time"
                        + " such as 2026-12-31T23:59:59Z");
            }
        }
    }

    private static void requireOne(List<String> customerIds, String clientId) {
        if ((customerIds == null || customerIds.isEmpty()) && (clientId == null || clientId.isBlank())) {
            throw ApiError.badRequest("give 'CustomerIds' or 'ClientId' (or both)");
        }
    }

    private static List<String> distinct(List<String> items, String field) {
        if (items.size() > MAX_ITEMS) {
            throw ApiError.badRequest("'" + field + "' has " + items.size() + " items; at most " + MAX_ITEMS + " are accepted");
        }
        return new ArrayList<>(new LinkedHashSet<>(items));
    }

    private static String limit(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiError.badRequest("'" + field + "' is longer than " + max + " characters");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
