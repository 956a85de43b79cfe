package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identitybridge.vocabulary.ClientFields;
import io.identitybridge.seed.AllowedScopes;
import io.identitybridge.vocabulary.GrantTypes;
import org.keycloak.models.ClientModel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A client as the Clients calls show it: IS4 names, camelCase, and never a secret. */
final class ClientInfo {

    private ClientInfo() {
    }

    static Map<String, Object> summary(ClientModel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", c.getClientId());
        m.put("clientName", c.getName());
        m.put("description", c.getDescription());
        m.put("customerId", c.getAttribute(ClientFields.ATTR_CUSTOMER_ID));
        return m;
    }

    static Map<String, Object> details(ClientModel c) {
        Map<String, Object> m = summary(c);
        m.put("clientUri", c.getBaseUrl());
        m.put("enabled", c.isEnabled());
        m.put("allowedGrantTypes", GrantTypes.names(c)); // names seeding accepts: hybrid, not code + implicit
        m.put("allowedScopes", AllowedScopes.of(c));
        m.put("redirectUris", List.copyOf(new TreeSet<>(c.getRedirectUris())));
        String postLogout = c.getAttribute("post.logout.redirect.uris");
        m.put("postLogoutRedirectUris", postLogout == null || postLogout.equals("-") ? List.of()
                : Arrays.stream(postLogout.split("##")).filter(s -> !s.isBlank() && !s.equals("-")).sorted().toList());
        m.put("accessTokenLifetime", seconds(c.getAttribute("access.token.lifespan")));
        m.put("allowAccessTokensViaBrowser", "true".equals(c.getAttribute(ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER)));
        m.put("registeredBy", c.getAttribute(ClientFields.ATTR_REGISTERED_BY));
        m.put("systemUserId", property(c, CreatioAppBody.SYSTEM_USER_ID));
        return m;
    }

    /** One of the client's IS4 Properties (kept as one JSON attribute), or null. */
    private static String property(ClientModel c, String name) {
        String json = c.getAttribute(ClientFields.ATTR_PROPERTIES);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode v = new ObjectMapper().readTree(json).get(name);
            return v == null || !v.isTextual() ? null : v.textValue();
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // edited by hand into something else
        }
    }

    /** An attribute edited by hand may hold anything; show it only when it is a number. */
    private static Integer seconds(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
