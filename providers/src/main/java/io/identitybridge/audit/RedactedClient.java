package io.identitybridge.audit;

import io.identitybridge.vocabulary.ClientFields;
import org.keycloak.models.ClientModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A client as an admin event shows it: ClientRepresentation's names for what is public, and an allow-list of
 * attributes. Never Keycloak's secret, never the IdentityServer4 secret hashes ({@code ib.secrets}), never the
 * client's free-form Properties: an attribute that is not listed here is not shown, whatever it is added for later.
 */
final class RedactedClient {

    /** Attributes that hold no secret: lifetimes, switches, URIs, the CustomerId and the registrar's marks. */
    static final List<String> SHOWN_ATTRIBUTES = List.of(ClientFields.ATTR_CUSTOMER_ID, ClientFields.ATTR_ALLOWED_QUERY_PARAMETERS,
            ClientFields.ATTR_ID_TOKEN_LIFESPAN, ClientFields.ATTR_ACCESS_TOKENS_VIA_BROWSER, ClientFields.ATTR_REGISTERED_BY,
            ClientFields.ATTR_REGISTERED_BY_ID, "access.token.lifespan", "post.logout.redirect.uris", "use.refresh.tokens",
            "pkce.code.challenge.method", "client.session.idle.timeout", "client.session.max.lifespan");

    private RedactedClient() {
    }

    /** What a DELETE carries, as Keycloak's own client DELETE: the ids only. */
    static Map<String, Object> identity(String id, String clientId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("clientId", clientId);
        return m;
    }

    static Map<String, Object> of(ClientModel c) {
        Map<String, Object> m = identity(c.getId(), c.getClientId());
        m.put("name", c.getName());
        m.put("description", c.getDescription());
        m.put("enabled", c.isEnabled());
        m.put("baseUrl", c.getBaseUrl());
        m.put("publicClient", c.isPublicClient());
        m.put("standardFlowEnabled", c.isStandardFlowEnabled());
        m.put("implicitFlowEnabled", c.isImplicitFlowEnabled());
        m.put("serviceAccountsEnabled", c.isServiceAccountsEnabled());
        m.put("redirectUris", new TreeSet<>(c.getRedirectUris()));
        m.put("webOrigins", new TreeSet<>(c.getWebOrigins()));
        m.put("defaultClientScopes", new TreeSet<>(c.getClientScopes(true).keySet()));
        m.put("optionalClientScopes", new TreeSet<>(c.getClientScopes(false).keySet()));
        Map<String, String> attributes = new TreeMap<>();
        for (String name : SHOWN_ATTRIBUTES) {
            String value = c.getAttribute(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        m.put("attributes", attributes);
        return m;
    }
}
