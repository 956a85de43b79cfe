package io.identitybridge.creatioapi.clients;

import io.identitybridge.jsonbody.JsonKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identitybridge.creatioapi.ApiError;
import io.identitybridge.jsonbody.Messages;

import java.util.Map;

/**
 * Creatio's AddClient/UpdateClient body, which names an integrated application's properties its own way, in the seed
 * input's IS4 model, recognised by its property names: ClientAppName → ClientName, ClientAppDescription → Description,
 * ClientAppUri → ClientUri, SystemUserId → Properties.SystemUserId (kept as the client's Properties, as IS4 keeps extra
 * data). What registration adds to such a body is {@link RegistrationDefaults}' business.
 */
final class CreatioAppBody {

    static final String SYSTEM_USER_ID = "SystemUserId";
    private static final Map<String, String> RENAMED = Map.of("ClientAppName", "ClientName",
            "ClientAppDescription", "Description", "ClientAppUri", "ClientUri");

    private CreatioAppBody() {
    }

    /** True for Creatio's AddClient/UpdateClient body: it names a property that the IS4 model does not have. */
    static boolean isCreatioApp(ObjectNode body) {
        return RENAMED.keySet().stream().anyMatch(name -> JsonKeys.key(body, name) != null)
                || JsonKeys.key(body, SYSTEM_USER_ID) != null;
    }

    /** The body in the IS4 model, as a new body; an IS4 body comes back equal. Throws a 400 for a name given twice. */
    static ObjectNode toIs4(ObjectNode request) {
        ObjectNode body = request.deepCopy();
        for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
            String given = JsonKeys.key(body, rename.getKey());
            if (given == null) {
                continue;
            }
            if (JsonKeys.key(body, rename.getValue()) != null) {
                throw ApiError.badRequest("'" + given + "' and '" + rename.getValue() + "' are the same property; give one of them");
            }
            body.set(rename.getValue(), body.remove(given));
        }
        String systemUser = JsonKeys.key(body, SYSTEM_USER_ID);
        if (systemUser != null) {
            JsonNode userId = body.remove(systemUser);
            if (userId != null && !userId.isNull()) {
                JsonNode text = checkedText(systemUser, userId); // judged before Properties, so its 400 comes first
                properties(body).set(SYSTEM_USER_ID, text);
            }
        }
        return body;
    }

    /** The body's Properties object, added when absent; a Properties that is not an object is a 400. */
    private static ObjectNode properties(ObjectNode body) {
        String key = JsonKeys.key(body, "Properties");
        JsonNode properties = key == null ? null : body.get(key);
        if (properties != null && !properties.isNull() && !(properties instanceof ObjectNode)) {
            throw ApiError.badRequest("'" + key + "' " + Messages.notA("an object", properties));
        }
        return properties instanceof ObjectNode object ? object : body.putObject(key == null ? "Properties" : key);
    }

    private static JsonNode checkedText(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + name + "' " + Messages.notA("a string", value));
        }
        return value;
    }
}
