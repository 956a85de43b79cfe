package io.identitybridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keycloak's admin events of realm creatio, as an operator reads them: {@code GET /admin/realms/creatio/admin-events}. */
public final class AdminEvents {

    private AdminEvents() {
    }

    /** The events whose auth details name this client (its internal id), oldest first. */
    public static List<JsonNode> byClient(KeycloakServer kc, String clientUuid) {
        return query(kc, "authClient=" + clientUuid);
    }

    /** The events at this resource path, or under it with a trailing {@code *}, oldest first. */
    public static List<JsonNode> at(KeycloakServer kc, String resourcePath) {
        return query(kc, "resourcePath=" + URLEncoder.encode(resourcePath, StandardCharsets.UTF_8));
    }

    /** What an event is: "OPERATION RESOURCE_TYPE resource/path". */
    public static String key(JsonNode event) {
        return event.get("operationType").asText() + " " + event.get("resourceType").asText() + " " + event.get("resourcePath").asText();
    }

    public static List<String> keys(List<JsonNode> events) {
        return events.stream().map(AdminEvents::key).sorted().toList();
    }

    /**
     * Runs the body with representations switched on in realm creatio, as {@code kcadm.sh update realms/creatio -s
     * adminEventsDetailsEnabled=true} does, and puts the realm's setting back afterwards: the suite's server is shared.
     */
    public static void withRepresentations(KeycloakServer kc, Runnable body) {
        boolean before = kc.admin("GET", "/realms/creatio", null).json().get("adminEventsDetailsEnabled").asBoolean();
        setRepresentations(kc, true);
        try {
            body.run();
        } finally {
            setRepresentations(kc, before);
        }
    }

    private static void setRepresentations(KeycloakServer kc, boolean on) {
        Http.Response r = kc.admin("PUT", "/realms/creatio", Map.of("adminEventsDetailsEnabled", on));
        assertEquals(204, r.status(), r.body());
    }

    private static List<JsonNode> query(KeycloakServer kc, String filter) {
        Http.Response r = kc.admin("GET", "/realms/creatio/admin-events?max=1000&direction=asc&" + filter, null);
        assertEquals(200, r.status(), r.body());
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }
}
