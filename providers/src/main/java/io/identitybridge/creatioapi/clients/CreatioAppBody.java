package io.identitybridge.creatioapi.clients;

import io.identitybridge.jsonbody.JsonKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.jsonbody.Messages;

import java.util.Map;

/**
 * Creatio's AddClient/UpdateClient body (SPEC §4, "OAuth 2.0 integrated applications") in the seed input's IS4 model,
 * recognised by its property names: ClientAppName → ClientName, ClientAppDescription → Description, ClientAppUri →
 * ClientUri, SystemUserId → Properties.SystemUserId (kept as the client's Properties, as IS4 keeps extra data). At
 * registration an app with RedirectUris gets authorization_code (PKCE, refresh tokens) besides client_credentials.
 */
final class CreatioAppBody {

    static final String SYSTEM_USER_ID = "SystemUserId";
    private static final Map<String, String> RENAMED = Map.of("ClientAppName", "ClientName",
            "ClientAppDescription", "Description", "ClientAppUri", "ClientUri");

    private CreatioAppBody() {
    }

    /** True for Creatio's AddClient/UpdateClient body: it names a property that the IS4 model does not have. */
    static boolean isCreatioApp(ObjectNode body) {
        return RENAMED.keySet().stream().anyMatch(k -> JsonKeys.key(body, k) != null) || JsonKeys.key(body, SYSTEM_USER_ID) != null;
    }

    /** Rewrites the body in place; an IS4 body passes unchanged. */
    static void toIs4(ObjectNode body, boolean registering) {
        for (Map.Entry<String, String> e : RENAMED.entrySet()) {
            String given = JsonKeys.key(body, e.getKey());
            if (given == null) {
                continue;
            }
            if (JsonKeys.key(body, e.getValue()) != null) {
                throw ApiError.badRequest("'" + given + "' and '" + e.getValue() + "' are the same property; give one of them");
            }
            body.set(e.getValue(), body.remove(given));
        }
        String systemUser = JsonKeys.key(body, SYSTEM_USER_ID);
        if (systemUser != null) {
            JsonNode v = body.remove(systemUser);
            if (v != null && !v.isNull()) {
                if (!v.isTextual()) {
                    throw ApiError.badRequest("'" + systemUser + "' " + Messages.notA("a string", v));
                }
                String propsKey = JsonKeys.key(body, "Properties");
                JsonNode props = propsKey == null ? null : body.get(propsKey);
                if (props != null && !props.isNull() && !(props instanceof ObjectNode)) {
                    throw ApiError.badRequest("'" + propsKey + "' " + Messages.notA("an object", props));
                }
                ObjectNode p = props instanceof ObjectNode o ? o : body.putObject(propsKey == null ? "Properties" : propsKey);
                p.set(SYSTEM_USER_ID, v);
            }
        }
        String clientId = JsonKeys.key(body, "ClientId");
        if (registering && clientId != null && (body.get(clientId).isNull()
                || body.get(clientId).isTextual() && body.get(clientId).textValue().isBlank())) {
            body.remove(clientId); // Creatio sends an empty ClientId for a new app: one is generated
        }
        if (registering && JsonKeys.key(body, "AllowedGrantTypes") == null) {
            String uris = JsonKeys.key(body, "RedirectUris");
            JsonNode list = uris == null ? null : body.get(uris);
            if (list != null && list.isArray() && !list.isEmpty()) {
                body.set("AllowedGrantTypes", JsonNodeFactory.instance.arrayNode().add("authorization_code").add("client_credentials"));
                if (JsonKeys.key(body, "AllowOfflineAccess") == null) {
                    body.put("AllowOfflineAccess", true); // refresh tokens, as Creatio 8.3 uses them
                }
            }
        }
    }
}
