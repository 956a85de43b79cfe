package io.identitybridge.creatioapi.ownedresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.creatioapi.ApiScopes;
import io.identitybridge.creatioapi.ClientSelector;
import io.identitybridge.vocabulary.Limits;
import io.identitybridge.jsonbody.JsonBody;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The OwnedResources request bodies (register, update, grant, list, delete), read and checked without touching the realm. */
public final class ResourceRequests {

    /** RFC 6749 scope-token: the name travels in the {@code scope} parameter and the token's scope claim. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    /**
     * Scope names that OpenID Connect, Keycloak or this bundle define: a resource under such a name would change what
     * every token of its grantees means (an {@code openid} resource made each one an OpenID Connect request).
     */
    static final Set<String> RESERVED_NAMES = reservedNames();

    public record Register(String name, String displayName, String type, Long expiresAt, String propertiesJson,
                           List<String> grantees) {
    }

    public record ListQuery(String type, List<String> customerIds, String clientId) {
    }

    private ResourceRequests() {
    }

    /**
     * TempAccess's {@code {"ResourceInfo":{...},"GranteeClientIds":[...]}}, or Creatio's AddResource body
     * {@code {"Name","DisplayName","Properties"}} (no grantees: GrantAccess links apps later).
     */
    public static Register register(JsonBody body, long nowMillis) {
        if (body.raw("ResourceInfo") == null && body.raw("Name") != null) {
            return application(body, nowMillis);
        }
        JsonBody info = body.object("ResourceInfo");
        if (info == null) {
            throw ApiError.badRequest("'ResourceInfo' is missing (or give Creatio's AddResource body {\"Name\",\"DisplayName\",\"Properties\"})");
        }
        Register r = describe(info, "ResourceInfo.", nowMillis, List.of());
        List<String> grantees = body.strings("GranteeClientIds", Limits.MAX_GRANTEES, Limits.IDENTIFIER);
        if (grantees.isEmpty()) {
            throw ApiError.badRequest("'GranteeClientIds' is missing; name at least one client that may request the resource");
        }
        body.rejectUnread();
        return new Register(r.name(), r.displayName(), r.type(), r.expiresAt(), r.propertiesJson(), distinct(grantees));
    }

    /** Creatio's AddResource/UpdateResource body: {@code {"Name","DisplayName","Properties":{"Type":"ApplicationAccess"}}}. */
    public static Register application(JsonBody body, long nowMillis) {
        return describe(body, "", nowMillis, List.of());
    }

    /** A resource's Name, DisplayName and Properties, under {@code p} ("ResourceInfo." or ""); nothing else is accepted. */
    private static Register describe(JsonBody info, String p, long nowMillis, List<String> grantees) {
        String name = info.requiredText("Name");
        if (!SCOPE_TOKEN.matcher(name).matches()) {
            throw ApiError.badRequest("'" + p + "Name' must be 1 to 255 printable ASCII characters without spaces,"
                    + " quotes or backslashes, since it becomes an OAuth scope");
        }
        if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw ApiError.badRequest("'" + p + "Name' '" + name + "' is the name of a scope that OpenID Connect, Keycloak"
                    + " or the Identity Service API defines; a resource cannot take it");
        }
        String displayName = info.text("DisplayName", Limits.IDENTIFIER);
        JsonBody properties = info.object("Properties");
        String type = null;
        Long expiresAt = null;
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        if (properties != null) {
            for (Map.Entry<String, JsonNode> e : properties.all().entrySet()) {
                properties.text(e.getKey()); // the same bounds as every other text: a string, its length, no control characters
                stored.set(e.getKey(), e.getValue());
            }
            type = properties.text("Type", Limits.IDENTIFIER);
            String expiration = properties.text("ExpirationDate");
            if (expiration != null) {
                expiresAt = parseInstant(expiration, p + "Properties.ExpirationDate").toEpochMilli();
                if (expiresAt <= nowMillis) {
                    throw ApiError.badRequest("'" + p + "Properties.ExpirationDate' " + ApiError.echo(expiration) + " is in the past");
                }
            }
        }
        info.rejectUnread();
        if (stored.toString().length() > 16 * 1024) {
            throw ApiError.badRequest("'" + p + "Properties' is larger than 16 KiB");
        }
        return new Register(name, displayName, type, expiresAt, stored.toString(), grantees);
    }

    /** GrantAccess: {@code {"ClientId","ResourceName"}}. */
    public record Grant(String clientId, String resourceName) {
    }

    public static Grant grant(JsonBody body) {
        Grant g = new Grant(body.requiredText("ClientId"), body.requiredText("ResourceName"));
        body.rejectUnread();
        return g;
    }

    /** List: the selector of {@code Clients/find}, and optionally a Type. */
    public static ListQuery list(JsonBody body) {
        String type = body.text("Type");
        ClientSelector selector = ClientSelector.read(body);
        return new ListQuery(type, selector.customerIds(), selector.clientId());
    }

    public static List<String> delete(JsonBody body) {
        if (!body.has("Resources")) {
            throw ApiError.badRequest("'Resources' is missing; give the names of the resources to delete");
        }
        List<String> names = body.strings("Resources", Limits.MAX_RESOURCES, Limits.IDENTIFIER);
        body.rejectUnread();
        return distinct(names);
    }

    /** ISO-8601 in the years 1 to 9999; a time without offset is UTC, as .NET writes a UTC DateTime of unspecified kind. */
    static Instant parseInstant(String text, String field) {
        String t = text.strip();
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiError.badRequest("'" + field + "' '" + ApiError.echo(t) + "' is not an ISO-8601 date and time"
                        + " such as 2026-12-31T23:59:59Z");
            }
        }
        if (!Limits.yearInRange(at)) {
            throw ApiError.badRequest("'" + field + "' must be a date in the years 1 to 9999");
        }
        return at.toInstant();
    }

    private static List<String> distinct(List<String> items) {
        return new ArrayList<>(new LinkedHashSet<>(items));
    }

    private static Set<String> reservedNames() {
        Set<String> names = new HashSet<>(Set.of("openid", "profile", "email", "address", "phone", "offline_access", "roles",
                "web-origins", "microprofile-jwt", "acr", "basic", "service_account", "organization"));
        ApiScopes.ALL.forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
        return Set.copyOf(names);
    }
}
