package io.identitybridge.creatioapi.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.jsonbody.JsonKeys;

import java.util.UUID;

/**
 * A Clients/register body (in the IS4 model) completed with what registration decides when the caller is silent, judged
 * afterwards by {@link RequestCheck} like the rest. Every value added is one the {@link RegistrationRules} allow; only
 * the code flow given for RedirectUris can meet a problem, a RequirePkce false sent with it. An update gets none of
 * these, as it changes only what it gives.
 */
final class RegistrationDefaults {

    private RegistrationDefaults() {
    }

    /**
     * The request completed, as a new body: a generated ClientId when none (or an empty one, as Creatio sends for a new
     * app) is given; with RedirectUris and no grant types, authorization_code (with refresh tokens, as Creatio 8.3 uses
     * them) besides client_credentials, else client_credentials alone; PKCE for authorization_code; IS4's token
     * lifetimes (3600 s, 300 s) unless the cap is lower; and the registrar's CustomerId.
     */
    static ObjectNode completed(RegistrationRules rules, ObjectNode request) {
        ObjectNode body = request.deepCopy();
        String clientId = JsonKeys.key(body, "ClientId");
        if (clientId != null && (body.get(clientId).isNull() || body.get(clientId).isTextual() && body.get(clientId).textValue().isBlank())) {
            body.remove(clientId);
        }
        JsonNode redirectUris = JsonKeys.get(body, "RedirectUris");
        if (JsonKeys.key(body, "AllowedGrantTypes") == null && redirectUris != null && redirectUris.isArray() && !redirectUris.isEmpty()) {
            body.putArray("AllowedGrantTypes").add("authorization_code").add("client_credentials");
            if (JsonKeys.key(body, "AllowOfflineAccess") == null) {
                body.put("AllowOfflineAccess", true);
            }
        }
        if (RequestCheck.grants(body).contains("authorization_code") && absent(body, "RequirePkce")) {
            body.put(JsonKeys.keyOr(body, "RequirePkce"), true);
        }
        for (String name : RequestCheck.LIFETIMES) {
            if (absent(body, name)) {
                body.put(JsonKeys.keyOr(body, name), Math.min(rules.maxLifetime(), name.equals("AccessTokenLifetime") ? 3600 : 300));
            }
        }
        if (rules.inheritedCustomerId() != null && absent(body, "CustomerId")) {
            body.put(JsonKeys.keyOr(body, "CustomerId"), rules.inheritedCustomerId());
        }
        if (JsonKeys.key(body, "ClientId") == null) {
            body.put("ClientId", UUID.randomUUID().toString());
        }
        if (JsonKeys.key(body, "AllowedGrantTypes") == null) {
            body.putArray("AllowedGrantTypes").add("client_credentials");
        }
        return body;
    }

    /** Not given, or JSON null: both leave the decision to the default. */
    private static boolean absent(ObjectNode body, String name) {
        JsonNode value = JsonKeys.get(body, name);
        return value == null || value.isNull();
    }
}
